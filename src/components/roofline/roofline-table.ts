import { pageMessages } from "../i18n/messages.ts";
import { gflops, threadsLabel } from "../bench/format.ts";
import { attainable, boundBy, shareOfRoof, type KernelPoint, type Roof } from "./roofline-data.ts";
import { boundText, intensityText, variantLabel, type VariantLabels } from "./roofline-labels.ts";

/**
 * A table with a caption, column headers and rows of cells (textContent only: never parsed as HTML);
 * the first `textColumns` columns hold words and align left, the rest numbers.
 */
function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], textColumns: number): HTMLTableElement {
  const el = document.createElement("table");
  el.className = "ec-results";
  el.createCaption().textContent = caption;
  const head = el.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    if (head.cells.length < textColumns) th.className = "ec-text";
    head.append(th);
  }
  const body = el.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    for (const [i, text] of cells.entries()) {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      if (i < textColumns) cell.className = "ec-text";
      cell.textContent = text;
      row.append(cell);
    }
  }
  return el;
}

/** The roofline as two tables, the text alternative of the chart: the roofs, then every kernel point. */
export function renderRooflineTables(points: readonly KernelPoint[], roofList: readonly Roof[], labels: VariantLabels): HTMLElement {
  const wrap = document.createElement("div");
  const t = pageMessages();
  if (roofList.length > 0) {
    wrap.append(
      table(
        t.roofsCaption,
        [t.colThreads, t.roofColPeak, t.roofColBandwidth, t.roofColRidge],
        roofList.map((r) => [threadsLabel(r.threads), gflops(r.peakGflops), gflops(r.bandwidthGbps), intensityText(r.ridge)]),
        1,
      ),
    );
  }
  wrap.append(
    table(
      t.kernelsCaption,
      [t.kernelColKernel, t.colCase, t.kernelColBound, t.colThreads, t.kernelColIntensity, t.colGflops, t.kernelColRoof, t.kernelColShare],
      points.map((p) => [
        variantLabel(labels, p.bench, p.variant),
        p.case,
        p.roof ? boundText(boundBy(p.roof, p.intensity)) : "—",
        String(p.threads),
        intensityText(p.intensity),
        gflops(p.gflops),
        p.roof ? gflops(attainable(p.roof, p.intensity)) : "—",
        p.roof ? `${Math.round(100 * shareOfRoof(p, p.roof))}%` : "—",
      ]),
      3,
    ),
  );
  return wrap;
}
