// Issue 15: the man who sounds a colleague out hears the answer, never the estimate behind it, nor
// whether the colleague means to warn the target.
import { describe, expect, it } from "vitest";
import { simulate, viewFor } from "../src/engine/index.js";
import { scenarioOf } from "./strategies.js";

describe("an approach as the approacher sees it", () => {
  it("carries the answer, not the recruit's estimate or intentions; the recruit keeps his own", () => {
    const world = simulate(scenarioOf("october-1964"), { seed: 3 });
    const approaches = world.log.filter((e) => e.type === "approach");
    expect(approaches.length).toBeGreaterThan(5);
    for (const e of approaches.slice(0, 20)) {
      const approacher = e.data!.approacher as string;
      const recruit = e.data!.recruit as string;
      // A seat's log is renumbered, so the entry is found by what it says and when.
      const same = (x: typeof e) => x.type === "approach" && x.date === e.date && x.data?.approacher === approacher && x.data?.recruit === recruit;
      const seen = viewFor(world, approacher).log.find(same)!;
      expect(seen.data?.odds, e.text).toBeUndefined();
      expect(seen.options, e.text).toBeUndefined();
      expect(seen.text).not.toMatch(/estimate|warn/);
      const own = viewFor(world, recruit).log.find(same)!;
      expect(own.data?.odds).toBe(e.data!.odds);
      expect(own.options).toEqual(e.options);
    }
  });
});
