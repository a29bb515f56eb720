import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import type { BlurMethod } from "./blur-photo.ts";

/**
 * One photo's three blurs as a results document, the direct Gaussian as the baseline. The case
 * names the size and k, not the file: a reader's own file name stays out of exports and links.
 */
export function blurDocument(
  width: number,
  height: number,
  k: number,
  blurs: readonly { method: BlurMethod; ms: number }[],
): Promise<ResultsV1> {
  const at = { case: `photo ${width}×${height}, k=${k}`, params: { width, height, k } };
  return measuredDocument(
    "blur-photo",
    "gaussian-direct",
    blurs.map((b) => ({ ...at, variant: b.method, threads: 1, samples: [b.ms] })),
    { kernelIsa: "none", quick: false },
  );
}
