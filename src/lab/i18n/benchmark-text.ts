import type { Benchmark } from "../benchmark.ts";
import type { ClaimSide } from "../claims.ts";
import { benchmarkTextZhTW } from "./benchmark-text.zh-TW.ts";
import type { BenchmarkTranslation } from "./benchmark-translation.ts";
import type { Locale } from "./locale.ts";

const TRANSLATIONS: Partial<Record<Locale, BenchmarkTranslation>> = { "zh-TW": benchmarkTextZhTW };

/** The words a claim sentence is made of, per locale. */
const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;

/** Chinese text joined with a space between a Han character and a Latin letter or digit, as the site's glossary asks. */
function spaced(...parts: string[]): string {
  return parts.reduce((text, part) => {
    const a = text.at(-1) ?? "";
    const b = part[0] ?? "";
    const gap = (HAN.test(a) && LATIN_OR_DIGIT.test(b)) || (LATIN_OR_DIGIT.test(a) && HAN.test(b));
    return text + (gap ? " " : "") + part;
  }, "");
}

interface ClaimWords {
  threads(n: number): string;
  side(label: string, threads: string): string;
  ratio(atLeast: number): string;
  sentence(faster: string, ratio: string, slower: string, kase: string): string;
}

const CLAIM_WORDS: Record<Locale, ClaimWords> = {
  en: {
    threads: (n) => (n === 1 ? "1 thread" : `${n} threads`),
    side: (label, threads) => `${label} on ${threads}`,
    ratio: (atLeast) => `${atLeast}×`,
    sentence: (faster, ratio, slower, kase) => `${faster} is at least ${ratio} as fast as ${slower} on ${kase}`,
  },
  "zh-TW": {
    threads: (n) => `${n} 個執行緒`,
    side: (label, threads) => spaced("以", threads, "執行的", label),
    ratio: (atLeast) => `${atLeast} 倍`,
    // The ratio starts with a digit: always a space before it.
    sentence: (faster, ratio, slower, kase) => `${spaced("在", kase, "上，", faster, "，速度至少是", slower, "的")} ${ratio}`,
  },
};

/** A benchmark's text in one locale; English (the declaration's own) where the locale has none. */
export class BenchmarkText {
  readonly #bench: Pick<Benchmark, "id" | "title" | "caseAxis" | "variants" | "claims">;
  readonly #t: BenchmarkTranslation | undefined;
  readonly locale: Locale;

  constructor(bench: Pick<Benchmark, "id" | "title" | "caseAxis" | "variants" | "claims">, locale: Locale) {
    this.#bench = bench;
    this.#t = TRANSLATIONS[locale];
    this.locale = locale;
  }

  get title(): string {
    return this.#t?.benchmarks[this.#bench.id]?.title ?? this.#bench.title;
  }

  get caseAxis(): string {
    return this.#t?.benchmarks[this.#bench.id]?.caseAxis ?? this.#bench.caseAxis;
  }

  variant(id: string): string {
    return this.#t?.variants[id] ?? this.#bench.variants.find((v) => v.id === id)?.label ?? id;
  }

  caseText(label: string): string {
    return this.#t?.cases[label] ?? label;
  }

  because(claimId: string): string {
    return this.#t?.because[claimId] ?? this.#bench.claims.find((c) => c.id === claimId)?.because ?? "";
  }

  threads(n = 1): string {
    return CLAIM_WORDS[this.locale].threads(n);
  }

  /** One side of a claim: "Packed SIMD kernel on the pool (WebAssembly) on 2 threads". */
  side(side: ClaimSide): string {
    return CLAIM_WORDS[this.locale].side(this.variant(side.variant), this.threads(side.threads));
  }

  /** The claim as one sentence: "A on 2 threads is at least 1.8× as fast as A on 1 thread on 1024³". */
  claimSentence(claimId: string): string {
    const { before, ratio, after } = this.claimParts(claimId);
    return before + ratio + after;
  }

  /** The claim's sentence around its ratio, for a page that sets the ratio apart (in bold). */
  claimParts(claimId: string): { before: string; ratio: string; after: string } {
    const claim = this.#bench.claims.find((c) => c.id === claimId);
    if (!claim) throw new RangeError(`invalid claim: ${claimId} is not a claim of ${this.#bench.id}`);
    const words = CLAIM_WORDS[this.locale];
    const mark = "\u0000"; // never in a label: where the ratio goes
    const [before = "", after = ""] = words
      .sentence(this.side(claim.faster), mark, this.side(claim.slower), this.caseText(claim.case))
      .split(mark);
    return { before, ratio: words.ratio(claim.atLeast), after };
  }
}

/** The locales with a translation table, for the test that checks each one covers the registry. */
export function translationOf(locale: Locale): BenchmarkTranslation | undefined {
  return TRANSLATIONS[locale];
}
