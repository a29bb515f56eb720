import { readGallery, type ReferenceRun } from "../../lab/gallery.ts";

/**
 * The committed reference runs (src/content/results/*.json: data, not code), read and validated
 * when the site is built: a bad file fails the build with an error naming the file and the problem.
 * Server-side only: the pages get the numbers they show, never the files with their samples.
 */
const files = import.meta.glob<string>("../../content/results/*.json", { query: "?raw", import: "default", eager: true });

export const REFERENCE_RUNS: readonly ReferenceRun[] = readGallery(
  Object.entries(files).map(([path, text]) => ({ file: path.slice(path.lastIndexOf("/") + 1), text })),
);
