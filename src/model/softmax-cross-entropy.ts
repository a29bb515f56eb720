/**
 * Softmax cross-entropy over `rows` rows of `classes` logits with integer labels (stored as
 * floats, exact below 2²⁴). Overwrites `logits` with ∂L/∂logits = softmax − one-hot for each row,
 * the gradient of the SUM of the rows' losses (the caller divides by the whole batch once, so that
 * K workers' sums add up to exactly the large batch's mean). Returns the summed loss and how many
 * rows had their label as the (first) largest logit.
 */
export function softmaxCrossEntropySum(
  rows: number,
  classes: number,
  logits: Float32Array,
  labels: Float32Array,
): { loss: number; correct: number } {
  if (labels.length !== rows) throw new RangeError(`invalid labels: length ${labels.length}, expected ${rows}`);
  if (logits.length !== rows * classes) throw new RangeError(`invalid logits: length ${logits.length}, expected ${rows * classes}`);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    const label = labels[r]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes)
      throw new RangeError(`invalid labels: ${label} at row ${r} (expected an integer in 0..${classes - 1})`);
    let max = logits[o]!;
    let argmax = 0;
    for (let c = 1; c < classes; c++) {
      if (logits[o + c]! > max) {
        max = logits[o + c]!;
        argmax = c;
      }
    }
    if (argmax === label) correct++;
    // Shift by the max so exp never overflows; accumulate in f64.
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logits[o + c]! - max);
    loss += Math.log(sum) - (logits[o + label]! - max);
    for (let c = 0; c < classes; c++) logits[o + c] = Math.exp(logits[o + c]! - max) / sum - (c === label ? 1 : 0);
  }
  return { loss, correct };
}
