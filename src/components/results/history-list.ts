import { describeEnv } from "../../lab/result-source.ts";
import type { HistoryEntry } from "./history-store.ts";

/** What a reader may do with one earlier run. */
export type HistoryAction = "compare" | "download" | "share" | "delete";

const ACTIONS: [HistoryAction, string][] = [
  ["compare", "Compare"],
  ["download", "Download"],
  ["share", "Share"],
  ["delete", "Delete"],
];

/** "12 Mar 2026, 14:03:05": when a run was saved, in the page's locale. */
export function savedAtText(entry: HistoryEntry): string {
  return new Date(entry.savedAt).toLocaleString(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "medium" });
}

/** "up to 8 threads · Chrome 142, 8 threads · Ryzen 7": the run's threads and machine in one line. */
function summary(entry: HistoryEntry): string {
  const threads = Math.max(...entry.doc.results.map((r) => r.threads));
  const env = entry.doc.env;
  return [`up to ${threads} thread${threads === 1 ? "" : "s"}`, describeEnv(env), env.cpuModel, env.quick ? "quick" : "full"]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The earlier runs as a list, newest first: date, threads and machine, and a button per action
 * whose accessible name carries the date (never the word "run", which names the island's Run
 * button). Text only: a stored string is never parsed as markup.
 */
export function renderHistory(
  entries: readonly HistoryEntry[],
  act: (action: HistoryAction, entry: HistoryEntry) => void,
): HTMLLIElement[] {
  return entries.map((entry) => {
    const li = document.createElement("li");
    const when = savedAtText(entry);
    const text = document.createElement("span");
    text.textContent = `${when} — ${summary(entry)}`;
    li.append(text);
    for (const [action, verb] of ACTIONS) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = verb;
      button.setAttribute("aria-label", `${verb} ${when}`);
      button.addEventListener("click", () => act(action, entry));
      li.append(" ", button);
    }
    return li;
  });
}
