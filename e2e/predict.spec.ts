import { expect, test } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";

/**
 * Predict, then measure: the guess typed with the keyboard is kept across a reload (localStorage),
 * and a results document that carries the island's claim sets the guess beside the measured ratio
 * and shows the reason. The document is dispatched as a run dispatches it, so no benchmark runs here.
 */
test("a guess is kept in this browser and compared with the measured ratio after a run", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/gil/");
  const island = page.locator('ec-predict[data-claim="gil-workers/workers-2"]');
  const guess = island.getByRole("spinbutton", { name: /how many times as fast/i });
  await guess.focus();
  await page.keyboard.type("3");
  await page.reload();
  await expect(guess).toHaveValue("3");
  await expect(island.locator('[data-part="why"]')).toBeHidden();
  const claims = [{ id: "gil-workers/workers-2", status: "pass", ratio: 1.9, required: 1.6 }];
  await page.evaluate((detail) => document.dispatchEvent(new CustomEvent("every-core:results", { detail })), {
    results: [],
    claims,
    skipped: [],
  });
  await expect(island.locator('[data-part="outcome"]')).toHaveText(
    "You guessed 3.0×; your machine measured 1.9×: your guess was 1.6× too high.",
  );
  await expect(island).toHaveAttribute("data-verdict", "high");
  await expect(island.locator('[data-part="why"]')).toBeVisible();
  expect(errors).toEqual([]);
});
