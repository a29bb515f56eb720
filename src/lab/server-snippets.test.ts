import { describe, expect, it } from "vitest";
import { isolationHeaders, siteHeaders } from "./isolation-headers.ts";
import { apacheSnippet, nginxSnippet } from "./server-snippets.ts";

const headers = siteHeaders(["'sha256-abc='"]);

/** name → value from lines `prefix Name "value" suffix`. */
function parse(text: string, line: RegExp): Record<string, string> {
  return Object.fromEntries([...text.matchAll(line)].map((m) => [m[1]!, m[2]!]));
}

describe("web server snippets", () => {
  it("nginx sets exactly the site's headers, on every response", () => {
    const text = nginxSnippet(headers);
    expect(parse(text, /^add_header (\S+) "([^"]*)" always;$/gm)).toEqual(headers);
    expect(text.trim().split("\n")).toHaveLength(Object.keys(headers).length);
  });

  it("Apache sets exactly the site's headers, on every response", () => {
    const text = apacheSnippet(headers);
    expect(parse(text, /^ {2}Header always set (\S+) "([^"]*)"$/gm)).toEqual(headers);
    expect(text).toMatch(/^<IfModule mod_headers\.c>\n[\s\S]*<\/IfModule>\n$/);
  });

  it("both carry the isolation headers and the CSP", () => {
    for (const text of [nginxSnippet(headers), apacheSnippet(headers)]) {
      for (const [name, value] of Object.entries(isolationHeaders)) expect(text).toContain(`${name} "${value}"`);
      expect(text).toContain("Content-Security-Policy \"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    }
  });

  it("refuses a value it could not quote", () => {
    expect(() => nginxSnippet({ X: 'a"b' })).toThrow(/double quote/);
  });
});
