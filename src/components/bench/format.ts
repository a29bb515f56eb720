/** Number formatting shared by the tables, charts and claims. */
export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
export const ratio = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
export const gflops = (x: number | undefined) => (x === undefined ? "—" : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const threadsLabel = (t: number) => (t === 1 ? "1 thread" : `${t} threads`);
