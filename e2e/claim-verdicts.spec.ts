import { expect, test } from "@playwright/test";
import type { ClaimResult } from "../src/lab/claims.ts";
import { collectErrors } from "./console-errors.ts";

/**
 * What a claim on a chapter says after the reader's run, for each verdict the runner can give. The
 * results are dispatched as a run dispatches them, so no benchmark runs here.
 */
const ID = "gil-workers/workers-2";
const verdicts: [string, ClaimResult, string][] = [
  ["holds", { id: ID, status: "pass", ratio: 1.9, required: 1.6 }, "(measured on your machine: 1.9× — holds)"],
  [
    "fails after a second measurement",
    { id: ID, status: "fail", ratio: 1.3, firstRatio: 1.2, by: "fastest", required: 1.6, capacity: 1.95 },
    "(measured on your machine: 1.2×, then 1.3× when measured again after a pause, comparing the fastest runs — does not hold)",
  ],
  [
    "is not judged on cores that could not give the speed-up",
    { id: ID, status: "unavailable", ratio: 1.1, firstRatio: 1.2, required: 1.6, capacity: 1.14, reason: "see capacity" },
    "(measured on your machine: 1.2×, then 1.1× when measured again after a pause — not judged: while it ran, your cores sped up pure arithmetic only 1.1× at these thread counts, less than the claim needs)",
  ],
  [
    "between two variants is not judged on cores that could not give the speed-up",
    { id: ID, status: "unavailable", ratio: 1.1, required: 1.6, capacity: 1.14, codeFactor: 1.2, reason: "see capacity" },
    "(measured on your machine: 1.1× — not judged: while it ran, your cores sped up pure arithmetic only 1.1× at these thread counts, so with these two variants at most 1.4× was possible, less than the claim needs)",
  ],
];

for (const [what, claim, text] of verdicts) {
  test(`a claim that ${what} says so`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto("/basics/gil/");
    await page.evaluate((detail) => document.dispatchEvent(new CustomEvent("every-core:results", { detail })), {
      results: [],
      claims: [claim],
      skipped: [],
    });
    const shown = page.locator(`ec-claim[data-claim="${ID}"]`).first();
    await expect(shown).toHaveAttribute("data-status", claim.status);
    await expect(shown.locator('[data-part="measured"]')).toHaveText(text);
    expect(errors).toEqual([]);
  });
}
