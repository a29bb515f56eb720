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
};

/** The shape of every locale's table. */
export type Messages = typeof en;
