import type { Benchmark } from "./benchmark.ts";
import { describeEnv, importedSource, type ResultSource, type SourceWords } from "./result-source.ts";
import { parseResults } from "./results-import.ts";
import type { ResultsV1 } from "./results.ts";

/**
 * The results gallery: reference runs committed as JSON under GALLERY_DIR, each read through the
 * same validating importer as a file a reader imports (results-import.ts), plus what a gallery
 * file must also be: named by the convention below, a full run, and the kind its name says.
 */

/** Where the reference runs live, from the repository root. */
export const GALLERY_DIR = "src/content/results";

/**
 * A gallery file's name: the machine in lowercase words joined by hyphens, then what measured it,
 * `-browser` (the site, `npm run bench`) or `-native` (`python -m everycore bench`). The date lives
 * in the file (env.date), so a newer run of the same machine replaces the file by a plain copy.
 */
export const GALLERY_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*-(browser|native)\.json$/;

export type ReferenceKind = "browser" | "native";

/** One committed reference run. */
export interface ReferenceRun {
  /** The file's base name, e.g. "ci-2core-browser.json". */
  file: string;
  kind: ReferenceKind;
  /** The machine and engine in a few words, for a table's column. */
  label: string;
  doc: ResultsV1;
}

/**
 * Validates one gallery file (`file` is its base name, `text` its content) and returns its run.
 * Throws an Error saying what is wrong; the caller names the file (it knows its path).
 */
export function readReferenceRun(file: string, text: string): ReferenceRun {
  const kind = GALLERY_FILE_NAME.exec(file)?.[1] as ReferenceKind | undefined;
  if (kind === undefined) {
    throw new Error(
      "the name must be the machine in lowercase words joined by hyphens, then -browser.json or -native.json (e.g. ryzen-7840u-chrome-browser.json)",
    );
  }
  const doc = parseResults(text);
  const measuredBy: ReferenceKind = doc.env.native ? "native" : "browser";
  if (measuredBy !== kind) {
    throw new Error(
      `the name says a ${kind} run, but the file is a ${measuredBy} run (env.native is ${doc.env.native ? "present" : "absent"}): name it …-${measuredBy}.json`,
    );
  }
  if (doc.env.quick) throw new Error("env.quick is true: a reference run is a full run (run it again without --quick)");
  if (doc.results.length === 0) throw new Error("results is empty: the run measured nothing");
  return { file, kind, label: referenceLabel(doc), doc };
}

/** "AMD EPYC 9B14 · Headless Chrome 156, 2 threads": the CPU when the file names it, then the engine (in `words`' language). */
export function referenceLabel(doc: ResultsV1, words?: SourceWords): string {
  const cpu = doc.env.native?.cpuModel ?? doc.env.cpuModel;
  const engine = describeEnv(doc.env, words);
  return cpu ? `${cpu} · ${engine}` : engine;
}

/** Every gallery file, validated, in name order; the first bad file throws with its path and problem. */
export function readGallery(files: readonly { file: string; text: string }[]): ReferenceRun[] {
  return [...files]
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map((f) => {
      try {
        return readReferenceRun(f.file, f.text);
      } catch (error) {
        throw new Error(`${GALLERY_DIR}/${f.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}

/** The words of a reference source's label: a page passes its language's (components/i18n). */
export interface ReferenceWords extends SourceWords {
  reference(kind: ReferenceKind, date: string, machine: string): string;
}

/**
 * A reference run's results for `bench`, as a source a chapter's table shows beside a live run,
 * labelled with the run's kind, date and machine in `words`' language; undefined when the run did
 * not measure it.
 * Without samples: the page needs medians, CIs and IQRs, not the file's thousands of timings.
 */
export function referenceSource(
  run: ReferenceRun,
  bench: Pick<Benchmark, "id" | "baseline">,
  words: ReferenceWords,
): ResultSource | undefined {
  if (!run.doc.results.some((r) => r.bench === bench.id)) return undefined;
  const source = importedSource(run.doc, bench, []);
  return {
    ...source,
    label: words.reference(run.kind, run.doc.env.date.slice(0, 10), referenceLabel(run.doc, words)),
    results: source.results.map((r) => ({ ...r, samples: [] })),
  };
}
