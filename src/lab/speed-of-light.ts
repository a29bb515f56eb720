import { machinePeak, PEAK_FMA, PEAK_MULADD } from "./benchmarks/machine-peak.ts";
import { memoryBandwidth } from "./benchmarks/memory-bandwidth.ts";
import { BenchmarkText } from "./i18n/benchmark-text.ts";
import type { Locale } from "./i18n/locale.ts";

/**
 * The two speed-of-light benchmarks as the islands that read them need them: which results are the
 * compute peak (and its FMA and mul+add probes) and which the triad's size sweep, whose plateau
 * past the last cache step is the main-memory bandwidth (src/lab/bandwidth-plateau.ts).
 * The server renders it into those islands (the machine panel, the roofline), so the page reads the
 * ids as data and never loads the declarations; import only its type from client code.
 */
export interface SpeedOfLight {
  peak: { bench: string; title: string; fma: string; muladd: string };
  bandwidth: { bench: string; title: string };
}

export const speedOfLight: SpeedOfLight = {
  peak: { bench: machinePeak.id, title: machinePeak.title, fma: PEAK_FMA, muladd: PEAK_MULADD },
  bandwidth: { bench: memoryBandwidth.id, title: memoryBandwidth.title },
};

/** The same, with the titles in `locale`. */
export function speedOfLightIn(locale: Locale): SpeedOfLight {
  return {
    peak: { ...speedOfLight.peak, title: new BenchmarkText(machinePeak, locale).title },
    bandwidth: { ...speedOfLight.bandwidth, title: new BenchmarkText(memoryBandwidth, locale).title },
  };
}
