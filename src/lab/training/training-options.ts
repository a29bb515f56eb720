import { MAX_RUN_THREADS } from "../run-threads.ts";

/**
 * What a training run is configured by, its defaults, and the checks a reader's input gets before
 * any work starts. The defaults reach the target test accuracy on MNIST in four short epochs: 64
 * images per step keep the GEMMs reasonably shaped while giving ~190 updates per epoch; a learning
 * rate of 0.01 with momentum 0.9, halved after every epoch, learns fast at first and then settles
 * instead of bouncing around its optimum (a constant rate ended its runs up to half a point lower,
 * 0.02 and above plateaued lower still). Shifts of ±1 pixel augment without slowing the first
 * epochs the way ±2 did on 12 000 images.
 */
export interface TrainingOptions {
  /** Images per step. */
  batch: number;
  /** Threads the batch is split across (K). */
  workers: number;
  learningRate: number;
  /** Passes over the training images. */
  epochs: number;
}

export const DEFAULT_TRAINING = { batch: 64, learningRate: 0.01, momentum: 0.9, epochs: 4, maxShift: 1, epochDecay: 0.5 } as const;

/** Test accuracy the default run must reach (checked by e2e/training.spec.ts). */
export const TARGET_ACCURACY = 0.97;

/**
 * Wall time within which the default run must reach it on two cores, data loading included
 * (checked by e2e/training.spec.ts on a 2-core machine that runs other jobs too).
 */
export const DEFAULT_RUN_BUDGET_SECONDS = 60;

/** Most epochs a page run may ask for: about a minute per epoch on one slow core. */
export const MAX_EPOCHS = 20;

export interface TrainingLimits {
  /** Images in the training set. */
  trainImages: number;
}

/** Throws a RangeError naming the first bad field, in words a reader of the form understands. */
export function checkTrainingOptions(o: TrainingOptions, limits: TrainingLimits): void {
  if (!Number.isInteger(o.batch) || o.batch < 1 || o.batch > limits.trainImages) {
    throw new RangeError(`invalid batch size: ${o.batch} (expected a whole number from 1 to ${limits.trainImages}, the training images)`);
  }
  // Past the cores the browser reports too (browsers under-report them; the form's note says what that means).
  if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > MAX_RUN_THREADS) {
    throw new RangeError(
      `invalid workers: ${o.workers} (expected a whole number from 1 to ${MAX_RUN_THREADS}, the most threads a run may use)`,
    );
  }
  if (o.workers > o.batch) {
    throw new RangeError(
      `invalid workers: ${o.workers} (more workers than the ${o.batch} images of a batch would leave some with nothing to do)`,
    );
  }
  if (typeof o.learningRate !== "number" || !Number.isFinite(o.learningRate) || o.learningRate <= 0) {
    throw new RangeError(`invalid learning rate: ${o.learningRate} (expected a positive number, e.g. ${DEFAULT_TRAINING.learningRate})`);
  }
  if (!Number.isInteger(o.epochs) || o.epochs < 1 || o.epochs > MAX_EPOCHS) {
    throw new RangeError(`invalid epochs: ${o.epochs} (expected a whole number from 1 to ${MAX_EPOCHS})`);
  }
}
