/**
 * A locale's text for the benchmarks, keyed by id (the English stays beside the code in each
 * declaration): a title and case axis per benchmark, a label per variant id, a `because` per claim
 * id, and the case labels that hold words (the others, "512³", read the same in every language).
 */
export interface BenchmarkTranslation {
  benchmarks: Readonly<Record<string, { title: string; caseAxis: string }>>;
  variants: Readonly<Record<string, string>>;
  cases: Readonly<Record<string, string>>;
  because: Readonly<Record<string, string>>;
}
