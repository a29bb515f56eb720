import { pageLocale, type Locale } from "../../lab/i18n/locale.ts";
import type { ReferenceWords } from "../../lab/gallery.ts";
import { en, type Messages } from "./messages.en.ts";
import { zhTW } from "./messages.zh-TW.ts";

export type { Messages };

const TABLES: Record<Locale, Messages> = { en, "zh-TW": zhTW };

/** The islands' strings in `locale`. */
export function messages(locale: Locale): Messages {
  return TABLES[locale];
}

/** The strings of the page this island is on (its <html lang>). */
export function pageMessages(): Messages {
  return TABLES[pageLocale()];
}

/** The words of a results source's label (lab/result-source.ts, lab/gallery.ts) in a locale's table. */
export function sourceWords(t: Messages): ReferenceWords {
  return { live: t.liveSource, threads: t.threadCount, reference: t.referenceSource };
}

/** The words of a results source's label on this page. */
export function pageSourceWords(): ReferenceWords {
  return sourceWords(pageMessages());
}
