/** Messages between the race island and its workers. */
export type RaceRequest =
  | { kind: "fill"; pixels: SharedArrayBuffer; width: number; height: number; seed: number }
  | {
      kind: "count";
      pixels: SharedArrayBuffer;
      /** 256 Int32 bins every worker adds into. */
      bins: SharedArrayBuffer;
      /** One Int32: workers that arrived at the start line. */
      gate: SharedArrayBuffer;
      parties: number;
      start: number;
      end: number;
      atomic: boolean;
    };
