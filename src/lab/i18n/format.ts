import type { Locale } from "./locale.ts";

/**
 * Numbers for a reader, with `Intl` for the page's locale (its digits and decimal sign). The
 * fixed precision of each kind of number (times, ratios, rates) is the tables' and the charts' own;
 * no digit grouping, so a figure reads the same as before in English ("1234.5").
 */
export function formatNumber(locale: Locale, x: number, fractionDigits: number): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: false,
  }).format(x);
}

/** `x` to `digits` significant digits (small values such as 0.0042 ms). */
export function formatSignificant(locale: Locale, x: number, digits: number): string {
  return new Intl.NumberFormat(locale, { minimumSignificantDigits: digits, maximumSignificantDigits: digits, useGrouping: false }).format(
    x,
  );
}

/** A date and time, as the reader's locale writes it. */
export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(date);
}
