/// <reference lib="webworker" />
import { expose } from "comlink";
import type { PyProxy } from "pyodide/ffi";
import gilSource from "../../../python/everycore/gil.py?raw";
import { loadWasmContext } from "../wasm-context.ts";
import { collatzSteps } from "../../kernels/collatz-steps.ts";

/**
 * One worker of the Pyodide race: it can hold one Python interpreter of its own — a worker is to
 * the page what a process is to multiprocessing, so N workers are N interpreters with N GILs —
 * and runs the GIL chapter's loop, python/everycore/gil.py itself, or the same loop in JavaScript
 * or compiled to WebAssembly (src/kernels/wasm/assembly/collatz-steps-wasm.ts).
 */

/** Where scripts/copy-pyodide.ts put the interpreter: same origin, so COEP require-corp allows it. */
const indexURL = new URL(`${import.meta.env.BASE_URL}pyodide/`, self.location.href).href;

/** The untimed warm-up calls cover 1 ≤ n < this: a few ms, far below the timed loop. */
const WASM_WARMUP_STOP = 5_000;

/** [start, stop): the numbers one call of collatz_steps covers, as gil.split_range cuts them. */
export type Piece = readonly [start: number, stop: number];

export interface TimedTotal {
  total: number;
  ms: number;
}

interface GilModule {
  collatz_steps(start: number, stop: number): unknown;
  split_range(stop: number, parts: number): PyProxy;
}
let gil: GilModule | undefined;

function loadedGil(): GilModule {
  if (!gil) throw new Error("this race worker has no Python interpreter yet: call loadPython first");
  return gil;
}

/** A loop's total as a JS number; Pyodide hands over ints beyond 2⁵³ as BigInt, which would be wrong here. */
function asTotal(total: unknown): number {
  if (typeof total !== "number") throw new TypeError(`the loop returned a ${typeof total}, expected a number`);
  return total;
}

function timed(loop: () => number): TimedTotal {
  const t0 = performance.now();
  const total = loop();
  return { total, ms: performance.now() - t0 };
}

const api = {
  /** Starts this worker's interpreter and imports gil.py into it; resolves to the start-up time in ms. */
  async loadPython(): Promise<number> {
    const t0 = performance.now();
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import("pyodide");
    // Every URL explicit and packageBaseUrl set, so nothing falls back to Pyodide's CDN.
    const pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json`, packageBaseUrl: indexURL });
    pyodide.FS.writeFile("gil.py", gilSource); // into the working directory, which is on sys.path
    gil = pyodide.pyimport("gil") as GilModule;
    return performance.now() - t0;
  },

  /** gil.split_range(stop, parts): the pieces the companion's process pool maps over. */
  pieces(stop: number, parts: number): Piece[] {
    const split = loadedGil().split_range(stop, parts);
    try {
      return split.toJs() as Piece[];
    } finally {
      split.destroy();
    }
  },

  /** gil.collatz_steps over every piece, summed: this worker's share of the loop. */
  runPython(pieces: readonly Piece[]): TimedTotal {
    const { collatz_steps } = loadedGil();
    return timed(() => pieces.reduce((total, [start, stop]) => total + asTotal(collatz_steps(start, stop)), 0));
  },

  runJs(pieces: readonly Piece[]): TimedTotal {
    return timed(() => pieces.reduce((total, [start, stop]) => total + collatzSteps({ start, stop, step: 1 }), 0));
  },

  /**
   * The loop compiled to WebAssembly; undefined on a page that is not cross-origin isolated, where
   * the site's kernels (built for shared memory) cannot be instantiated. Loading is not timed.
   */
  async runWasm(pieces: readonly Piece[]): Promise<TimedTotal | undefined> {
    if (!globalThis.crossOriginIsolated) return undefined;
    const { kernels } = await loadWasmContext();
    // V8 runs a WebAssembly function in its baseline tier first and swaps in optimized code only
    // for later calls (no on-stack replacement), so a short untimed call lets it tier up.
    for (let i = 0; i < 3; i++) kernels.collatz_steps_wasm(1, WASM_WARMUP_STOP);
    return timed(() => pieces.reduce((total, [start, stop]) => total + kernels.collatz_steps_wasm(start, stop), 0));
  },
};

export type RaceWorkerApi = typeof api;
expose(api);
