/**
 * The merge and the update of a data-parallel step, on flat vectors (cnn-params.ts layout).
 *
 * Each of K chunks of the batch leaves in its slot the gradient SUM over its images, then its loss
 * sum and correct count (slot[count], slot[count + 1]). Summing the slots and dividing by the whole
 * batch gives exactly the mean gradient of the large batch (up to float rounding of the sums),
 * however the images were split — averaging the chunks' means would weight a short last chunk
 * wrongly. The slots are summed in order, so the result does not depend on which thread ran which.
 */
export function mergeGradientSlots(
  slots: Float32Array,
  parts: number,
  stride: number,
  count: number,
  batch: number,
): { loss: number; correct: number } {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`invalid parts: ${parts} (expected an integer ≥ 1)`);
  if (stride < count + 2 || slots.length < parts * stride)
    throw new RangeError(`invalid slots: length ${slots.length} for ${parts} slots of ${stride} ≥ ${count + 2} floats`);
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`invalid batch: ${batch} (expected an integer ≥ 1)`);
  const scale = 1 / batch;
  for (let i = 0; i < count + 2; i++) {
    let sum = slots[i]!;
    for (let p = 1; p < parts; p++) sum += slots[p * stride + i]!;
    slots[i] = i < count ? sum * scale : sum;
  }
  return { loss: slots[count]! * scale, correct: slots[count + 1]! };
}

/** The checks every training entry point shares; throws a RangeError naming the bad one. */
export function checkHyperparameters(learningRate: number, momentum: number): void {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new RangeError(`invalid learningRate: ${learningRate} (expected a positive finite number)`);
  }
  if (typeof momentum !== "number" || !(momentum >= 0 && momentum < 1)) {
    throw new RangeError(`invalid momentum: ${momentum} (expected a number in [0, 1))`);
  }
}

/**
 * SGD with (heavy-ball) momentum, as PyTorch's SGD: v ← μ·v + g, θ ← θ − η·v, over the first
 * `count` floats of each vector.
 */
export function sgdMomentumStep(
  params: Float32Array,
  velocity: Float32Array,
  grad: Float32Array,
  count: number,
  learningRate: number,
  momentum: number,
): void {
  checkHyperparameters(learningRate, momentum);
  if (params.length < count || velocity.length < count || grad.length < count)
    throw new RangeError(`invalid count: ${count} (longer than a vector)`);
  for (let i = 0; i < count; i++) {
    const v = momentum * velocity[i]! + grad[i]!;
    velocity[i] = v;
    params[i]! -= learningRate * v;
  }
}
