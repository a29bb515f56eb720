/**
 * The headers every response of the site carries, in one place. Sent by the preview server and
 * the bench CLI's server; scripts/isolation-files.ts writes them at build into _headers (static
 * hosts that read it), into coi-serviceworker.js (hosts that send no headers) and into the nginx
 * and Apache snippets of the hosting guide.
 */

/**
 * The headers that make a page cross-origin isolated, which unlocks SharedArrayBuffer (shared
 * WebAssembly memory across workers) and a 5 µs performance.now().
 */
export const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

/**
 * The Content-Security-Policy: everything from this origin, nothing else, and why each exception is
 * there. Inline scripts run only when their hash is listed (the build lists the ones Starlight's
 * pages carry); no 'unsafe-inline' and no 'unsafe-eval' for scripts.
 */
const POLICY: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  // 'wasm-unsafe-eval': compiling WebAssembly (our kernels, tfjs, onnxruntime-web, Pyodide, Pagefind). blob: only for
  // TensorFlow.js's threaded build, which starts its pthread workers from blob: URLs and imports its
  // factory into them as a blob (src/kernels/peer/tfjs-wasm.ts). A blob: URL can be made only by
  // script already running on this origin, so it lets in nothing 'self' does not.
  "script-src": ["'self'", "'wasm-unsafe-eval'", "blob:"],
  "worker-src": ["'self'", "blob:"],
  // Expressive Code and Starlight write hundreds of distinct style="" attributes (colour variables of
  // every code token) and Observable Plot a <style> per chart at run time; styles cannot run code.
  "style-src": ["'self'", "'unsafe-inline'"],
  // data: for the SVG icons Starlight's stylesheets inline.
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'self'"],
};

/** The policy, with `inlineScriptHashes` ('sha256-…' sources) added to script-src. */
export function contentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return Object.entries(POLICY)
    .map(([directive, sources]) => [directive, ...sources, ...(directive === "script-src" ? inlineScriptHashes : [])].join(" "))
    .join("; ");
}

/** Every header of every response of the built site. */
export function siteHeaders(inlineScriptHashes: readonly string[]): Readonly<Record<string, string>> {
  return { ...isolationHeaders, "Content-Security-Policy": contentSecurityPolicy(inlineScriptHashes) };
}
