// The commands that play games on worker threads run under V8 flags only a new process can take
// (src/cli/process-flags.ts): bin/presidium.js starts them again under those flags, passes signals
// on, ends as the new process ends, and the new process stops if the one that started it is killed.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it, onTestFinished } from "vitest";
import { POOL_FLAGS, wantsPoolFlags } from "../src/cli/process-flags.js";
import { bin, presidium, repo } from "./cli-helpers.js";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The command line of a process, from Linux's /proc, or null once it has ended (a zombie has none). */
function commandLine(pid: number): string[] | null {
  try {
    const line = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((a) => a !== "");
    return line.length > 0 ? line : null;
  } catch {
    return null;
  }
}

/** The first child process of `pid`, waited for (Linux's /proc). */
async function childOf(pid: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    if (children !== "") return Number(children.split(" ")[0]);
    await pause(50);
  }
  throw new Error(`process ${pid} started no child`);
}

describe("V8 flags for the commands that play on workers", () => {
  it("asks for a new process for those commands only, and not when the flags are already there", () => {
    for (const command of ["montecarlo", "sweep", "sensitivity", "calibrate"]) {
      expect(wantsPoolFlags([command, "--runs", "3"], []), command).toBe(true);
      expect(wantsPoolFlags(["--", command], ["--inspect"]), command).toBe(true);
      expect(wantsPoolFlags([command], [...POOL_FLAGS]), command).toBe(false);
    }
    for (const argv of [["run", "--scenario", "june-1957"], ["merge", "a.json"], ["validate", "x.yaml"], ["scenarios"], ["--help"], []]) {
      expect(wantsPoolFlags(argv, []), argv.join(" ")).toBe(false);
    }
  });

  it.runIf(existsSync("/proc/self/task"))(
    "montecarlo runs in a process started under the flags, with the same result as one started with them",
    async () => {
      const args = ["montecarlo", "--scenario", "june-1957", "--runs", "40", "--seed", "4", "--workers", "1", "--json"];
      const child = spawn(process.execPath, [bin, ...args], { cwd: repo });
      onTestFinished(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      });
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d));
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      const relaunched = await childOf(child.pid!);
      const line = commandLine(relaunched) ?? [];
      expect(line.slice(1, 1 + POOL_FLAGS.length)).toEqual(POOL_FLAGS);
      expect(line).toContain(bin);
      expect(await exited).toBe(0);
      // Started with the flags already, the command runs where it is.
      const direct = await new Promise<string>((resolve, reject) => {
        const c = spawn(process.execPath, [...POOL_FLAGS, bin, ...args], { cwd: repo });
        let out = "";
        c.stdout.on("data", (d: Buffer) => (out += d));
        c.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
      expect(JSON.parse(stdout)).toEqual(JSON.parse(direct));
    },
    120_000,
  );

  it.runIf(existsSync("/proc/self/task"))(
    "the new process stops within seconds when the one that started it is killed outright",
    async () => {
      const child = spawn(process.execPath, [bin, "montecarlo", "--scenario", "october-1964", "--runs", "100000", "--workers", "1"], { cwd: repo, stdio: "ignore" });
      const relaunched = await childOf(child.pid!);
      onTestFinished(() => {
        if (commandLine(relaunched) !== null) process.kill(relaunched, "SIGKILL");
      });
      child.kill("SIGKILL");
      await new Promise((resolve) => child.on("close", resolve));
      let gone = false;
      for (let i = 0; i < 100 && !gone; i++) {
        await pause(100);
        gone = commandLine(relaunched) === null;
      }
      expect(gone).toBe(true);
    },
    60_000,
  );

  it("a bad command line still ends as one clear error from the new process", async () => {
    const r = await presidium(["montecarlo", "--scenario", "nope", "--runs", "2"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain('unknown scenario "nope"');
  });
});
