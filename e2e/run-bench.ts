import { expect, type Locator } from "@playwright/test";
import { readFile } from "node:fs/promises";
import type { ResultsV1 } from "../src/lab/results.ts";

/** Runs a benchmark island as a reader would (quick mode, its default threads) and returns its downloaded results. */
export async function runQuick(island: Locator): Promise<ResultsV1> {
  await island.getByLabel("Quick run").check();
  await island.getByRole("button", { name: "Run" }).click();
  const progress = island.getByRole("progressbar");
  await expect(progress).toBeVisible();
  // The run is over when its progress bar goes (a previous run's Download JSON may still be showing).
  await expect(progress).toBeHidden({ timeout: 8 * 60_000 });
  const downloadButton = island.getByRole("button", { name: "Download JSON" });
  await expect(downloadButton).toBeVisible();
  const download = island.page().waitForEvent("download");
  await downloadButton.click();
  return JSON.parse(await readFile(await (await download).path(), "utf8")) as ResultsV1;
}
