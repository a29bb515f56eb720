import { IMPORT_LIMITS, parseResults } from "../../lab/results-import.ts";
import type { ResultsV1 } from "../../lab/results.ts";

/** Reads and validates a results file the reader chose or dropped; an oversized one is refused unread. */
export async function readResultsFile(file: File): Promise<ResultsV1> {
  const max = IMPORT_LIMITS.maxChars;
  if (file.size > max) {
    throw new Error(`${file.name}: the file has ${(file.size / 2 ** 20).toFixed(1)} MB; at most ${max / 2 ** 20} MB is accepted`);
  }
  try {
    return parseResults(await file.text());
  } catch (error) {
    throw new Error(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Lets the reader drop files on `target`, which shows it is a drop target while files hover over it. */
export function acceptDroppedFiles(target: HTMLElement, onFiles: (files: File[]) => void): void {
  const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") === true;
  const hovering = (on: boolean) => target.classList.toggle("ec-drop-target", on);
  target.addEventListener("dragover", (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault(); // accept the drop instead of letting the browser open the file
    e.dataTransfer!.dropEffect = "copy";
    hovering(true);
  });
  target.addEventListener("dragleave", (e) => {
    if (!(e.relatedTarget instanceof Node && target.contains(e.relatedTarget))) hovering(false);
  });
  target.addEventListener("drop", (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    hovering(false);
    onFiles([...e.dataTransfer!.files]);
  });
}
