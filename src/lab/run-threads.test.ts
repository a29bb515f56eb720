import { describe, expect, it } from "vitest";
import { threadsNote } from "./run-threads.ts";

describe("threadsNote", () => {
  it("says nothing while the threads fit the reported cores", () => {
    expect(threadsNote(1, 8)).toBeUndefined();
    expect(threadsNote(8, 8)).toBeUndefined();
  });

  it("past them, explains under-reporting and oversubscription with both numbers", () => {
    const note = threadsNote(32, 2)!;
    expect(note).toMatch(/reports 2 cores/);
    expect(note).toMatch(/fewer than the machine has/);
    expect(note).toMatch(/32 threads/);
    expect(note).toMatch(/take turns on the cores/);
    expect(threadsNote(2, 1)).toMatch(/reports 1 core\./);
  });
});
