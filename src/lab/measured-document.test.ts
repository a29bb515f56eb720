import { describe, expect, it } from "vitest";
import { measuredDocument } from "./measured-document.ts";
import { parseResults } from "./results-import.ts";

describe("measuredDocument", () => {
  it("summarizes an island's own timings into a document the importer accepts as is", async () => {
    const doc = await measuredDocument(
      "jit-warmup",
      "first-call",
      [
        { case: "200 calls", variant: "first-call", threads: 1, samples: [4] },
        { case: "200 calls", variant: "steady-state", threads: 1, samples: [0.5, 0.4, 0.6, 0.5] },
      ],
      { kernelIsa: "none", quick: false },
    );
    expect(doc.results.map((r) => [r.variant, r.median, r.n])).toEqual([
      ["first-call", 4, 1],
      ["steady-state", 0.5, 4],
    ]);
    expect(doc.baselines).toEqual({ "jit-warmup": "first-call" });
    expect(parseResults(JSON.stringify(doc))).toEqual(doc);
  });
});
