import { pageMessages } from "../i18n/messages.ts";
import { proxy, wrap } from "comlink";
import type { TrainingProgress } from "../../lab/training/training-loop.ts";
import { checkTrainingOptions, TARGET_ACCURACY, type TrainingOptions } from "../../lab/training/training-options.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { workerFailure } from "../worker-failure.ts";
import { trainingCharts, type RunSeries } from "./training-chart.ts";
import { trainingDocument } from "./training-document.ts";
import { defaultWorkers, parseTrainingFields, runLabel } from "./training-form.ts";
import { trainingTable, type FinishedRun } from "./training-table.ts";
import type { SetupProgress, TrainingWorkerApi } from "./training-worker.ts";
import { StopRequest } from "../../lab/stop-request.ts";
import { endAfterAnswer } from "../end-after-answer.ts";

type State = "idle" | "running" | "done" | "error" | "cancelled";

/**
 * <ec-training-run>: trains the digit CNN in a worker with the form's settings, plots the loss
 * and test accuracy live, and keeps finished runs for comparison. One worker per run, terminated
 * when the run ends or is cancelled: nothing keeps running or holding memory afterwards.
 */
class TrainingRun extends RunIsland {
  /** The run's worker, its answer, and how to ask it to stop (endAfterAnswer). */
  #worker: { worker: Worker; answered: Promise<unknown>; stop: StopRequest | undefined } | undefined;
  #finished: FinishedRun[] = [];
  #live: RunSeries | undefined;
  #plot: typeof import("@observablehq/plot") | undefined;
  #drawPending = false;
  #results!: Promise<ResultsPanel>;

