import { expect, type Locator } from "@playwright/test";
import { MAX_RUN_THREADS } from "../src/lab/run-threads.ts";

/**
 * A thread or worker count field of an island: hidden note at `within` (a count the browser
 * reports), and at `past` (more than it reports) a valid field with the note on under-reporting
 * and oversubscription visible and read as the field's description. Leaves the field at `past`.
 */
export async function expectThreadsNotePast(
  island: Locator,
  field: Locator,
  reported: number,
  within: number,
  past: number,
): Promise<void> {
  const note = island.locator('[data-part="threads-note"]');
  await expect(field).toHaveAttribute("max", String(MAX_RUN_THREADS));
  await field.fill(String(within));
  await expect(note).toBeHidden();
  await field.fill(String(past));
  await expect(note).toBeVisible();
  await expect(note).toContainText(`This browser reports ${reported} core`);
  await expect(note).toContainText("take turns");
  await expect(field).toHaveAccessibleDescription(/Browsers may report fewer than the machine has/);
}

/** Past the bound (MAX_RUN_THREADS + 1) the island refuses to start, naming the field, the range and the value. */
export async function expectRefusedPastBound(island: Locator, field: Locator, name: string, run: Locator, min = 1): Promise<void> {
  const value = String(MAX_RUN_THREADS + 1);
  await field.fill(value);
  await run.click();
  await expect(island.getByRole("alert")).toHaveText(
    `${name} must be a whole number from ${min} to ${MAX_RUN_THREADS} (the most threads a run may use); got "${value}".`,
  );
  await expect(island.getByRole("progressbar")).toBeHidden();
}
