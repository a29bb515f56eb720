import { pairwiseBroadcastScratch, pairwiseSqdistF32BroadcastTs } from "../../kernels/pairwise-sqdist-f32-broadcast-ts.ts";
import { pairwiseSqdistF32FusedTs } from "../../kernels/pairwise-sqdist-f32-fused-ts.ts";
import type { PairwiseShape } from "../../kernels/pairwise-shape.ts";
import { randomF32 } from "../../kernels/random.ts";
import { defineBenchmark } from "../benchmark.ts";

/**
 * The memory cost of broadcasting: pairwise squared distances with the two (N, M, D) temporaries
 * numpy's broadcast expression materialises, vs one fused loop, from cache-sized temporaries to
 * ones far larger than any cache.
 */
interface PairwiseInput {
  a: Float32Array;
  b: Float32Array;
}

const SHAPES: PairwiseShape[] = [
  { n: 64, m: 64, d: 16 },
  { n: 256, m: 256, d: 64 },
];
const label = ({ n, m, d }: PairwiseShape) => `N=${n}, M=${m}, D=${d}`;
const LARGE = SHAPES[1]!;

export const broadcastTemporaries = defineBenchmark<PairwiseShape, PairwiseInput>({
  id: "broadcast-temporaries",
  title: "Pairwise distances: broadcast temporaries vs a fused loop",
  chapter: "/vectorization/broadcasting/",
  cases: SHAPES.map((params) => ({ label: label(params), params })),
  caseAxis: "points N × M, dimension D",
  seed: 20261125,
  input: (s, seed) => ({ a: randomF32(s.n * s.d, seed), b: randomF32(s.m * s.d, seed + 1) }),
  reference(s, { a, b }) {
    const out = new Float32Array(s.n * s.m);
    pairwiseSqdistF32FusedTs(s, a, b, out);
    return out;
  },
  // A subtraction, a multiply and an add per (i, j, k).
  flops: ({ n, m, d }) => 3 * n * m * d,
  // The broadcast form writes diff, reads it and writes squared, then reads squared: 4 float32
  // passes over N·M·D; the fused one touches only the inputs (from cache) and the output.
  bytes: ({ n, m, d }, variant) => 4 * (variant === "pairwise-sqdist-f32-broadcast-ts" ? 4 * n * m * d + n * m : (n + m) * d + n * m),
  // Inputs in [-1, 1]: distances ≤ 4·D; the float32 temporaries add ≤ 4u relative (see the kernel test).
  tolerance: ({ d }) => 4 * 2 ** -24 * 4 * d,
  baseline: "pairwise-sqdist-f32-broadcast-ts",
  variants: [
    {
      id: "pairwise-sqdist-f32-broadcast-ts",
      label: "Broadcast: three whole-array passes with two (N, M, D) temporaries (TypeScript)",
      prepare(s, { a, b }) {
        const out = new Float32Array(s.n * s.m);
        const scratch = pairwiseBroadcastScratch(s);
        return { run: () => pairwiseSqdistF32BroadcastTs(s, a, b, out, scratch), output: () => out };
      },
    },
    {
      id: "pairwise-sqdist-f32-fused-ts",
      label: "Fused loop: one accumulator per pair, no temporary (TypeScript)",
      prepare(s, { a, b }) {
        const out = new Float32Array(s.n * s.m);
        return { run: () => pairwiseSqdistF32FusedTs(s, a, b, out), output: () => out };
      },
    },
  ],
  claims: [
    {
      id: "broadcast-temporaries/fused-large",
      case: label(LARGE),
      faster: { variant: "pairwise-sqdist-f32-fused-ts" },
      slower: { variant: "pairwise-sqdist-f32-broadcast-ts" },
      atLeast: 2,
      because:
        "the broadcast form writes two 16 MB temporaries and reads them back, far more than the caches hold, while the fused loop keeps each running sum in a register",
    },
  ],
});
