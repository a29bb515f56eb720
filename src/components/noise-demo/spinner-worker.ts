/// <reference lib="webworker" />

/**
 * A competing load for the noise demo: on its first message it spins until terminated, keeping
 * one hardware thread busy the way another program on the machine would.
 */
self.onmessage = () => {
  let x = 1;
  for (;;) x = (Math.imul(x, 1103515245) + 12345) | 0;
};
