/**
 * Thrown out of a part waiting at a barrier once another part has failed or a helper is gone:
 * the job is abandoned, and whoever caused it is what gets reported.
 */
export class PoolAborted extends Error {
  constructor() {
    super("pool job abandoned: another part failed");
    this.name = "PoolAborted";
  }
}
