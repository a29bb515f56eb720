import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { isolationHeaders, siteHeaders } from "../src/lab/isolation-headers.ts";
import { inlineScriptHashes, parseHeadersFile, serverHeaders, writeIsolationFiles } from "./isolation-files.ts";

/** SHA-256 of the empty string, base64: the hash of `<script></script>`. */
const EMPTY_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** A tiny build: two pages sharing one inline script, one with a second, plus scripts that need no hash. */
const dir = mkdtempSync(join(tmpdir(), "every-core-isolation-"));
mkdirSync(join(dir, "a"));
writeFileSync(join(dir, "index.html"), '<script></script><script src="/x.js"></script><script type="application/ld+json">{}</script>');
writeFileSync(join(dir, "a", "index.html"), '<script></script><script type="module">go()</script>');
writeIsolationFiles(dir);
const built = parseHeadersFile(readFileSync(join(dir, "_headers"), "utf8"));

describe("the generated isolation files", () => {
  it("inline scripts are hashed as the browser hashes them; external scripts and JSON data blocks are not", () => {
    expect(inlineScriptHashes('<script></script><script src="/x.js"></script><script type="application/json">{}</script>')).toEqual([
      EMPTY_HASH,
    ]);
  });

  it("_headers gives every path exactly the headers of src/lab/isolation-headers.ts, with each inline script of the build hashed once", () => {
    const hashes = [EMPTY_HASH, ...inlineScriptHashes("<script type=module>go()</script>")].sort();
    expect(built).toEqual(siteHeaders(hashes));
    expect(built).toMatchObject(isolationHeaders);
    expect(built["Content-Security-Policy"]).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-/);
  });

  it("the service worker re-serves a response with exactly those headers added", async () => {
    const listeners = new Map<string, (event: unknown) => void>();
    const self = { addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn) };
    const original = new Response("page", { status: 200, headers: { "Content-Type": "text/html" } });
    runInNewContext(readFileSync(join(dir, "coi-serviceworker.js"), "utf8"), { self, fetch: async () => original, Headers, Response });
    let served: Promise<Response> | undefined;
    listeners.get("fetch")!({ request: { cache: "default", mode: "navigate" }, respondWith: (r: Promise<Response>) => (served = r) });
    const response = await served!;
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/html",
      ...Object.fromEntries(Object.entries(built).map(([name, value]) => [name.toLowerCase(), value])),
    });
    expect(await response.text()).toBe("page");
  });

  it("the preview server sends what the build's _headers says; dev only the isolation headers", () => {
    expect(serverHeaders("preview", dir)).toEqual(built);
    expect(serverHeaders("dev", dir)).toEqual(isolationHeaders);
    expect(serverHeaders("preview", join(dir, "no-build"))).toEqual(isolationHeaders);
  });

  it("a _headers file it did not write is refused, not misread", () => {
    expect(() => parseHeadersFile("/about\n  X: y\n")).toThrow(/one "\/\*" rule/);
    expect(() => parseHeadersFile("/*\nX: y\n")).toThrow(/not a header line/);
  });
});
