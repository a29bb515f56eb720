import { formatNumber, formatSignificant } from "../../lab/i18n/format.ts";
import { pageLocale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";

/** Number formatting shared by the tables, charts and claims, in the page's locale (Intl). */
const fixed = (x: number, digits: number) => formatNumber(pageLocale(), x, digits);
export const ms = (x: number) =>
  x >= 100 ? fixed(x, 0) : x >= 10 ? fixed(x, 1) : x >= 1 ? fixed(x, 2) : formatSignificant(pageLocale(), x, 2);
export const ratio = (x: number) => `${x >= 10 ? fixed(x, 0) : fixed(x, 1)}×`;
export const gflops = (x: number | undefined) => (x === undefined ? "—" : x >= 10 ? fixed(x, 1) : fixed(x, 2));
export const threadsLabel = (t: number) => pageMessages().threadCount(t);
