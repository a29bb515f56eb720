/// <reference lib="webworker" />
import { reportHelperGone } from "./pool-control.ts";

/** What the pool tells its watchdog: the control block, and each helper's life lock (helper p at [p − 1]). */
export interface WatchdogInit {
  control: Int32Array;
  lifeLocks: readonly string[];
}

// The pool's watchdog: a worker whose event loop never blocks, unlike the coordinator's and the
// helpers'. It queues for each helper's life lock; the browser grants it only when that helper's
// worker has ended (terminated, crashed), and then the watchdog reports the helper gone, which
// wakes the coordinator to fail the run naming it.
self.onmessage = ({ data }: MessageEvent<WatchdogInit>) => {
  data.lifeLocks.forEach((name, i) => {
    void navigator.locks.request(name, () => reportHelperGone(data.control, i + 1));
  });
};
