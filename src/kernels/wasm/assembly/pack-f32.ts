// pack_f32_rows / pack_f32_panels_8: copy a block of a row-major f32 matrix into a contiguous
// buffer laid out the way the 6x8 micro-kernel walks it (gemm-f32-6x8-packed-wasmrelaxedsimd.ts), so every operand it
// reads during one depth block is a short, dense stream instead of rows a full matrix width apart.
// Pointers and strides in bytes; sizes in floats. Neither function reads or writes outside the
// block and the buffer.

/**
 * The rows × cols block at src (row stride srcStride) into dst as dense rows of `cols` floats:
 * six consecutive rows of it are one A micro-panel, 6·cols floats with no gap.
 */
export function pack_f32_rows(rows: i32, cols: i32, src: usize, srcStride: usize, dst: usize): void {
  const rowBytes = <usize>cols << 2;
  const vectorBytes = rowBytes & ~(<usize>15);
  for (let i = 0; i < rows; i++) {
    let q: usize = 0;
    for (; q < vectorBytes; q += 16) v128.store(dst + q, v128.load(src + q));
    for (; q < rowBytes; q += 4) store<f32>(dst + q, load<f32>(src + q));
    src += srcStride;
    dst += rowBytes;
  }
}

/**
 * The rows × cols block at src (row stride srcStride) into dst as column panels 8 floats wide:
 * panel j holds columns 8j..8j+7 of every row, row after row (rows × 8 floats, 32 bytes per row), so
 * the micro-kernel's two B vectors of a depth step are adjacent and consecutive steps are 32 bytes
 * apart. A last panel narrower than 8 leaves its unused lanes unwritten: the right-edge kernels
 * read only the columns that exist.
 */
export function pack_f32_panels_8(rows: i32, cols: i32, src: usize, srcStride: usize, dst: usize): void {
  const panelBytes = <usize>rows << 5;
  const full = cols & ~7;
  // Row by row, so the source (a large matrix) is read in order, as its prefetcher expects; the
  // writes jump between panels but land in the buffer, which stays in cache.
  for (let p = 0; p < rows; p++) {
    let from = src;
    let to = dst;
    for (let j = 0; j < full; j += 8) {
      v128.store(to, v128.load(from));
      v128.store(to, v128.load(from, 16), 16);
      from += 32;
      to += panelBytes;
    }
    for (let j = full; j < cols; j++) {
      store<f32>(to, load<f32>(from));
      from += 4;
      to += 4;
    }
    src += srcStride;
    dst += 32;
  }
}
