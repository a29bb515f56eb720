import { citation } from "../../lab/citation.ts";
import { compareResults } from "../../lab/compare.ts";
import { importedSource, liveSource, type ResultSource } from "../../lab/result-source.ts";
import { toCsv, toLatex, toMarkdown } from "../../lab/results-formats.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { download } from "../bench/download.ts";
import { renderResultsTable } from "../bench/results-table.ts";
import { renderSourceDetails } from "../bench/source-details.ts";
import { findPart } from "../find-part.ts";
import { pageMessages, pageSourceWords } from "../i18n/messages.ts";
import { renderComparison } from "./compare-table.ts";
import { renderHistory, savedAtText, type HistoryAction } from "./history-list.ts";
import { deleteRun, listRuns, saveRun, type HistoryEntry } from "./history-store.ts";
import { pageSharedLink, shareUrl } from "./shared-link.ts";

/** What the island around the panel lends it: its status line and alert, and, optionally, its table and charts. */
export interface ResultsHost {
  status(text: string): void;
  error(text: string): void;
  /** Shows a run opened from a shared link beside the island's own results (else the panel shows it itself). */
  showShared?(source: ResultSource): void;
  /** Overlays two sources in the island's charts, the second dashed. */
  overlay?(first: ResultSource, second: ResultSource): void;
  /** A variant's label, for the comparison table. */
  variantLabel?(id: string): string;
}

const CPU_MODEL_KEY = "every-core:cpu-model";

/**
 * <ec-results-panel data-bench data-baseline data-title data-footnote>: the exports, share link,
 * citation, history and comparison of one island's runs (markup: ResultsPanel.astro). The island
 * calls `attach` once and `setLive` with each finished run's document; every text format is
 * rendered from that one document (lab/results-formats.ts).
 */
export class ResultsPanel extends HTMLElement {
  #host: ResultsHost | undefined;
  #live: ResultsV1 | undefined;
  #history: HistoryEntry[] = [];
  #imports: ResultSource[] = [];
  #shared: ResultSource[] = [];
  #references: ResultSource[] = [];

