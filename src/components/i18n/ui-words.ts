import type { Messages } from "./messages.en.ts";

/** Every string of a table, functions called with a placeholder for each value they take. */
function texts(table: Messages): string[] {
  return Object.values(table).map((m: string | ((...args: never[]) => string)) =>
    typeof m === "string" ? m : (m as (...args: string[]) => string)(...Array<string>(m.length).fill("")),
  );
}

const WORD = /[A-Za-z][A-Za-z'-]{3,}/g;

/**
 * The English words of the `en` table that a translated table never uses: seen in a translated
 * island, each one is a string left in English. Words the translation keeps (JSON, Markdown,
 * WebAssembly, SharedArrayBuffer…) are not on the list.
 */
export function englishOnlyWords(en: Messages, translated: Messages): Set<string> {
  const kept = new Set(
    texts(translated)
      .flatMap((s) => s.match(WORD) ?? [])
      .map((w) => w.toLowerCase()),
  );
  return new Set(
    texts(en)
      .flatMap((s) => s.match(WORD) ?? [])
      .map((w) => w.toLowerCase())
      .filter((w) => !kept.has(w)),
  );
}
