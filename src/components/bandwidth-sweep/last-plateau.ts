/**
 * The reader's last measured main-memory plateau, kept in this browser (localStorage) so a page
 * without the bandwidth benchmark can still bound its predictions by it. Nothing leaves the machine.
 */
export interface StoredPlateau {
  /** Highest main-memory plateau measured, GB/s. */
  gbps: number;
  /** Threads it was measured on. */
  threads: number;
  /** When (ISO date). */
  date: string;
}

const KEY = "every-core:bandwidth-plateau";

export function isStoredPlateau(x: unknown): x is StoredPlateau {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.gbps === "number" && o.gbps > 0 && typeof o.threads === "number" && o.threads >= 1 && typeof o.date === "string";
}

export function saveLastPlateau(p: StoredPlateau, storage: Pick<Storage, "setItem"> = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or refused (private mode): the figure is simply not remembered.
  }
}

export function loadLastPlateau(storage: Pick<Storage, "getItem"> = localStorage): StoredPlateau | undefined {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? "null");
    return isStoredPlateau(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
