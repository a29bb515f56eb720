import { pageMessages } from "../i18n/messages.ts";
import type { ResultV1 } from "../../lab/results.ts";

/** One measured way of classifying a case's images: throughput and the latency of one call. */
export interface InferenceRow {
  /** The case label without its ", N images" suffix: the network. */
  network: string;
  /** How the images were given to the network, for a reader. */
  calling: string;
  variant: string;
  threads: number;
  /** Images per call: the batch, or all the images when one call splits them across threads. */
  batch: number;
  imagesPerSecond: number;
  /** Milliseconds until one call returns its images' labels. */
  latencyMs: number;
}

/**
 * Turns the cnn-inference results into throughput and latency. Every variant classifies
 * `images` images per timed run: `infer-f32-batch<b>-wasmrelaxedsimd` variants in images / b calls of b images,
 * `infer-f32-split-wasmrelaxedsimd-threads` in one call divided among its threads. The figure
 * compares ways of calling the float network, so the int8 network (`infer-i8-…`) is left out.
 */
/** The network a case names: its label without the image count ("MNIST CNN (this site's), 256 images" → "MNIST CNN (this site's)"). */
export function networkName(caseText: string): string {
  return caseText.replace(/[,，]\s*[\d,]+\s*(?:images|張影像)$/, "");
}

export function inferenceRows(results: readonly ResultV1[], bench: string, images: number): InferenceRow[] {
  const rows: InferenceRow[] = [];
  const t = pageMessages();
  for (const r of results) {
    const m = /^infer-f32-(?:batch(\d+)-wasmrelaxedsimd|split-wasmrelaxedsimd-(threads))$/.exec(r.variant);
    if (r.bench !== bench || !m || !r.correctness.ok) continue;
    const batch = m[2] ? images : Math.min(Number(m[1]), images);
    rows.push({
      network: networkName(r.case),
      calling: m[2] ? t.inferSplit(images, t.threadCount(r.threads)) : batch === 1 ? t.inferOnePerCall : t.inferPerCall(batch),
      variant: r.variant,
      threads: r.threads,
      batch,
      imagesPerSecond: images / (r.median / 1000),
      latencyMs: (r.median * batch) / images,
    });
  }
  return rows;
}
