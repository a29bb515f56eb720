/// <reference lib="webworker" />
import { holdForLife } from "./life-lock.ts";
import { reportHelperGone } from "./pool-control.ts";
import { WATCHING, type WatchdogInit } from "./pool-watchdog-init.ts";

// The pool's watchdog: a worker whose event loop never blocks, unlike the coordinator's and the
// helpers'. It queues for each helper's life lock; the browser grants it only when that helper's
// worker has ended (terminated, crashed), and then the watchdog reports the helper gone, which
// wakes the coordinator to fail the run naming it. It holds a life lock of its own, so the pool's
// owner can see it end too (life-lock.ts).
self.onmessage = async ({ data }: MessageEvent<WatchdogInit>) => {
  await holdForLife(data.ownLifeLock);
  data.lifeLocks.forEach((name, i) => {
    void navigator.locks.request(name, () => reportHelperGone(data.control, i + 1));
  });
  self.postMessage(WATCHING);
};
