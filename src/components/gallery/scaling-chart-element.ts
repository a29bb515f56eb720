import type { ScalingPoint } from "../../lab/gallery-views.ts";
import { pageMessages } from "../i18n/messages.ts";

/**
 * <ec-scaling-chart data-points="[…]">: one reference run's thread scaling, drawn with Observable
 * Plot from the points the server rendered (lab/gallery-views.ts scalingPoints): a line per
 * variant, speedup over its own one-thread time against threads, perfect scaling dashed. The
 * variants and cases arrive in the page's language; the axes and tips are taken from its table.
 * Plot loads only when a chart is on the page.
 */
class ScalingChart extends HTMLElement {
  connectedCallback(): void {
    this.#draw().catch((error: unknown) => {
      // The table the chart describes still holds every number: say why the picture is missing.
      this.textContent = pageMessages().chartFailed(error instanceof Error ? error.message : String(error));
    });
  }

  async #draw(): Promise<void> {
    const t = pageMessages();
    const points = JSON.parse(this.dataset.points ?? "[]") as ScalingPoint[];
    const Plot = await import("@observablehq/plot");
    const threads = [...new Set(points.map((p) => p.threads))].sort((a, b) => a - b);
    const chart = Plot.plot({
      width: 640,
      height: 260,
      marginRight: 12,
      x: { label: t.axisThreads, ticks: threads, tickFormat: "d" },
      y: { label: t.axisSpeedup, grid: true, domain: [0, Math.max(...threads, ...points.map((p) => p.speedup))] },
      color: { legend: true },
      marks: [
        Plot.line(threads, {
          x: (t: number) => t,
          y: (t: number) => t,
          stroke: "currentColor",
          strokeOpacity: 0.5,
          strokeDasharray: "4 4",
        }),
        Plot.line(points, { x: "threads", y: "speedup", stroke: "variant", marker: "circle" }),
        Plot.tip(
          points,
          Plot.pointer({
            x: "threads",
            y: "speedup",
            title: (p: ScalingPoint) => t.scalingTip(p.variant, p.case, p.speedup.toFixed(2), t.threadCount(p.threads)),
          }),
        ),
      ],
    });
    // This element is the image with the accessible name; Plot's own aria-label on each mark's <g>
    // (no role) is prohibited there (axe: aria-prohibited-attr), so the marks carry none.
    for (const g of chart.querySelectorAll("[aria-label]")) g.removeAttribute("aria-label");
    this.replaceChildren(chart);
  }
}

customElements.define("ec-scaling-chart", ScalingChart);
