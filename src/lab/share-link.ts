import { IMPORT_LIMITS, parseResults, type ImportLimits } from "./results-import.ts";
import type { ResultsV1 } from "./results.ts";

/**
 * Results in a link: the document as JSON, compressed (deflate-raw), base64url, in the URL fragment
 * (`#results=…`). A fragment never reaches a server, so a shared run stays between the people who
 * pass the link on. Opening one goes through the same validating importer as a file.
 */

export const SHARE_KEY = "results";

/**
 * Most characters of fragment a link may carry: 32 KiB keeps it well inside what browsers, chat
 * programs and mail clients pass on whole. Above it the samples are dropped (medians, CIs, n and
 * IQR stay), and a run too large even then is shared as a file instead.
 */
export const SHARE_LIMIT = 32 * 1024;

export interface SharedFragment {
  /** `results=…`, without the leading "#". */
  fragment: string;
  /** Whether the samples had to be left out to stay within the limit. */
  samplesDropped: boolean;
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes = Infinity): Promise<Uint8Array> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    // Stop a small link that inflates to a huge document (a "zip bomb") as soon as it passes the limit.
    if (length > maxBytes) {
      await reader.cancel();
      throw new Error(`the shared results expand to more than ${maxBytes} bytes; at most that many are accepted`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

const TRUNCATED = "the link is truncated or was altered: its results do not decompress (copy the whole link again)";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("the link is damaged: its results are not base64url text");
  // No whole number of bytes encodes to 4k + 1 characters: the link lost its end.
  if (text.length % 4 === 1) throw new Error(TRUNCATED);
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

async function encode(doc: ResultsV1): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream("deflate-raw"));
  return `${SHARE_KEY}=${toBase64Url(bytes)}`;
}

/** The fragment that carries `doc`; throws when even without samples it exceeds `limit` characters. */
export async function encodeShareFragment(doc: ResultsV1, limit = SHARE_LIMIT): Promise<SharedFragment> {
  const whole = await encode(doc);
  if (whole.length <= limit) return { fragment: whole, samplesDropped: false };
  const slim = await encode({ ...doc, results: doc.results.map((r) => ({ ...r, samples: [] })) });
  if (slim.length <= limit) return { fragment: slim, samplesDropped: true };
  throw new Error(
    `these results need ${slim.length} characters of link even without their samples, more than the ${limit} a link may carry: download the JSON and share the file instead`,
  );
}

/** The `results=…` value of a URL fragment ("#a=1&results=…"), or undefined when it has none. */
export function sharedValue(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get(SHARE_KEY) ?? undefined;
}

/**
 * The results a link's fragment carries, validated as an imported file is; undefined when the
 * fragment carries none. Throws with a message for a reader when the link was cut short, altered,
 * or is larger than a file may be.
 */
export async function decodeShareFragment(hash: string, limits: ImportLimits = IMPORT_LIMITS): Promise<ResultsV1 | undefined> {
  const value = sharedValue(hash);
  if (value === undefined) return undefined;
  // base64url of n bytes is 4n/3 characters, and deflate never shrinks JSON below a thousandth.
  if (value.length > limits.maxChars)
    throw new Error(`the link carries ${value.length} characters of results; at most ${limits.maxChars} are accepted`);
  const compressed = fromBase64Url(value);
  let json: Uint8Array;
  try {
    json = await pipe(compressed, new DecompressionStream("deflate-raw"), limits.maxChars);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("the shared results expand")) throw error;
    throw new Error(TRUNCATED);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(json);
  } catch {
    throw new Error("the link is truncated or was altered: its results are not UTF-8 text");
  }
  try {
    return parseResults(text, limits);
  } catch (error) {
    throw new Error(`the link's results are not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}
