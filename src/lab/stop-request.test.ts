import { describe, expect, it } from "vitest";
import { StopRequest } from "./stop-request.ts";
import { measure } from "./timing.ts";

describe("StopRequest", () => {
  it("is seen through another view of the same memory, as the runner sees the page's", () => {
    const page = new StopRequest(new SharedArrayBuffer(4));
    const runner = new StopRequest(page.buffer);
    expect(() => runner.check()).not.toThrow();
    page.request();
    expect(runner.requested).toBe(true);
    expect(() => runner.check()).toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  it("stops a measurement at its next sample, however many samples the plan wanted", async () => {
    const stop = new StopRequest(new SharedArrayBuffer(4));
    let t = 0;
    let calls = 0;
    const run = () => {
      t += 1;
      if (++calls === 20) stop.request(); // as if the page asked while this call ran
    };
    const plan = { minSamples: 1000, maxSamples: 1000, budgetMs: 1e9, warmupMs: 1, minSampleMs: 10 };
    await expect(
      measure(
        run,
        plan,
        () => t,
        () => stop.check(),
      ),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toBeLessThanOrEqual(30); // the sample in progress (10 calls of 1 ms) ends it
  });
});
