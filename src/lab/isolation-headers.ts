/**
 * The two headers that make a page cross-origin isolated, which unlocks SharedArrayBuffer (shared
 * WebAssembly memory across workers) and a 5 µs performance.now(). Sent by the dev and preview
 * servers and by the bench CLI's server; scripts/isolation-files.ts generates from it public/_headers
 * for static hosts and public/coi-serviceworker.js for hosts that send no headers.
 */
export const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;
