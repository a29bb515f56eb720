/** aT (cols × rows) = the transpose of a (rows × cols), both dense and row-major. */
export function transposeF32(rows: number, cols: number, a: Float32Array, aT: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) aT[j * rows + i] = a[i * cols + j]!;
  }
}
