import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { collectErrors } from "./console-errors.ts";

/**
 * The photo island of "Algorithm first": a site photo and a reader's image are blurred three ways
 * in a worker and shown with their times; a non-image and a corrupt PNG get a clear message.
 */
const PAGE = "/vectorization/algorithm-first/";
const METHODS = ["gaussian-direct", "gaussian-separable", "box-integral"];

const island = (page: Page) => page.locator("ec-blur-photo");

async function expectBlurred(page: Page, width: number, height: number) {
  await expect(island(page).getByRole("status")).toContainText(`Done: ${width}×${height}`, { timeout: 60_000 });
  await expect(island(page).getByRole("alert")).toBeHidden();
  for (const image of ["before", ...METHODS]) {
    const canvas = island(page).locator(`canvas[data-image="${image}"]`);
    await expect(canvas).toBeVisible();
    expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([width, height]);
  }
  for (const method of METHODS) await expect(island(page).locator(`[data-time="${method}"]`)).toHaveText(/^[\d.]+ ms$/);
}

test("a site photo is blurred three ways, with times", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  await island(page).getByRole("button", { name: "Blur" }).click();
  await expectBlurred(page, 512, 512);
  expect(errors).toEqual([]);
});

test("the reader's own image is blurred", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  await island(page).getByLabel("Window").selectOption("3");
  await island(page)
    .getByLabel("Or your own image")
    .setInputFiles({
      name: "cat.png",
      mimeType: "image/png",
      buffer: await readFile("public/images/chelsea.png"),
    });
  await expectBlurred(page, 451, 300);
  expect(errors).toEqual([]);
});

test("a file that is not an image is rejected with a clear message", async ({ page }) => {
  await page.goto(PAGE);
  await island(page)
    .getByLabel("Or your own image")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not pixels") });
  await expect(island(page).getByRole("alert")).toHaveText('"notes.txt" is not an image (its type is text/plain).');
  await expect(island(page).locator('[data-part="figures"]')).toBeHidden();
});

test("a corrupt PNG is rejected with a clear message", async ({ page }) => {
  await page.goto(PAGE);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const truncated = Buffer.concat([signature, Buffer.from("IHDR and then nothing that decodes")]);
  await island(page).getByLabel("Or your own image").setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: truncated });
  await expect(island(page).getByRole("alert")).toContainText('"broken.png" could not be decoded');
  // The page stays usable: a good photo still blurs afterwards.
  await island(page).getByRole("button", { name: "Blur" }).click();
  await expectBlurred(page, 512, 512);
});

test("an image larger than the limit is scaled down to 2048 px on its longest side", async ({ page }) => {
  await page.goto(PAGE);
  await island(page).getByLabel("Window").selectOption("3");
  // A 3000×1000 PNG drawn by the browser itself: a gradient, so it is a real, decodable image.
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 3000;
    canvas.height = 1000;
    const ctx = canvas.getContext("2d")!;
    const gradient = ctx.createLinearGradient(0, 0, 3000, 1000);
    gradient.addColorStop(0, "black");
    gradient.addColorStop(1, "white");
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 3000, 1000);
    return canvas.toDataURL("image/png").split(",")[1]!;
  });
  await island(page)
    .getByLabel("Or your own image")
    .setInputFiles({ name: "wide.png", mimeType: "image/png", buffer: Buffer.from(base64, "base64") });
  await expectBlurred(page, 2048, 683);
  await expect(island(page).getByRole("status")).toContainText("scaled down from 3000×1000");
});
