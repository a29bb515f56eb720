import { ms, ratio } from "../bench/format.ts";
import { interpretersLabel, type RaceResult } from "./race-run.ts";

function row(tag: "td" | "th", cells: readonly string[], textColumns: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 && tag === "td" ? "th" : tag);
    if (i === 0 && tag === "td") cell.scope = "row";
    cell.textContent = text;
    if (i < textColumns) cell.className = "ec-text";
    tr.append(cell);
  });
  return tr;
}

function table(caption: string, head: readonly string[], body: readonly (readonly string[])[]): HTMLTableElement {
  const el = document.createElement("table");
  el.className = "ec-results";
  el.createCaption().textContent = caption;
  el.createTHead().append(row("th", head, 1));
  el.createTBody().append(...body.map((cells) => row("td", cells, 1)));
  return el;
}

/** Loop times only: what each way of running the same loop costs once its interpreters are up. */
export function renderRaceTable(r: RaceResult): HTMLTableElement {
  const vs1 = (t: number) => ratio(r.python1.ms / t);
  const n = r.interpreters;
  return table(
    `Total Collatz steps of every n below ${r.limit.toLocaleString("en")}, each run checked against JavaScript's`,
    ["Run", "Workers", "Total steps", "Loop time (ms)", "Speed-up vs 1 interpreter"],
    [
      ["Python, 1 interpreter", "1", String(r.python1.total), ms(r.python1.ms), vs1(r.python1.ms)],
      [
        `Python, split over ${interpretersLabel(n)} (one GIL each)`,
        String(n),
        String(r.pythonN.total),
        ms(r.pythonN.ms),
        vs1(r.pythonN.ms),
      ],
      ["JavaScript, 1 worker", "1", String(r.js.total), ms(r.js.ms), vs1(r.js.ms)],
      r.wasm
        ? ["WebAssembly, 1 worker", "1", String(r.wasm.total), ms(r.wasm.ms), vs1(r.wasm.ms)]
        : ["WebAssembly, 1 worker", "1", "—", "not run: needs a cross-origin isolated page", "—"],
    ],
  );
}

/** Start-up of each interpreter, kept out of the loop times above. */
export function renderStartupTable(r: RaceResult): HTMLTableElement {
  return table(
    `Interpreter start-up, not counted in the loop times (all ${r.interpreters} side by side: ${ms(r.startupWallMs)} ms)`,
    ["Interpreter", "Start-up (ms)", "Its share of the loop (ms)"],
    r.startupMs.map((startup, k) => [`Python ${k + 1}`, ms(startup), ms(r.shareMs[k]!)]),
  );
}
