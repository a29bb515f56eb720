import { amdahlSpeedup, fitSerialFraction } from "./amdahl-fit.ts";

/**
 * What to expect on more cores, from two measurements and one bound: Amdahl's law with the serial
 * fraction fitted to the 1- and 2-thread times, capped by a bandwidth ceiling — a call cannot take
 * less than the bytes it moves divided by the machine's main-memory bandwidth.
 */
export interface ScalingModel {
  /** Median ms of one call on one thread. */
  oneThreadMs: number;
  /** Amdahl's serial fraction s, 0 … 1. */
  serialFraction: number;
  /** The least ms a call can take at main-memory speed (bytes ÷ bandwidth); absent: no ceiling known. */
  floorMs?: number;
}

export interface Prediction {
  threads: number;
  ms: number;
  /** Over the 1-thread time. */
  speedup: number;
  /** Which limit sets it. */
  bound: "amdahl" | "bandwidth";
}

/** ms for `bytes` at `gbps` (10⁹ bytes per second). */
export function bandwidthFloorMs(bytes: number, gbps: number): number {
  if (!(bytes >= 0)) throw new RangeError(`invalid bytes: ${bytes} (expected ≥ 0)`);
  if (!(gbps > 0)) throw new RangeError(`invalid gbps: ${gbps} (expected > 0)`);
  return bytes / (gbps * 1e6);
}

/** The model's time on each thread count: the slower of Amdahl's and the bandwidth floor. */
export function predictScaling(model: ScalingModel, threads: readonly number[]): Prediction[] {
  if (!(model.oneThreadMs > 0)) throw new RangeError(`invalid oneThreadMs: ${model.oneThreadMs} (expected > 0)`);
  return threads.map((t) => {
    const amdahlMs = model.oneThreadMs / amdahlSpeedup(model.serialFraction, t);
    const floor = model.floorMs ?? 0;
    const ms = Math.max(amdahlMs, floor);
    return { threads: t, ms, speedup: model.oneThreadMs / ms, bound: floor > amdahlMs ? "bandwidth" : "amdahl" };
  });
}

/** Why a model has no bandwidth ceiling, when it has none. */
export type NoCeiling = "no-byte-model" | "no-bandwidth" | "in-cache";

/**
 * The model from the reader's figures. The ceiling is left out, and why said, when the benchmark
 * counts no bytes, when no bandwidth was measured, or when the measured calls already beat the
 * floor: then the data comes from cache, faster than main memory, and the floor does not hold.
 */
export function fitScalingModel(
  oneThreadMs: number,
  twoThreadMs: number,
  bytesPerCall: number | undefined,
  bandwidthGbps: number | undefined,
): { model: ScalingModel; noCeiling?: NoCeiling } {
  const serialFraction = fitSerialFraction([{ threads: 2, speedup: oneThreadMs / twoThreadMs }])!;
  const base = { oneThreadMs, serialFraction };
  if (bytesPerCall === undefined || !(bytesPerCall > 0)) return { model: base, noCeiling: "no-byte-model" };
  if (bandwidthGbps === undefined) return { model: base, noCeiling: "no-bandwidth" };
  const floorMs = bandwidthFloorMs(bytesPerCall, bandwidthGbps);
  if (floorMs > Math.min(oneThreadMs, twoThreadMs)) return { model: base, noCeiling: "in-cache" };
  return { model: { ...base, floorMs } };
}
