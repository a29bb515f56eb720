import { describe, expect, it } from "vitest";
import { benchmarks } from "../registry.ts";
import { translationOf } from "./benchmark-text.ts";
import { LOCALES } from "./locale.ts";

/** Sorted unique strings. */
const ids = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe("benchmark text per locale", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const t = translationOf(locale);

    it(`${locale}: has a table`, () => {
      expect(t).toBeDefined();
    });

    it(`${locale}: every benchmark, variant and claim of the registry has its text, and no key is stale`, () => {
      expect(ids(Object.keys(t!.benchmarks))).toEqual(ids(benchmarks.map((b) => b.id)));
      expect(ids(Object.keys(t!.variants))).toEqual(ids(benchmarks.flatMap((b) => b.variants.map((v) => v.id))));
      expect(ids(Object.keys(t!.because))).toEqual(ids(benchmarks.flatMap((b) => b.claims.map((c) => c.id))));
      const caseLabels = new Set(benchmarks.flatMap((b) => b.cases.map((c) => c.label)));
      expect(Object.keys(t!.cases).filter((label) => !caseLabels.has(label))).toEqual([]);
    });

    it(`${locale}: every case label with English words has its text`, () => {
      const words = /[A-Za-z]{3,}/;
      const untranslated = benchmarks
        .flatMap((b) => b.cases.map((c) => c.label))
        .filter((label) => words.test(label.replace(/\b(?:MNIST|CNN|Keras|KiB|MiB|MB|KB)\b/g, "")) && !(label in t!.cases));
      expect(untranslated).toEqual([]);
    });

    it(`${locale}: no text is empty or the English one`, () => {
      const same = benchmarks.flatMap((b) => [
        ...(t!.benchmarks[b.id]?.title === b.title ? [b.title] : []),
        ...(t!.benchmarks[b.id]?.caseAxis === b.caseAxis ? [b.caseAxis] : []),
        ...b.variants.filter((v) => t!.variants[v.id] === v.label).map((v) => v.label),
        ...b.claims.filter((c) => t!.because[c.id] === c.because).map((c) => c.because),
      ]);
      const texts = [
        ...Object.values(t!.benchmarks).flatMap((b) => [b.title, b.caseAxis]),
        ...Object.values(t!.variants),
        ...Object.values(t!.because),
      ];
      expect(same).toEqual([]);
      expect(texts.filter((s) => s.trim() === "")).toEqual([]);
    });
  }
});
