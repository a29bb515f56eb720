import type { BusyShare } from "../../kernels/pool/busy-time.ts";
import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";

/** What one busy-cores run measured: the wall time, the products done in it, each thread's busy time. */
export interface BusyRunNumbers {
  threads: number;
  poolThreads: number;
  wallMs: number;
  products: number;
  shares: readonly BusyShare[];
  isa: string;
  sha256: string;
}

/**
 * A busy-cores run as a results document: the wall time of the stretch (threads = those asked
 * for), then each pool thread's busy time in it ("busy-thread-0" is the coordinator), so the
 * busy share of each thread is its row's median over the wall row's.
 */
export function busyDocument(run: BusyRunNumbers): Promise<ResultsV1> {
  const at = {
    case: "gemm-f32 384³, repeated",
    params: { n: 384, products: run.products, poolThreads: run.poolThreads },
  };
  return measuredDocument(
    "busy-cores",
    "wall",
    [
      { ...at, variant: "wall", threads: run.threads, samples: [run.wallMs] },
      ...run.shares.map((s) => ({ ...at, variant: `busy-thread-${s.thread}`, threads: 1, samples: [s.busyMs] })),
    ],
    { kernelIsa: run.isa, quick: false, wasmSha256: { [run.isa]: run.sha256 } },
  );
}
