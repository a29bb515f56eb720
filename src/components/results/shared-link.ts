import { decodeShareFragment, encodeShareFragment } from "../../lab/share-link.ts";
import type { ResultsV1 } from "../../lab/results.ts";

/** Which island a link is for: a hint beside the results, so only that island reports on it. */
const BENCH_KEY = "bench";

/** What this page's link carries: nothing, a run for island `bench`, or why it could not be read. */
export type SharedLink = { bench: string | undefined } & ({ doc: ResultsV1 } | { error: string });

let read: Promise<SharedLink | undefined> | undefined;

/** The run the page's URL fragment carries, decoded once per page however many islands ask. */
export function pageSharedLink(): Promise<SharedLink | undefined> {
  read ??= (async () => {
    const bench = new URLSearchParams(location.hash.replace(/^#/, "")).get(BENCH_KEY) ?? undefined;
    try {
      const doc = await decodeShareFragment(location.hash);
      return doc && { bench, doc };
    } catch (error) {
      return { bench, error: error instanceof Error ? error.message : String(error) };
    }
  })();
  return read;
}

/** A link to this page that opens `doc` beside the reader's own results in island `bench`. */
export async function shareUrl(bench: string, doc: ResultsV1): Promise<{ url: string; samplesDropped: boolean }> {
  const { fragment, samplesDropped } = await encodeShareFragment(doc);
  const url = new URL(location.href);
  url.hash = `${BENCH_KEY}=${encodeURIComponent(bench)}&${fragment}`;
  return { url: url.href, samplesDropped };
}