  get #bench() {
    return { id: this.dataset.bench ?? "", baseline: this.dataset.baseline ?? "" };
  }

  #find<T extends HTMLElement = HTMLElement>(name: string): T {
    return findPart<T>(this, name);
  }

  /** Wires the controls to `host`, lists the history, and opens a shared link meant for this island. */
  attach(host: ResultsHost): void {
    this.#host = host;
    const on = (part: string, action: () => unknown) =>
      this.#find(part).addEventListener(
        "click",
        () => void Promise.resolve(action()).catch((e: unknown) => host.error(String(e instanceof Error ? e.message : e))),
      );
    on("download-json", () => this.#download("json", JSON.stringify(this.#doc(), null, 2), "application/json"));
    on("download-csv", () => this.#download("csv", toCsv(this.#doc()), "text/csv"));
    on("copy-markdown", () => this.#copy(pageMessages().theMarkdownTable, toMarkdown(this.#doc())));
    on("copy-latex", () => this.#copy(pageMessages().theLatexTable, toLatex(this.#doc())));
    on("share", () => this.#share(this.#doc()));
    on("cite", () => this.#cite());
    const cpu = this.#find<HTMLInputElement>("cpu-model");
    cpu.value = localStorage.getItem(CPU_MODEL_KEY) ?? "";
    cpu.addEventListener("change", () => localStorage.setItem(CPU_MODEL_KEY, cpu.value.trim()));
    this.#find<HTMLFormElement>("compare").addEventListener("submit", (e) => {
      e.preventDefault();
      this.#compare();
    });
    void this.#loadHistory();
    void this.#openSharedLink();
  }

  /** A finished run: offered for export, kept in the history, shown in the footnote. */
  async setLive(doc: ResultsV1): Promise<void> {
    this.#live = doc;
    this.#find("exports").hidden = false;
    this.#find("share-field").hidden = true;
    this.#find("cite-field").hidden = true;
    if (this.dataset.footnote === "true")
      this.#find("footnote").replaceChildren(...renderSourceDetails([liveSource(this.#bench, doc.results, doc.env, pageSourceWords())]));
    this.#options();
    try {
      await saveRun(this.#bench.id, this.#doc());
      await this.#loadHistory();
    } catch (error) {
      this.#host?.error(pageMessages().historyFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  /** The island's imported files, as sources to compare. */
  setImports(sources: readonly ResultSource[]): void {
    this.#imports = [...sources];
    this.#options();
  }

  /** The gallery's reference runs of this benchmark, as sources to compare (listed last). */
  setReferences(sources: readonly ResultSource[]): void {
    this.#references = [...sources];
    this.#options();
  }

  /** The live run as exported: with the CPU model the reader typed, if any. */
  #doc(doc = this.#live): ResultsV1 {
    if (!doc) throw new Error("no run to export yet");
    const cpuModel = this.#find<HTMLInputElement>("cpu-model").value.trim();
    return cpuModel && !doc.env.cpuModel ? { ...doc, env: { ...doc.env, cpuModel } } : doc;
  }

  #download(ext: string, text: string, type: string): void {
    download(`every-core-${this.#bench.id}.${ext}`, text, type);
  }

  async #copy(what: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.#host?.status(pageMessages().copied(what));
    } catch {
      this.#host?.error(pageMessages().copyRefused(what));
    }
  }

  async #share(doc: ResultsV1): Promise<void> {
    const { url, samplesDropped } = await shareUrl(this.#bench.id, doc);
    const field = this.#find<HTMLInputElement>("share-url");
    field.value = url;
    this.#find("share-field").hidden = false;
    field.select();
    const t = pageMessages();
    const note = samplesDropped ? t.samplesDropped : "";
    try {
      await navigator.clipboard.writeText(url);
      this.#host?.status(t.shareCopied(note));
    } catch {
      this.#host?.status(t.shareInField(note));
    }
  }

  #cite(): void {
    const doc = this.#doc();
    const text = this.#find<HTMLTextAreaElement>("cite-text");
    text.value = citation(doc, { url: location.href.split("#")[0]!, title: this.dataset.title ?? this.#bench.id, bench: this.#bench.id });
    this.#find("cite-field").hidden = false;
    text.focus();
    text.select();
  }

  async #loadHistory(): Promise<void> {
    try {
      this.#history = await listRuns(this.#bench.id);
    } catch (error) {
      this.#history = [];
      this.#find("history-empty").textContent = pageMessages().historyUnavailable(error instanceof Error ? error.message : String(error));
    }
    this.#find("history").replaceChildren(...renderHistory(this.#history, (action, entry) => void this.#act(action, entry)));
    this.#find("history-empty").hidden = this.#history.length > 0;
    this.#options();
  }

  async #act(action: HistoryAction, entry: HistoryEntry): Promise<void> {
    if (action === "download")
      download(
        `every-core-${entry.bench}-${new Date(entry.savedAt).toISOString().replaceAll(":", "-")}.json`,
        JSON.stringify(entry.doc, null, 2),
        "application/json",
      );
    if (action === "share") await this.#share(entry.doc);
    if (action === "delete") {
      await deleteRun(entry.id);
      await this.#loadHistory();
      this.#host?.status(pageMessages().historyDeleted(savedAtText(entry)));
    }
    if (action === "compare") {
      const keys = [...this.#sources().keys()];
      const second = `history:${entry.id}`;
      // Against the reader's own runs first (a reference is a choice, never the default).
      this.#find<HTMLSelectElement>("compare-first").value = keys.find((k) => k !== second && !k.startsWith("reference:")) ?? second;
      this.#find<HTMLSelectElement>("compare-second").value = second;
      this.#compare();
    }
  }

  async #openSharedLink(): Promise<void> {
    const link = await pageSharedLink();
    if (!link) return;
    // A link names its island; one that does not (typed by hand) is reported by the first island.
    const mine = link.bench === undefined ? document.querySelector("ec-results-panel") === this : link.bench === this.#bench.id;
    if (!mine) return;
    if ("error" in link) {
      this.#host?.error(pageMessages().sharedLinkFailed(link.error));
      return;
    }
    try {
      const origin = pageMessages().originShared;
      const source = importedSource(link.doc, this.#bench, [pageSourceWords().live], origin, pageSourceWords());
      this.#shared = [source];
      if (this.#host?.showShared) this.#host.showShared(source);
      // An island without a results table of its own: the shared run's table and environment here.
      else
        this.#find("shared").replaceChildren(renderResultsTable({ variants: [], cases: [] }, [source]), ...renderSourceDetails([source]));
      this.#host?.status(pageMessages().showingShared(source.label.slice(`${origin}: `.length)));
      this.#options();
    } catch (error) {
      this.#host?.error(pageMessages().sharedLinkFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  /** Every source a reader may compare, by a stable key. */
  #sources(): Map<string, ResultSource> {
    const sources = new Map<string, ResultSource>();
    if (this.#live) sources.set("live", liveSource(this.#bench, this.#live.results, this.#live.env, pageSourceWords()));
    for (const [i, s] of this.#shared.entries()) sources.set(`shared:${i}`, s);
    for (const [i, s] of this.#imports.entries()) sources.set(`import:${i}`, s);
    for (const entry of this.#history) {
      const source = importedSource(entry.doc, this.#bench, [], pageMessages().originEarlier, pageSourceWords());
      sources.set(`history:${entry.id}`, { ...source, label: pageMessages().earlierRun(savedAtText(entry)) });
    }
    for (const [i, s] of this.#references.entries()) sources.set(`reference:${i}`, s);
    return sources;
  }

  /** Refills both choosers, keeping what was chosen where it still exists. */
  #options(): void {
    const sources = this.#sources();
    for (const [i, name] of ["compare-first", "compare-second"].entries()) {
      const select = this.#find<HTMLSelectElement>(name);
      const chosen = select.value;
      select.replaceChildren(...[...sources].map(([key, s]) => new Option(s.label, key)));
      select.value = sources.has(chosen) ? chosen : ([...sources.keys()][Math.min(i, sources.size - 1)] ?? "");
    }
  }

  #compare(): void {
    const sources = this.#sources();
    const first = sources.get(this.#find<HTMLSelectElement>("compare-first").value);
    const second = sources.get(this.#find<HTMLSelectElement>("compare-second").value);
    if (!first || !second) {
      this.#host?.error(pageMessages().chooseTwo);
      return;
    }
    const label = this.#host?.variantLabel ?? ((id: string) => id);
    this.#find("comparison").replaceChildren(
      ...renderComparison(label, compareResults(first.results, second.results), first.label, second.label),
    );
    this.#host?.overlay?.(first, second);
  }
}

customElements.define("ec-results-panel", ResultsPanel);
