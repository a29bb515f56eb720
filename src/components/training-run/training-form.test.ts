import { describe, expect, it } from "vitest";
import { checkTrainingOptions, DEFAULT_TRAINING, MAX_EPOCHS } from "../../lab/training/training-options.ts";
import { MAX_RUN_THREADS } from "../../lab/run-threads.ts";
import { defaultWorkers, parseTrainingFields, runLabel } from "./training-form.ts";

const limits = { trainImages: 12000 };
const fields = { batch: "64", workers: "2", learningRate: "0.01", epochs: "3" };
const check = (f: Partial<typeof fields>) => () => checkTrainingOptions(parseTrainingFields({ ...fields, ...f }), limits);

describe("the training form", () => {
  it("accepts the defaults and names each run by its settings", () => {
    expect(check({})).not.toThrow();
    const o = parseTrainingFields({
      batch: String(DEFAULT_TRAINING.batch),
      workers: "1",
      learningRate: String(DEFAULT_TRAINING.learningRate),
      epochs: "1",
    });
    expect(runLabel(o)).toBe("K = 1, batch 64, lr 0.01, 1 epoch");
    expect(defaultWorkers(2)).toBe(2);
    expect(defaultWorkers(32)).toBe(4);
  });

  it("rejects a batch of 0, a fraction or more images than the training set, naming the field", () => {
    expect(check({ batch: "0" })).toThrow(/^invalid batch size: 0 \(expected a whole number from 1 to 12000, the training images\)$/);
    expect(check({ batch: "12001" })).toThrow(/invalid batch size: 12001/);
    expect(check({ batch: "2.5" })).toThrow(/invalid batch size: 2.5/);
    expect(check({ batch: "" })).toThrow(/invalid batch size: NaN/);
  });

  it("takes workers past any reported core count up to MAX_RUN_THREADS, and rejects more, or more than images in a batch", () => {
    expect(check({ workers: "64" })).not.toThrow();
    expect(check({ workers: String(MAX_RUN_THREADS), batch: "256" })).not.toThrow();
    expect(check({ workers: String(MAX_RUN_THREADS + 1), batch: "512" })).toThrow(
      /^invalid workers: 257 \(expected a whole number from 1 to 256, the most threads a run may use\)$/,
    );
    expect(check({ workers: "0" })).toThrow(/invalid workers: 0/);
    expect(check({ workers: "3", batch: "2" })).toThrow(/invalid workers: 3 \(more workers than the 2 images of a batch/);
  });

  it("rejects a learning rate that is not a positive number, and bad epochs", () => {
    for (const lr of ["0", "-0.1", "abc", "", "Infinity"])
      expect(check({ learningRate: lr })).toThrow(/^invalid learning rate: .* \(expected a positive number, e\.g\. 0\.01\)$/);
    expect(check({ epochs: "0" })).toThrow(/invalid epochs: 0/);
    expect(check({ epochs: String(MAX_EPOCHS + 1) })).toThrow(new RegExp(`invalid epochs: ${MAX_EPOCHS + 1}`));
    expect(check({ batch: "0" })).toThrow(RangeError);
  });
});
