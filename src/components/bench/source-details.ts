import { envFacts, type ResultSource } from "../../lab/result-source.ts";
import { pageMessages } from "../i18n/messages.ts";

/**
 * Where each source of the table was measured: one closed <details> per source with its
 * environment as a definition list, in the page's language. Built with textContent only: imported
 * text stays text.
 */
export function renderSourceDetails(sources: readonly ResultSource[]): HTMLElement[] {
  const t = pageMessages();
  return sources.flatMap(({ label, env }) => {
    if (!env) return [];
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = label;
    const list = document.createElement("dl");
    for (const [term, value] of envFacts(env, t)) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      list.append(dt, dd);
    }
    details.append(summary, list);
    return [details];
  });
}
