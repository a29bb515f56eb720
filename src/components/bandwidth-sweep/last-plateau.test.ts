import { describe, expect, it } from "vitest";
import { loadLastPlateau, saveLastPlateau } from "./last-plateau.ts";

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe("the last plateau", () => {
  it("round-trips and rejects what is not one", () => {
    const s = memoryStorage();
    expect(loadLastPlateau(s)).toBeUndefined();
    saveLastPlateau({ gbps: 12.5, threads: 2, date: "2026-12-06" }, s);
    expect(loadLastPlateau(s)).toEqual({ gbps: 12.5, threads: 2, date: "2026-12-06" });
    s.setItem("every-core:bandwidth-plateau", '{"gbps":-1,"threads":2,"date":"x"}');
    expect(loadLastPlateau(s)).toBeUndefined();
    s.setItem("every-core:bandwidth-plateau", "not json");
    expect(loadLastPlateau(s)).toBeUndefined();
  });
});