  #input(name: string): HTMLInputElement {
    return this.find<HTMLInputElement>(name);
  }

  connectedCallback(): void {
    this.threadCount("workers", defaultWorkers(navigator.hardwareConcurrency));
    this.find("cores").textContent = String(navigator.hardwareConcurrency);
    this.#results = this.attachResults();
    this.bindControls(
      () => this.#runAll(),
      () => this.#cancel(),
    );
    this.find("clear").addEventListener("click", () => {
      this.#finished = [];
      this.#draw();
    });
  }

  disconnectedCallback(): void {
    this.#stopWorker();
  }

  #options(): TrainingOptions {
    return parseTrainingFields({
      batch: this.#input("batch").value,
      workers: this.#input("workers").value,
      learningRate: this.#input("learning-rate").value,
      epochs: this.#input("epochs").value,
    });
  }

  #setState(state: State, message: string): void {
    this.dataset.state = state;
    this.status(message);
    const running = state === "running";
    if (running !== (this.getAttribute("aria-busy") === "true")) this.setRunning(running);
  }

  async #runAll(): Promise<void> {
    this.error("");
    const o = this.#options();
    try {
      // The set's size is checked in the worker once the digits are loaded.
      checkTrainingOptions(o, { trainImages: Number.MAX_SAFE_INTEGER });
    } catch (e) {
      this.error(pageMessages().trainNotStarted((e as Error).message));
      this.#setState("error", pageMessages().trainFix);
      return;
    }
    const runs = this.#input("compare").checked && o.workers > 1 ? [o, { ...o, workers: 1 }] : [o];
    for (const run of runs) {
      if (!(await this.#runOne(run))) return;
    }
  }

  /** One run in a fresh worker; false when it did not complete (error or cancel). */
  async #runOne(o: TrainingOptions): Promise<boolean> {
    const label = runLabel(o);
    this.#live = { label, losses: [], tests: [] };
    const t = pageMessages();
    this.#setState("running", t.trainStarting(label));
    this.find<HTMLProgressElement>("progress").removeAttribute("value");
    const worker = new Worker(new URL("./training-worker.ts", import.meta.url), { type: "module", name: "every-core-training" });
    const api = wrap<TrainingWorkerApi>(worker);
    const onProgress = (p: TrainingProgress | SetupProgress) => this.#progress(label, p);
    const stop = StopRequest.create();
    const answer = api.train(o, proxy(onProgress), stop?.buffer);
    this.#worker = { worker, answered: answer.catch(() => {}), stop };
    // Cancel (and a worker that fails to start) settle the run at once; the worker answers later.
    try {
      const summary = await this.cancellable(Promise.race([answer, workerFailure(worker)]));
      const live = this.#live;
      this.#finished.push({ ...live, options: o, summary });
      this.#live = undefined;
      const accuracy = this.find("accuracy");
      accuracy.dataset.value = String(summary.accuracy);
      accuracy.dataset.seconds = String(summary.seconds);
      accuracy.textContent = t.trainAccuracy(label, (100 * summary.accuracy).toFixed(2), summary.seconds.toFixed(1));
      this.#setState("done", t.trainDone(label));
      // Every finished run so far, as one document: a K-worker run and its 1-worker twin compare.
      await (await this.#results).setLive(await trainingDocument(this.#finished));
      return true;
    } catch (e) {
      if (this.dataset.state !== "cancelled") {
        this.error(t.trainStopped((e as Error).message));
        this.#setState("error", t.trainStillWorks);
      }
      return false;
    } finally {
      this.#stopWorker();
      this.#live = undefined;
      this.#draw();
    }
  }

  #progress(label: string, p: TrainingProgress | SetupProgress): void {
    if (this.dataset.state !== "running" || this.#live?.label !== label) return;
    const t = pageMessages();
    if (p.kind === "setup") {
      const setup =
        p.step === "loading" ? t.trainLoading : p.step === "compressing" ? t.trainCompressing(p.digits) : t.trainHelpers(p.helpers);
      this.status(`${label}: ${setup}`);
      return;
    }
    if (p.kind === "loss") this.#live.losses.push({ seconds: p.seconds, loss: p.loss });
    else this.#live.tests.push({ seconds: p.seconds, accuracy: p.accuracy });
    const progress = this.find<HTMLProgressElement>("progress");
    progress.max = p.steps;
    progress.value = p.step;
    const lastTest = this.#live.tests.at(-1);
    const lastLoss = this.#live.losses.at(-1);
    this.status(
      t.trainStep(label, p.step, p.steps, p.epoch + 1, p.seconds.toFixed(1)) +
        (lastLoss ? t.trainLoss(lastLoss.loss.toFixed(3)) : "") +
        (lastTest ? t.trainTestAccuracy((100 * lastTest.accuracy).toFixed(2)) : ""),
    );
    this.#scheduleDraw();
  }

  #cancel(): void {
    if (this.dataset.state !== "running") return;
    this.abortRun();
    this.#setState("cancelled", pageMessages().trainCancelled);
    this.#stopWorker();
  }

  #stopWorker(): void {
    if (this.#worker) endAfterAnswer(this.#worker.worker, this.#worker.answered, this.#worker.stop);
    this.#worker = undefined;
  }

  /** At most one redraw per frame, however fast progress arrives. */
  #scheduleDraw(): void {
    if (this.#drawPending) return;
    this.#drawPending = true;
    requestAnimationFrame(() => {
      this.#drawPending = false;
      this.#draw();
    });
  }

  #draw(): void {
    const runs: RunSeries[] = [...this.#finished, ...(this.#live ? [this.#live] : [])];
    const charts = this.find("charts");
    const table = this.find("table");
    this.find("clear").hidden = this.#finished.length === 0;
    if (runs.length === 0) {
      charts.replaceChildren();
      table.replaceChildren();
      return;
    }
    table.replaceChildren(...(this.#finished.length ? [trainingTable(this.#finished, TARGET_ACCURACY)] : []));
    if (!this.#plot) {
      void import("@observablehq/plot").then((Plot) => {
        this.#plot = Plot;
        this.#draw();
      });
      return;
    }
    charts.replaceChildren(...trainingCharts(this.#plot, runs, TARGET_ACCURACY));
  }
}

customElements.define("ec-training-run", TrainingRun);
