import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";

/**
 * One drawing of the shared image as a results document: the time until every tile was in, with
 * fresh workers started inside it (what the reader watched). Its threads are the workers, so two
 * runs with different counts compare as a scaling pair.
 */
export function tilesDocument(width: number, height: number, tile: number, workers: number, ms: number): Promise<ResultsV1> {
  return measuredDocument(
    "shared-tiles",
    "shared-tiles",
    [
      {
        case: `${width}×${height}, tiles of ${tile}`,
        params: { width, height, tile },
        variant: "shared-tiles",
        threads: workers,
        samples: [ms],
      },
    ],
    { kernelIsa: "none", quick: false },
  );
}
