import { pageMessages } from "../i18n/messages.ts";
import { wrap, type Remote } from "comlink";
import type { Piece, RaceWorkerApi, TimedTotal } from "../../lab/pyodide/race-worker.ts";

export interface RaceResult {
  limit: number;
  interpreters: number;
  /** Each interpreter's start-up in its own worker, ms; never part of a loop time. */
  startupMs: number[];
  /** All interpreters started side by side, ms. */
  startupWallMs: number;
  js: TimedTotal;
  /** The loop compiled to WebAssembly; undefined where the page is not cross-origin isolated. */
  wasm: TimedTotal | undefined;
  python1: TimedTotal;
  /** From handing out the pieces to the last worker's total, ms; total = the workers' sum. */
  pythonN: TimedTotal;
  shareMs: number[];
}

export const interpretersLabel = (n: number) => pageMessages().interpreters(n);

export interface RaceProgress {
  done: number;
  total: number;
  step: string;
}

/**
 * Pieces each worker gets, dealt in turn as Pool.map deals chunks: larger numbers take more steps,
 * so n contiguous pieces would leave the first workers idle while the last finishes.
 */
const PIECES_PER_WORKER = 16;

/**
 * One race, the companion's run_gil_experiment with workers for processes: N workers each load
 * their own Pyodide; worker 0 runs the loop in JavaScript, WebAssembly and Python alone, then all N share
 * the pieces of gil.split_range. `cancel` terminates every worker at once.
 */
export class RaceRun {
  readonly #workers: Worker[];
  readonly #apis: Remote<RaceWorkerApi>[];
  readonly #stopped: Promise<never>;
  #stop: (reason: Error) => void = () => {};

  constructor(
    readonly interpreters: number,
    readonly limit: number,
  ) {
    this.#stopped = new Promise<never>((_, reject) => (this.#stop = reject));
    this.#stopped.catch(() => {}); // observed through #call; a stop after the run is no error
    this.#workers = Array.from({ length: interpreters }, (_, k) => {
      const worker = new Worker(new URL("../../lab/pyodide/race-worker.ts", import.meta.url), {
        type: "module",
        name: `every-core-python-${k + 1}`,
      });
      worker.addEventListener("error", (e) => this.#stop(new Error(`race worker ${k + 1} failed: ${e.message || "it could not start"}`)));
      return worker;
    });
    this.#apis = this.#workers.map((w) => wrap<RaceWorkerApi>(w));
  }

  /** Waits for `p` unless a worker fails or the run is cancelled first. */
  #call<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.#stopped]);
  }

  async run(onProgress: (p: RaceProgress) => void): Promise<RaceResult> {
    const n = this.interpreters;
    const total = n + 4;
    let done = 0;
    const report = (step: string) => onProgress({ done, total, step });

    const t = pageMessages();
    report(t.raceStarting(interpretersLabel(n)));
    const t0 = performance.now();
    const startupMs = await this.#call(
      Promise.all(
        this.#apis.map(async (api) => {
          const ms = await api.loadPython();
          done++;
          report(t.raceStarted(done, n));
          return ms;
        }),
      ),
    );
    const startupWallMs = performance.now() - t0;

    const whole: Piece[] = [[1, this.limit]];
    const first = this.#apis[0]!;
    report(t.raceRunningJs);
    const js = await this.#call(first.runJs(whole));
    done++;
    report(t.raceRunningWasm);
    const wasm = await this.#call(first.runWasm(whole));
    if (wasm) checkTotal("WebAssembly", wasm.total, js.total);
    done++;
    report(t.raceRunningPython1);
    const python1 = await this.#call(first.runPython(whole));
    checkTotal(t.racePython1, python1.total, js.total);
    done++;
    report(t.raceRunningPythonN(interpretersLabel(n)));
    const pieces = await this.#call(first.pieces(this.limit, n * PIECES_PER_WORKER));
    const t1 = performance.now();
    const results = await this.#call(Promise.all(this.#apis.map((api, k) => api.runPython(pieces.filter((_, i) => i % n === k)))));
    const pythonN = { total: results.reduce((sum, s) => sum + s.total, 0), ms: performance.now() - t1 };
    checkTotal(t.racePythonN(interpretersLabel(n)), pythonN.total, js.total);
    done++;
    report("done");
    return { limit: this.limit, interpreters: n, startupMs, startupWallMs, js, wasm, python1, pythonN, shareMs: results.map((s) => s.ms) };
  }

  cancel(): void {
    this.dispose();
    this.#stop(new DOMException("cancelled", "AbortError"));
  }

  dispose(): void {
    for (const worker of this.#workers) worker.terminate();
  }
}

function checkTotal(run: string, total: number, js: number): void {
  if (total !== js) throw new Error(pageMessages().raceDisagree(run, total, js));
}
