import { ms } from "../bench/format.ts";
import type { BusyShare } from "../../kernels/pool/busy-time.ts";
import { pageMessages } from "../i18n/messages.ts";
import { cell } from "../table-cell.ts";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One row per pool thread: its busy time, and its share of the wall time as a number and a bar. */
export function renderBusyTable(shares: readonly BusyShare[], wallMs: number): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ec-results";
  const t = pageMessages();
  table.createCaption().textContent = t.busyCaption(ms(wallMs));
  table.createTHead().append(headRow([t.busyColThread, t.busyColBusy, t.busyColShare]));
  table.createTBody().append(
    ...shares.map(({ thread, busyMs, share }) => {
      const tr = document.createElement("tr");
      const name = cell("th", thread === 0 ? t.busyCoordinator : t.busyPoolWorker(thread), { className: "ec-text" });
      name.scope = "row";
      const track = document.createElement("span");
      track.className = "ec-busy-track";
      track.setAttribute("aria-hidden", "true");
      const bar = track.appendChild(document.createElement("span"));
      // Shares can exceed 1 by a timer tick; the bar stops at full width.
      bar.style.inlineSize = percent(Math.min(1, share));
      const shareCell = cell("td", percent(share), { className: "ec-busy-share" });
      shareCell.prepend(track);
      tr.append(name, cell("td", ms(busyMs)), shareCell);
      tr.dataset.thread = String(thread);
      return tr;
    }),
  );
  return table;
}

function headRow(labels: readonly string[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.append(...labels.map((label, i) => cell("th", label, i === 0 ? { className: "ec-text" } : {})));
  return tr;
}
