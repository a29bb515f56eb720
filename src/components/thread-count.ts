import { MAX_RUN_THREADS } from "../lab/run-threads.ts";
import { pageMessages } from "./i18n/messages.ts";

/**
 * A thread or worker count field's value, from `min` up to MAX_RUN_THREADS: past the cores the
 * browser reports too, since browsers under-report them (the field's note says what that means).
 * Anything else is a RangeError whose message the island shows as it is, naming the field.
 */
export function parseThreadCount(value: string, field: string, min = 1): number {
  const count = Number(value.trim());
  if (value.trim() === "" || !Number.isInteger(count) || count < min || count > MAX_RUN_THREADS) {
    throw new RangeError(pageMessages().countOutOfRange(field, min, MAX_RUN_THREADS, value));
  }
  return count;
}

/**
 * Presets a count field to `preset`, lets it go up to MAX_RUN_THREADS, and keeps `note` (its
 * aria-describedby, ThreadsNote.astro) saying what a count past the browser's reported cores means
 * while the field asks for one; hidden otherwise.
 */
export function bindThreadCount(field: HTMLInputElement, note: HTMLElement, preset: number): void {
  field.max = String(MAX_RUN_THREADS);
  field.value = String(preset);
  const show = () => {
    const cores = navigator.hardwareConcurrency;
    note.textContent = field.valueAsNumber > cores ? pageMessages().threadsNote(field.valueAsNumber, cores) : "";
    note.hidden = note.textContent === "";
  };
  field.addEventListener("input", show);
  show();
}
