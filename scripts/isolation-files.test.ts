import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { isolationHeaders } from "../src/lab/isolation-headers.ts";
import { writeIsolationFiles } from "./isolation-files.ts";

const dir = mkdtempSync(join(tmpdir(), "every-core-isolation-"));
writeIsolationFiles(dir);

describe("the generated isolation files", () => {
  it("_headers gives every path exactly the headers of src/lab/isolation-headers.ts", () => {
    const lines = readFileSync(join(dir, "_headers"), "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    expect(lines[0]).toBe("/*");
    const headers = Object.fromEntries(lines.slice(1).map((l) => l.trim().split(": ") as [string, string]));
    expect(headers).toEqual(isolationHeaders);
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
      ...Object.fromEntries(Object.entries(isolationHeaders).map(([name, value]) => [name.toLowerCase(), value])),
    });
    expect(await response.text()).toBe("page");
  });

  it("is rewritten only when its text changes, so a build does not look stale", () => {
    const before = statSync(join(dir, "_headers")).mtimeMs;
    writeIsolationFiles(dir);
    expect(statSync(join(dir, "_headers")).mtimeMs).toBe(before);
  });
});
