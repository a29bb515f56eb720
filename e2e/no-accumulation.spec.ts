import { expect, test, type CDPSession } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";
import { runQuick } from "./run-bench.ts";

/**
 * Nothing accumulates: the GEMM benchmark, run five times in one tab (quick mode), leaves after
 * each run as many live workers as the page had idle, and a main-thread JS heap (after garbage
 * collection) that does not grow run over run by more than HEAP_MARGIN.
 */
const BENCH = { id: "gemm", chapter: "/benchmarks/gemm/" };
const RUNS = 5;
/** Slack for what a run legitimately keeps (its results, table and chart replace the last run's) and for GC noise. */
const HEAP_MARGIN = 1024 * 1024;

/** The dedicated workers alive in the page's browser context, by name or URL (nested ones too: Playwright attaches to each). */
async function liveWorkers(cdp: CDPSession, contextId: string): Promise<string[]> {
  const { targetInfos } = await cdp.send("Target.getTargets");
  return targetInfos.filter((t) => t.type === "worker" && t.browserContextId === contextId).map((t) => t.title || t.url);
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

test("five GEMM runs in one tab leave no worker and no heap behind", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(BENCH.chapter);
  await page.waitForLoadState("networkidle");
  const cdp = await page.context().newCDPSession(page);
  const { targetInfo } = await cdp.send("Target.getTargetInfo");
  const contextId = targetInfo.browserContextId!;
  const island = page.locator(`ec-bench[data-bench="${BENCH.id}"]`);

  /**
   * Seconds until the page is back to `idle` workers: the runner worker is terminated once the
   * results are shown, and its pool and tfjs's threads end with it, asynchronously.
   */
  const settle = async (idle: string[]) => {
    const started = Date.now();
    let peak = 0;
    await expect
      .poll(
        async () => {
          const live = await liveWorkers(cdp, contextId);
          peak = Math.max(peak, live.length);
          return live;
        },
        { timeout: 60_000 },
      )
      .toEqual(idle);
    return { peak, settleSeconds: (Date.now() - started) / 1000 };
  };
  const idle = await liveWorkers(cdp, contextId);
  const figures: { run: number; seconds: number; workersAtEnd: number; settleSeconds: number; heapMiB: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = Date.now();
    const doc = await runQuick(island);
    const seconds = (Date.now() - started) / 1000;
    for (const r of doc.results) expect(r.correctness.ok, `run ${run}: ${r.variant} ${r.case} ${r.threads}t`).toBe(true);
    const { peak, settleSeconds } = await settle(idle);
    figures.push({ run, seconds, workersAtEnd: peak, settleSeconds, heapMiB: (await heapAfterGc(cdp)) / 2 ** 20 });
  }
  console.log(`idle workers: ${idle.length}`);
  console.table(
    figures.map((f) => ({ ...f, heapMiB: f.heapMiB.toFixed(2), seconds: f.seconds.toFixed(1), settleSeconds: f.settleSeconds.toFixed(1) })),
  );
  test.info().annotations.push({ type: "figures", description: JSON.stringify({ idle: idle.length, figures }) });
  for (let i = 1; i < figures.length; i++) {
    expect((figures[i]!.heapMiB - figures[i - 1]!.heapMiB) * 2 ** 20, `heap growth from run ${i} to run ${i + 1}`).toBeLessThan(
      HEAP_MARGIN,
    );
  }
  expect((figures.at(-1)!.heapMiB - figures[0]!.heapMiB) * 2 ** 20, "heap growth from run 1 to run 5").toBeLessThan(HEAP_MARGIN);
  expect(errors).toEqual([]);
});
