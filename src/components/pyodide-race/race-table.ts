import { ms, ratio } from "../bench/format.ts";
import { pageLocale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";
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
  const t = pageMessages();
  return table(
    t.raceCaption(r.limit.toLocaleString(pageLocale())),
    [t.raceColRun, t.workers, t.raceColSteps, t.raceColLoop, t.raceColSpeedup],
    [
      [t.racePython1, "1", String(r.python1.total), ms(r.python1.ms), vs1(r.python1.ms)],
      [t.racePythonN(interpretersLabel(n)), String(n), String(r.pythonN.total), ms(r.pythonN.ms), vs1(r.pythonN.ms)],
      [t.raceJs, "1", String(r.js.total), ms(r.js.ms), vs1(r.js.ms)],
      r.wasm ? [t.raceWasm, "1", String(r.wasm.total), ms(r.wasm.ms), vs1(r.wasm.ms)] : [t.raceWasm, "1", "—", t.raceWasmNotRun, "—"],
    ],
  );
}

/** Start-up of each interpreter, kept out of the loop times above. */
export function renderStartupTable(r: RaceResult): HTMLTableElement {
  const t = pageMessages();
  return table(
    t.startupCaption(r.interpreters, ms(r.startupWallMs)),
    [t.startupColInterpreter, t.startupColStartup, t.startupColShare],
    r.startupMs.map((startup, k) => [`Python ${k + 1}`, ms(startup), ms(r.shareMs[k]!)]),
  );
}
