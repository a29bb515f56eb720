import type { ClaimResult } from "../../lab/claims.ts";
import { ratio } from "../bench/format.ts";
import { pageMessages, type Messages } from "../i18n/messages.ts";

/** Where a reader's guess for one claim is kept: this browser's localStorage, nothing else. */
export function storageKey(claim: string): string {
  return `every-core:predict:${claim}`;
}

/** A guess as the number input holds it ("3", "2.5", "" when empty), or undefined when it is not a positive ratio. */
export function parseGuess(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== "" && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Within this factor either way, a guess counts as close: timing noise alone moves a ratio that much. */
export const CLOSE_FACTOR = 1.25;

export type Verdict = "close" | "high" | "low" | "none" | "unmeasured";

/** How a guess compares with the ratio the run measured for its claim, in one sentence. */
export function compareGuess(
  guess: number | undefined,
  result: Pick<ClaimResult, "ratio" | "reason">,
  t: Messages = pageMessages(),
): { verdict: Verdict; text: string } {
  if (result.ratio === undefined) return { verdict: "unmeasured", text: t.guessUnmeasured(result.reason ?? "") };
  const measured = t.guessMeasured(ratio(result.ratio));
  if (guess === undefined) return { verdict: "none", text: t.guessNone(measured) };
  const factor = guess / result.ratio;
  const head = t.guessHead(ratio(guess), measured);
  if (factor <= CLOSE_FACTOR && factor >= 1 / CLOSE_FACTOR) return { verdict: "close", text: t.guessClose(head) };
  const high = factor > 1;
  return high
    ? { verdict: "high", text: t.guessTooHigh(head, ratio(factor)) }
    : { verdict: "low", text: t.guessTooLow(head, ratio(1 / factor)) };
}
