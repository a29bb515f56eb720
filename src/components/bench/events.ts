/** Fired on `document` with the ResultsV1 as detail when a benchmark run completes. */
export const RESULTS_EVENT = "every-core:results";
