import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { RunProgress } from "../../lab/run-benchmark.ts";
import { pageMessages } from "../i18n/messages.ts";

/**
 * What a run is measuring now, in the page's language, from the progress the runner reports as data;
 * variants and cases by their text in `bench` (by id without one).
 */
export function progressText(p: RunProgress, bench: Pick<BenchmarkMeta, "variants" | "cases"> = { variants: [], cases: [] }): string {
  const t = pageMessages();
  if (p.remeasuring !== undefined) return t.remeasuring(p.remeasuring);
  if (p.task === undefined) return p.current;
  const { variant, case: kase, threads } = p.task;
  return t.taskOn(variantLabel(bench, variant), caseText(bench, kase), t.threadCount(threads));
}

/** A variant's label in `bench` (its id without one). */
export const variantLabel = (bench: Pick<BenchmarkMeta, "variants">, id: string) => bench.variants.find((v) => v.id === id)?.label ?? id;

/** A case's text in `bench` (its label without one). */
export const caseText = (bench: Pick<BenchmarkMeta, "cases">, label: string) => bench.cases.find((c) => c.label === label)?.text ?? label;
