import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, parseResults } from "./results-import.ts";
import { decodeShareFragment, encodeShareFragment, SHARE_LIMIT, sharedValue } from "./share-link.ts";

const doc = parseResults(readFileSync(new URL("../../e2e/fixtures/results-native.json", import.meta.url), "utf8"));

/** A fragment made by hand: `text` deflated, base64url, as a link would carry it. */
async function fragmentOf(text: string): Promise<string> {
  const bytes = new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer(),
  );
  return `results=${Buffer.from(bytes).toString("base64url")}`;
}

describe("share links", () => {
  it("round-trip a results document, samples and all", async () => {
    const { fragment, samplesDropped } = await encodeShareFragment(doc);
    expect(samplesDropped).toBe(false);
    expect(fragment.length).toBeLessThanOrEqual(SHARE_LIMIT);
    expect(fragment).toMatch(/^results=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(`#${fragment}`)).toEqual(doc);
  });

  it("drop the samples, and only them, when the link would be too long", async () => {
    const whole = await encodeShareFragment(doc);
    const { fragment, samplesDropped } = await encodeShareFragment(doc, whole.fragment.length - 1);
    expect(samplesDropped).toBe(true);
    const back = await decodeShareFragment(fragment);
    expect(back?.results.map((r) => r.samples)).toEqual(doc.results.map(() => []));
    expect(back?.results.map(({ samples: _, ...r }) => r)).toEqual(doc.results.map(({ samples: _, ...r }) => r));
    expect(back?.env).toEqual(doc.env);
  });

  it("refuse to make a link that cannot hold the results even without samples", async () => {
    await expect(encodeShareFragment(doc, 100)).rejects.toThrow(/more than the 100 a link may carry: download the JSON/);
  });

  it("find the results among other fragment parameters, and nothing in a plain fragment", async () => {
    expect(sharedValue("#a=1&results=abc")).toBe("abc");
    expect(await decodeShareFragment("#intro")).toBeUndefined();
    expect(await decodeShareFragment("")).toBeUndefined();
  });

  it("refuse a malformed link: not base64url", async () => {
    await expect(decodeShareFragment("#results=<script>")).rejects.toThrow("the link is damaged: its results are not base64url text");
  });

  it("refuse a truncated link", async () => {
    const { fragment } = await encodeShareFragment(doc);
    for (const cut of [1, 2, 3, 4, 200]) {
      await expect(decodeShareFragment(fragment.slice(0, fragment.length - cut))).rejects.toThrow(/^the link is truncated or was altered/);
    }
  });

  it("refuse an altered link whose data still decompresses but is not a results document", async () => {
    await expect(decodeShareFragment(await fragmentOf('{"schema":"every-core/results/v2"}'))).rejects.toThrow(
      `the link's results are not valid: schema: expected "every-core/results/v1", got "every-core/results/v2"`,
    );
    await expect(decodeShareFragment(await fragmentOf("not json"))).rejects.toThrow(
      /the link's results are not valid: the file is not valid JSON/,
    );
  });

  it("refuse an oversized link, and a small one that inflates past the limit", async () => {
    await expect(decodeShareFragment(`results=${"A".repeat(IMPORT_LIMITS.maxChars + 4)}`)).rejects.toThrow(/at most 5242880 are accepted/);
    const bomb = await fragmentOf(" ".repeat(IMPORT_LIMITS.maxChars + 1));
    expect(bomb.length).toBeLessThan(SHARE_LIMIT);
    await expect(decodeShareFragment(bomb)).rejects.toThrow(/expand to more than 5242880 bytes/);
  });

  it("keep markup in strings as plain text: the importer returns text, never parsed", async () => {
    const img = '<img src=x onerror="alert(1)">';
    const hostile = { ...doc, env: { ...doc.env, userAgent: img, cpuModel: img } };
    const back = await decodeShareFragment((await encodeShareFragment(hostile)).fragment);
    expect(back?.env.userAgent).toBe(img);
    expect(back?.env.cpuModel).toBe(img);
  });
});
