// The record a study resumes from: a header with its plan, one line per finished point; a line cut
// short by a crash is dropped, a damaged line is refused with its number, and another plan is named
// field by field.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JournalFile } from "../src/research/run/journal-file.js";
import { headerLine, JournalError, parseJournal, phaseLine, planDifferences, pointLine, type JournalHeader } from "../src/research/study-journal.js";
import { tempDir } from "./cli-helpers.js";

const header: JournalHeader = { presidium: "sensitivity", format: 1, version: "0.1.0", plan: { runs: 200, seed: 1, parameters: [["a.b.c", 0, 1, false]] } };
const point = (i: number) => pointLine({ point: i, phase: "morris", values: [0.25 * i], estimates: { removal: { value: i / 10, se: 0.03 }, fights: { value: Number.NaN, se: Number.NaN } } });

describe("the study journal", () => {
  it("reads back what it wrote, NaN included, with the phases' chosen factors", () => {
    const text = headerLine(header) + point(0) + phaseLine({ phase: "sobol", factors: ["a.b.c"] }) + point(1);
    const j = parseJournal(text, "out.jsonl", "sensitivity");
    expect(j.header).toEqual(header);
    expect([...j.points.keys()]).toEqual([0, 1]);
    expect(j.points.get(1)).toEqual({ point: 1, phase: "morris", values: [0.25], estimates: { removal: { value: 0.1, se: 0.03 }, fights: { value: Number.NaN, se: Number.NaN } } });
    expect(j.phases.get("sobol")).toEqual({ phase: "sobol", factors: ["a.b.c"] });
    expect(j.partialLine).toBe(false);
    expect(j.completeBytes).toBe(Buffer.byteLength(text));
  });

  it("drops a last line cut short, and says where the complete lines end", () => {
    const whole = headerLine(header) + point(0);
    const j = parseJournal(whole + point(1).slice(0, 20), "out.jsonl", "sensitivity");
    expect([...j.points.keys()]).toEqual([0]);
    expect(j.partialLine).toBe(true);
    expect(j.completeBytes).toBe(Buffer.byteLength(whole));
  });

  it("refuses a damaged line with its number, and a file that is not a study's", () => {
    expect(() => parseJournal(headerLine(header) + point(0) + "{oops}\n" + point(1), "out.jsonl", "sensitivity")).toThrow(/^out\.jsonl:3: not a record of a finished point/);
    expect(() => parseJournal("hello\n", "notes.txt", "sensitivity")).toThrow(/notes\.txt is not the output of presidium sensitivity/);
    expect(() => parseJournal(headerLine(header), "out.jsonl", "calibrate")).toThrow(/was written by presidium sensitivity, not calibrate/);
  });

  it("names what differs between two plans", () => {
    const other: JournalHeader = { ...header, version: "0.2.0", plan: { runs: 100, seed: 1, parameters: [["a.b.c", 0, 2, false]], fingerprint: "x" } };
    expect(planDifferences(header, other, { fingerprint: "the scenario changed" })).toEqual([
      "presidium version: 0.1.0 there, 0.2.0 here",
      "runs: 200 there, 100 here",
      'parameters: item 1 of 1 is [a.b.c, 0, 1, false] there, [a.b.c, 0, 2, false] here',
      "the scenario changed",
    ]);
  });

  it("on disk: begins a new file, resumes the same plan after cutting a broken last line, refuses another", () => {
    const path = join(tempDir(), "study.jsonl");
    const fresh = JournalFile.open(path, "--out", header);
    expect(fresh.resumed).toBeNull();
    fresh.journal.append(point(0));
    fresh.journal.close();
    writeFileSync(path, readFileSync(path, "utf8") + point(1).slice(0, 15));

    const again = JournalFile.open(path, "--out", header);
    expect([...again.resumed!.points.keys()]).toEqual([0]);
    again.journal.append(point(1));
    again.journal.close();
    expect(readFileSync(path, "utf8")).toBe(headerLine(header) + point(0) + point(1));

    expect(() => JournalFile.open(path, "--out", { ...header, plan: { ...header.plan, seed: 2 } })).toThrow(JournalError);
    expect(() => JournalFile.open(path, "--out", { ...header, plan: { ...header.plan, seed: 2 } })).toThrow(/holds a different study \(seed: 1 there, 2 here\)/);
    expect(readFileSync(path, "utf8")).toBe(headerLine(header) + point(0) + point(1));
  });
});
