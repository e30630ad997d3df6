// Output files (--log, --csv, --report) are written all at once or not at all, through links, and
// straight into targets that cannot be swapped (pipes, devices).
import { describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AtomicFile, OutputFileError, writeOutputFile } from "../src/research/run/output-file.js";

const temp = () => mkdtempSync(join(tmpdir(), "presidium-out-"));

describe("output files", () => {
  it("replace the target whole and leave no temporary file", () => {
    const dir = temp();
    const path = join(dir, "out.csv");
    writeFileSync(path, "old");
    writeOutputFile(path, "--csv", "new contents\n");
    expect(readFileSync(path, "utf8")).toBe("new contents\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("a discarded file leaves the old one untouched", () => {
    const dir = temp();
    const path = join(dir, "report.html");
    writeFileSync(path, "previous report");
    const f = AtomicFile.open(path, "--report");
    f.write("half a rep");
    f.discard();
    expect(readFileSync(path, "utf8")).toBe("previous report");
    expect(readdirSync(dir)).toEqual(["report.html"]);
  });

  it("write through a link to the file it points to, keeping the link", () => {
    const dir = temp();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "target.jsonl"), "old");
    symlinkSync(join(dir, "real", "target.jsonl"), join(dir, "link.jsonl"));
    writeOutputFile(join(dir, "link.jsonl"), "--log", "through the link\n");
    expect(lstatSync(join(dir, "link.jsonl")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real", "target.jsonl"), "utf8")).toBe("through the link\n");
  });

  it("write straight into a pipe instead of replacing it", async () => {
    const dir = temp();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.on("data", (d) => (got += d));
    const done = new Promise((resolve) => reader.on("close", resolve));
    writeOutputFile(fifo, "--csv", "rows\n");
    await done;
    expect(got).toBe("rows\n");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a folder or a missing folder is a clear error and nothing is created", () => {
    const dir = temp();
    expect(() => writeOutputFile(dir, "--report", "x")).toThrow(OutputFileError);
    expect(() => writeOutputFile(join(dir, "no", "such", "file.csv"), "--csv", "x")).toThrow(/does not exist/);
    expect(existsSync(join(dir, "no"))).toBe(false);
  });
});
