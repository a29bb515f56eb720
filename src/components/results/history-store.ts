import { parseResults } from "../../lab/results-import.ts";
import type { ResultsV1 } from "../../lab/results.ts";

/**
 * The reader's earlier runs, in this browser's IndexedDB: the last HISTORY_LIMIT runs of each
 * benchmark (or island). Nothing here leaves the machine; a run travels only when the reader
 * downloads or shares it.
 */
export const HISTORY_LIMIT = 20;

export interface HistoryEntry {
  id: number;
  bench: string;
  /** When the run was saved, ms since the epoch. */
  savedAt: number;
  doc: ResultsV1;
}

const DB = "every-core";
const STORE = "runs";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true }).createIndex("bench", "bench");
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB could not open"));
    r.onblocked = () => reject(new Error("IndexedDB is blocked by another tab of this site"));
  });
  opened.catch(() => (opened = undefined)); // a later call may try again
  return opened;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(STORE, mode).objectStore(STORE);
}

/**
 * The runs of `bench`, newest first. Each stored document is read back through the importer, so
 * one altered by hand (devtools) is dropped, not shown.
 */
export async function listRuns(bench: string): Promise<HistoryEntry[]> {
  const rows = await request((await store("readonly")).index("bench").getAll(bench));
  return (rows as HistoryEntry[])
    .flatMap((row) => {
      try {
        return [{ id: row.id, bench: row.bench, savedAt: row.savedAt, doc: parseResults(JSON.stringify(row.doc)) }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.savedAt - a.savedAt || b.id - a.id);
}

/** Keeps `doc` as the newest run of `bench`, and forgets the oldest beyond HISTORY_LIMIT. */
export async function saveRun(bench: string, doc: ResultsV1): Promise<void> {
  await request((await store("readwrite")).add({ bench, savedAt: Date.now(), doc }));
  const old = (await listRuns(bench)).slice(HISTORY_LIMIT);
  for (const entry of old) await deleteRun(entry.id);
}

export async function deleteRun(id: number): Promise<void> {
  await request((await store("readwrite")).delete(id));
}
