/**
 * Every visible string of the islands in English, by key: the shape every other locale's table
 * must have (messages.zh-TW.ts is typed as `Messages`, so a missing key fails the type check).
 * A string that takes values is a function of them. Accessible names that tests use (DESIGN.md)
 * are here too, so an English page keeps them exactly.
 */
export const en = {
  // Controls every island with a Run button shares (RunControls.astro, run-island.ts).
  run: "Run",
  cancel: "Cancel",
  cancelled: "Cancelled.",
  progressOf: (title: string) => `${title}: progress`,
  threads: "Threads",
  threadCount: (n: number) => (n === 1 ? "1 thread" : `${n} threads`),
  quickRun: "Quick run (fewer samples)",
  runFailed: "The run failed",
  notIsolatedDefault: "the host sent no isolation headers and the isolation service worker has not taken over this page",

  // The benchmark island (Bench.astro, bench/bench-element.ts).
  benchRaces: (variants: number, inputs: number, cases: string) =>
    `${variants === 1 ? "Times 1 variant" : `Races ${variants} variants`} on ${inputs === 1 ? "1 input" : `${inputs} inputs`} (${cases}).`,
  benchChecked: (threads: string) =>
    `Every result is checked against the reference; threaded variants run at ${threads}… up to the threads you choose.`,
  importJson: "Import JSON",
  clearImported: "Clear imported",
  dropHint: "or drop a results file on this box: another browser's download appears beside your run.",
  dropHintNativeBefore: "or drop a results file on this box: another browser's download, or a native run of the Python companion (",
  dropHintNativeAfter: "), appears beside your run.",
  chartOf: (title: string) => `Chart: ${title}`,
  notIsolated: (reason: string) =>
    `This page is not cross-origin isolated (${reason}), so shared memory is off: only the single-threaded TypeScript variants will run.`,
  importedCount: (count: number, file: string) => `${count} results from ${file}`,
  imported: (what: string) => `Imported ${what}.`,
  importsCleared: "Imported results cleared.",
  chartFailed: (error: string) => `The chart could not be drawn: ${error}`,
  skipped: (variant: string, reason: string) => `${variant} skipped: ${reason}.`,
  benchDone: (count: number, threads: number, isa: string, skipped: string) =>
    `Done: ${count} measurements on ${threads} hardware threads (${isa}). ${skipped}`,
  measuring: (index: number, total: number, what: string) => `Measuring ${index} of ${total}: ${what}…`,
  taskOn: (variant: string, caseText: string, threads: string) => `${variant} on ${caseText}, ${threads}`,
  remeasuring: (claim: string) => `re-measuring ${claim} after a pause`,

  // The results table and charts (bench/results-table.ts, bench/results-chart.ts).
  colSource: "Source",
  colCase: "Case",
  colVariant: "Variant",
  colThreads: "Threads",
  colMedian: "Median (ms)",
  colSpeedup: "Speedup",
  colCorrect: "Correct",
  colIqr: "IQR (ms)",
  colN: "n",
  colGflops: "GFLOP/s",
  colGbps: "GB/s",
  noisyRun: (cvPercent: string) => `noisy run: CV ${cvPercent}%`,
  ci95: (lo: string, hi: string) => `95% CI ${lo}–${hi}`,
  maxError: (error: string, tolerance: string) => `max error ${error} (tolerance ${tolerance})`,
  axisTime: "median time per call (ms)",
  axisGflops: "GFLOP/s (higher is better)",
  axisThreadsOn: (caseText: string) => `threads (on ${caseText})`,
  axisSpeedup: "speedup over 1 thread",

  // The results panel (ResultsPanel.astro, results/*).
  downloadJson: "Download JSON",
  downloadCsv: "Download CSV",
  copyMarkdown: "Copy Markdown",
  copyLatex: "Copy LaTeX",
  shareLink: "Share link",
  cite: "Cite",
  citation: "Citation",
  historySummary: "Your runs: history and comparison (kept in this browser only)",
  cpuModel: "CPU model (optional, saved with your runs)",
  cpuModelExample: "e.g. AMD Ryzen 7 7840U",
  historyEmpty: "No earlier runs of this benchmark in this browser yet.",
  compareFirst: "First",
  compareSecond: "Second",
  compare: "Compare",
  historyFailed: (error: string) => `This run could not be kept in the history: ${error}`,
  theMarkdownTable: "the Markdown table",
  theLatexTable: "the LaTeX table",
  copied: (what: string) => `Copied ${what} to the clipboard.`,
  copyRefused: (what: string) => `The browser did not let this page write to the clipboard, so ${what} was not copied.`,
  samplesDropped: " The samples did not fit in a link, so it carries medians, CIs, n and IQR only.",
  shareCopied: (note: string) => `Copied the share link.${note} The results travel in the link itself: no server sees them.`,
  shareInField: (note: string) => `The share link is in the field below; copy it from there.${note}`,
  historyUnavailable: (error: string) => `The history is not available in this browser (${error}).`,
  historyDeleted: (when: string) => `Deleted the entry of ${when} from the history.`,
  sharedLinkFailed: (error: string) => `The shared link could not be opened: ${error}`,
  showingShared: (label: string) => `Showing a shared run (${label}) beside yours.`,
  earlierRun: (when: string) => `Earlier: ${when}`,
  chooseTwo: "Choose two runs to compare: run the benchmark, import a file or open a shared link first.",
  historyCompare: "Compare",
  historyDownload: "Download",
  historyShare: "Share",
  historyDelete: "Delete",
  upToThreads: (n: number) => `up to ${n} thread${n === 1 ? "" : "s"}`,
  quick: "quick",
  full: "full",
  nothingToCompare: (first: string, second: string) =>
    `${first} and ${second} share no measurement (same case, variant and threads) to compare.`,
  compareCaption: (first: string, second: string) =>
    `Second (${second}) against first (${first}): the first's median time over the second's, so above 1× the second is faster.`,
  colRatio: "Ratio",
  colCi95: "95% CI",
  colVerdict: "Verdict",
  verdictFaster: "faster",
  verdictSlower: "slower",
  verdictSame: "no significant difference",
  ciFromMedians:
    "* One source has no samples (a link drops them when they would not fit), so this interval is bounded by the two medians' own 95% CIs — wider than a bootstrap, so a difference must be larger to count.",
  ciFromBootstrap: "The 95% CIs come from 2000 bootstrap resamples of both runs' stored samples.",

  // A claim's verdict (claim-element.ts).
  claimHolds: "holds",
  claimFails: "does not hold",
  claimRemeasured: (first: string, second: string) => `${first}, then ${second} when measured again after a pause`,
  claimNotMeasured: (reason: string) => ` (not measured on this machine: ${reason})`,
  claimMeasured: (measured: string, verdict: string) => ` (measured on your machine: ${measured} — ${verdict})`,

  // "Your machine" (MachinePanel.astro, machine-panel.ts).
  machineTitle: "Your machine",
  factThreads: "Hardware threads",
  factIsolated: "Cross-origin isolated",
  factTimer: "Timer resolution",
  factSimd: "WebAssembly SIMD",
  factWasmThreads: "WebAssembly threads",
  factRelaxed: "Relaxed SIMD (FMA)",
  factBrowser: "Browser",
  machineSmtNote:
    'counts hardware threads: on a CPU with simultaneous multithreading (SMT, "Hyper-Threading") two threads share one core\'s SIMD units, so compute-bound kernels rarely scale past the number of physical cores.',
  speedOfLight: "Speed of light",
  speedOfLightNoteBefore:
    "The most this machine can do: f32 multiply-adds on registers only (the compute peak) and the STREAM triad on arrays far larger than the caches (the memory bandwidth), on one thread and on all of them: a quick run of the two",
  speedOfLightLink: "speed-of-light benchmarks",
  speedOfLightNoteAfter: ", a few seconds per thread count.",
  measurePeak: "Measure peak",
  measuringSpeedOfLight: "Measuring the speed of light: progress",
  peakOne: "Peak f32, 1 thread: FMA / mul+add",
  peakAllThreads: "Peak f32, all threads: FMA / mul+add",
  bandwidthAllThreads: "Memory bandwidth (triad), all threads",
  peakAll: (threads: string) => `Peak f32, all ${threads}: FMA / mul+add`,
  bandwidthOne: "Memory bandwidth (triad), 1 thread",
  bandwidthAll: (threads: string) => `Memory bandwidth (triad), all ${threads}`,
  yes: "yes",
  no: "no",
  isolatedYes: "yes — SharedArrayBuffer and the worker pool are on",
  isolatedNo: (reason: string) => `no — benchmarks run single-threaded: ${reason}`,
  probeFailed: "The machine probe failed",
  peakNeedsIsolation: "The peak probes run in shared WebAssembly memory, which needs a cross-origin isolated page; this one is not.",
  peakMeasuring: (title: string, index: number, total: number, what: string) => `${title}: measuring ${index} of ${total}, ${what}…`,
  peakDone: "Done. The benchmarks' own islands give the full tables and the spread of each figure.",
  peakFailed: "Measuring the peak failed",
  notMeasured: "not measured",
  timesOneThread: (ratio: string) => ` (${ratio} one thread)`,

  // Predict, then measure (Predict.astro, predict/*).
  predictTitle: "Predict, then measure",
  predictNote: "Your guess, as a ratio (1 = same speed), stays in this browser. Then press Run below.",
  guessUnmeasured: (reason: string) => `Not measured on this machine${reason ? `: ${reason}` : ""}.`,
  guessMeasured: (measured: string) => `your machine measured ${measured}`,
  guessNone: (measured: string) => `No guess entered; ${measured}.`,
  guessHead: (guess: string, measured: string) => `You guessed ${guess}; ${measured}`,
  guessClose: (head: string) => `${head}: close.`,
  guessTooHigh: (head: string, factor: string) => `${head}: your guess was ${factor} too high.`,
  guessTooLow: (head: string, factor: string) => `${head}: your guess was ${factor} too low.`,

  // What to expect on your cores (ExpectOnCores.astro, expect-cores/*).
  expectTitle: "What to expect on your cores",
  expectCaption: (title: string) =>
    ` for “${title}”: lines are predicted speedups, dots what you measured; the dashed line is perfect scaling.`,
  expectRunFirst: "Run the benchmark above on at least 2 threads to predict more.",
  expectChartName: "Predicted speedups (lines) and measured speedups (dots) against threads",
  expectColVariant: "variant — case",
  expectColSerial: "serial fraction s",
  expectColFloor: "bandwidth floor per call",
  expectAssumptions: "The model's assumptions",
  expectAmdahl:
    "Amdahl's law: a fixed share s of the 1-thread time does not split, the rest splits evenly. s is fitted to your 1- and 2-thread times of the largest case you ran on both, so it also absorbs what the second thread cost (waking it, sharing caches); more threads may cost more than two did, so treat the figures as an upper bound.",
  expectCeiling:
    "Bandwidth ceiling: a call cannot take less than the bytes the benchmark's byte model says it moves, divided by your main-memory bandwidth (the triad's plateau past the last cache step, at the most threads you measured). It assumes every byte comes from main memory and that bandwidth does not grow past what you measured; it is left out when your own calls already beat it (the data was in cache).",
  expectSameClock:
    "Same clock on every core, one thread per core, nothing else running. Many CPUs slow down as more cores work, and two hardware threads of a core share its arithmetic units.",
  noCeilingNoByteModel: "no ceiling: this benchmark counts no memory traffic",
  noCeilingNoBandwidth: "no ceiling: no main-memory bandwidth measured in this browser yet",
  noCeilingInCache: "no ceiling: your 1- and 2-thread calls already beat main-memory speed, so the data came from cache",
  axisThreadsArrow: "threads →",
  axisSpeedupArrow: "↑ speedup over 1 thread",
  bandwidthHere: (threads: string) => `measured on this page (${threads})`,
  bandwidthRemembered: (threads: string, date: string) => `your last measurement in this browser (${threads}, ${date})`,
  bandwidthFigure: (gbps: string, source: string) => `Main-memory bandwidth: ${gbps} GB/s, ${source}.`,
  bandwidthMissing:
    "No main-memory bandwidth is available in this browser: run the memory-bandwidth benchmark on the speed-of-light page (or Measure peak in the machine panel) for a bandwidth ceiling. Until then the predictions are Amdahl's law alone.",
  expectPredicted: "Predicted from your 1- and 2-thread times.",
  boundByBandwidth: " (bandwidth)",
  measuredSpeedup: (ratio: string) => `; measured ${ratio}`,

  // Amdahl's law fitted to a run (Amdahl.astro, amdahl/*) and the chunk-size curve (ChunkCurve.astro, chunk-curve/*).
  amdahlTitle: "Amdahl's law, fitted to your run",
  amdahlCaption: (title: string, predict: number) =>
    ` of “${title}”: dots are measured speedups, lines what the fitted serial fraction predicts up to ${predict} threads; the dashed line is perfect scaling.`,
  amdahlRunFirst: "Run the benchmark above with 2 or more threads to fit it.",
  amdahlChartName: "Measured speedups (dots) and the fitted Amdahl curves (lines) against threads",
  amdahlColVariant: "variant — batch",
  amdahlColMeasured: "measured speedup (efficiency) by threads",
  amdahlColFitted: "Amdahl with the fitted s",
  amdahlColSerial: "serial fraction s",
  amdahlColPredicted: (predict: number) => `predicted on ${predict} threads`,
  amdahlColLimit: "limit 1/s",
  axisThreads: "threads",
  unbounded: "unbounded",
  amdahlOneCount: "Only one thread count was measured, so there is nothing to fit: run again with at least 2 threads.",
  amdahlFitted: (counts: number) => `Fitted from your run (${counts} thread counts).`,
  chunkTitle: "Task size against overhead.",
  chunkCaption: " Time per batch for each chunk size, on each thread count.",
  chunkRunFirst: "Run the benchmark above to draw your machine's curve.",
  chunkChartName: "Median time per batch against chunk size, one line per thread count, the one-thread loop dashed",
  chunkDrawn: "Median time per batch against images per claim, from your run; dashed: the plain loop on one thread.",
  axisChunk: "chunk size (images per claim)",
  axisMsPerBatch: "ms per batch",

  // Which threads were busy (BusyCores.astro, busy-cores/*).
  busyTitle: "Which threads were busy?",
  busyWhat:
    "Starts a pool with one thread per hardware thread of this machine, multiplies 384×384 matrices with the threaded WebAssembly GEMM on as many of them as you choose, and reads how long each thread spent inside its share of the products. No thread reports by message: each adds its own time to a slot in shared memory, so the accounting costs two clock reads per job.",
  busyProgress: "Busy cores: running",
  busyRunning: (threads: number, poolThreads: number, seconds: number) =>
    `Running 384³ products on ${threads} of ${poolThreads} threads for ${seconds} s…`,
  busyDone: (products: number, wallMs: number, busy: string, poolThreads: number, idle: number) =>
    `Done: ${products} products in ${wallMs} ms; on average ${busy} of ${poolThreads} threads were busy` +
    (idle > 0 ? `, and ${idle} never ran a part.` : "."),
  busyCaption: (wallMs: string) => `Time each thread spent running its part of the products, out of ${wallMs} ms`,
  busyColThread: "Thread",
  busyColBusy: "Busy (ms)",
  busyColShare: "Busy share of the wall time",
  busyCoordinator: "0 (coordinator)",
  busyPoolWorker: (thread: number) => `${thread} (pool worker)`,

  // Count fields (pyodide-race/workers-input.ts) and the noise demo (NoiseDemo.astro, noise-demo/*).
  workers: "Workers",
  countOutOfRange: (field: string, max: number, value: string) =>
    `${field} must be a whole number from 1 to ${max} (this machine's hardware threads); got "${value}".`,
  noiseTitle: "The same call, quiet and under load",
  noiseWhat: (samples: number, numbers: string) =>
    `Times ${samples} calls of the Collatz loop over every n below ${numbers} in a worker, one call per sample, after a warm-up. Then it starts the competing workers you ask for, each spinning on a core like another program would, and times ${samples} calls again. The competing workers stop as soon as the second run ends, or when you cancel.`,
  noiseRun: "Run noise demo",
  noiseProgress: "Noise demo: progress",
  competingWorkers: "Competing workers",
  noiseQuiet: "quiet",
  noiseWithLoad: (load: number) => `with ${load} busy worker${load === 1 ? "" : "s"}`,
  noiseAxis: "time per call (ms, log scale)",
  noiseChartName: "Time of every call in each run: dots are calls, the solid tick the median, the dashed tick the mean",
  noiseCaption: "The same calls, summarized as every benchmark on this site summarizes its samples",
  noiseColRun: "Run",
  noiseColCalls: "Calls",
  colMin: "Min (ms)",
  colMean: "Mean (ms)",
  colCv: "CV",
  colFlaggedNoisy: (cv: number) => `Flagged noisy (CV > ${cv})`,
  noiseTimingQuiet: (samples: number) => `Timing ${samples} calls on a quiet machine…`,
  noiseTimingLoaded: (load: number, samples: number) => `Starting ${load} competing worker(s), then timing ${samples} calls again…`,
  noiseDone: (medians: string, means: string, noisy: boolean, cv: number) =>
    `Done: median ${medians} ms, mean ${means} ms; the loaded run is ${noisy ? "" : "not "}flagged noisy (CV above ${cv}).`,
  noiseFailed: "The noise demo failed",

  // The Pyodide race (PyodideRace.astro, pyodide-race/*).
  raceTitle: "One interpreter, many interpreters, JavaScript and WebAssembly",
  raceWhat1: "Runs the loop of",
  raceWhat2: "itself —",
  raceWhat3: (limit: string) =>
    `over every number below ${limit} — in CPython compiled to WebAssembly (Pyodide): first in one interpreter, then cut by`,
  raceWhat4: "into pieces dealt in turn to one interpreter per worker — separate interpreters with separate GILs, as",
  raceWhat5:
    "gives you separate processes — then the same loop in JavaScript (compiled as it runs, by the browser's JIT) and in AssemblyScript compiled to WebAssembly ahead of time. Every total is checked against JavaScript's. Run first downloads the interpreter (several MB, from this site) into every worker; starting it takes seconds, timed on its own and never counted in the loop times.",
  raceWorkersNote: (max: number) =>
    `Workers start at your hardware threads, at most ${max}: each interpreter holds tens of MB of memory, so more would cost a lot of memory and start-up for little gain. You may ask for up to all your hardware threads.`,
  raceProgress: "Pyodide race: progress",
  interpreters: (n: number) => (n === 1 ? "1 interpreter" : `${n} interpreters`),
  raceStarting: (interpreters: string) => `Starting ${interpreters} (Pyodide), one per worker…`,
  raceStarted: (done: number, n: number) => `Started ${done} of ${n} interpreters…`,
  raceRunningJs: "Running the loop in JavaScript, 1 worker…",
  raceRunningWasm: "Running the loop in WebAssembly, 1 worker…",
  raceRunningPython1: "Running the loop in Python, 1 interpreter…",
  raceRunningPythonN: (interpreters: string) => `Running the loop in Python, split over ${interpreters}…`,
  raceDone: (interpreters: string, pythonN: string, js: string, wasm: string | undefined, startup: string) =>
    `Done: ${interpreters} ran the loop ${pythonN} as fast as one; JavaScript ran it ${js} as fast as one interpreter` +
    (wasm ? `, WebAssembly ${wasm}. ` : ". ") +
    `Each interpreter took about ${startup} ms to start, outside those times.`,
  raceCaption: (limit: string) => `Total Collatz steps of every n below ${limit}, each run checked against JavaScript's`,
  raceColRun: "Run",
  raceColSteps: "Total steps",
  raceColLoop: "Loop time (ms)",
  raceColSpeedup: "Speed-up vs 1 interpreter",
  racePython1: "Python, 1 interpreter",
  racePythonN: (interpreters: string) => `Python, split over ${interpreters} (one GIL each)`,
  raceJs: "JavaScript, 1 worker",
  raceWasm: "WebAssembly, 1 worker",
  raceWasmNotRun: "not run: needs a cross-origin isolated page",
  startupCaption: (n: number, wallMs: string) =>
    `Interpreter start-up, not counted in the loop times (all ${n} side by side: ${wallMs} ms)`,
  startupColInterpreter: "Interpreter",
  startupColStartup: "Start-up (ms)",
  startupColShare: "Its share of the loop (ms)",

  // The histogram race (HistogramRace.astro, histogram-race/*) and the shared tiles (SharedTiles.astro, shared-tiles/*).
  cancelledWorkersStopped: "Cancelled: the workers were stopped.",
  raceHistTitle: "The race: shared bins without and with Atomics",
  raceHistRun: "Run the race",
  raceHistProgress: "The race: running",
  raceHistIntro: (width: number, height: number) =>
    `Counts the ${width}×${height} pixels of a test image into one 256-bin histogram that every worker shares.`,
  raceHistColIncrements: "increments",
  raceHistColCounted: "pixels counted",
  raceHistColLost: "counts lost",
  raceHistColTime: "time",
  raceHistNotIsolated: "This page is not cross-origin isolated, so it has no SharedArrayBuffer: the race cannot be shown here.",
  raceHistDrawing: (width: number, height: number) => `Drawing a ${width}×${height} test image in a worker…`,
  raceHistCounting: (parties: number, how: string) => `${parties} workers counting with ${how}…`,
  raceHistPlain: "plain increments",
  raceHistDone: (pixels: string, parties: number) => `Done: ${pixels} pixels counted twice by ${parties} workers.`,
  raceHistFailed: "The race could not run",
  raceHistWorkers: (max: number, value: string) => `Workers must be a whole number from 2 to ${max} (got “${value}”).`,
  tilesTitle: "Workers drawing one shared image, tile by tile",
  tilesRun: "Draw",
  tilesProgress: "Tiles drawn",
  tilesIntro: (tiles: number, tile: number) => `${tiles} tiles of ${tile}×${tile}; each worker's tiles get its own tint.`,
  tilesCanvas: "The image the workers drew",
  tilesNotIsolated: "This page is not cross-origin isolated, so it has no SharedArrayBuffer to share the image in.",
  tilesDone: (tiles: number, ms: string, perWorker: string) => `All ${tiles} tiles drawn in ${ms} ms. Tiles per worker: ${perWorker}.`,
  tilesOfWorker: (worker: number, tiles: number) => `worker ${worker}: ${tiles}`,
  tilesFailed: "The drawing failed",
};

/** The shape of every locale's table. */
export type Messages = typeof en;
