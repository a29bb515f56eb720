/** 1 ≤ n < 200 000: about 2.3·10⁷ loop iterations, seconds of pure Python, under a second of JS. */
export const RACE_LIMIT = 200_000;
