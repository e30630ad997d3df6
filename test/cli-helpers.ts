// Drives the real, built `presidium` command as a child process (`npm test` builds first).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const repo = fileURLToPath(new URL("../", import.meta.url));
export const bin = join(repo, "bin", "presidium.js");
export const fixtures = join(repo, "test", "fixtures");

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function presidium(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Result> {
  if (!existsSync(join(repo, "dist", "bundle", "main.js"))) {
    throw new Error("dist/bundle/main.js is missing: run `npm run build` (npm test does it) before the CLI tests");
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PRESIDIUM_DEBUG: "", ...options.env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "presidium-cli-"));
}

/** No stack trace reaches the user. */
export function expectNoStack(r: Result): void {
  if (/^\s+at /m.test(r.stderr) || r.stderr.includes("    at ")) throw new Error(`stack trace in stderr:\n${r.stderr}`);
}

/** A clear error: the exit code, exactly one line on stderr holding every needle, nothing on stdout, no stack. */
export function expectClearError(r: Result, code: 1 | 2, ...needles: (string | RegExp)[]): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
  expectNoStack(r);
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stdout).toBe("");
  for (const n of needles) {
    if (typeof n === "string") expect(r.stderr).toContain(n);
    else expect(r.stderr).toMatch(n);
  }
}

/**
 * A study command (sensitivity, calibrate) on 1 and 2 workers at once, each with its own --out in
 * `dir`: both must succeed quietly with the same JSON and the same output file. Returns the JSON and the file.
 */
export async function sameOnOneAndTwoWorkers(args: readonly string[], dir: string): Promise<{ stdout: string; out: string }> {
  const out = (w: number) => join(dir, `w${w}.jsonl`);
  const run = (w: number) => presidium([...args, "--workers", String(w), "--force-workers", "--json", "--out", out(w)]);
  const [one, two] = await Promise.all([run(1), run(2)]);
  expect(one.code, one.stderr).toBe(0);
  expect(two.code, two.stderr).toBe(0);
  expect(one.stderr).toBe("");
  expect(two.stdout).toBe(one.stdout);
  expect(readFileSync(out(2), "utf8")).toBe(readFileSync(out(1), "utf8"));
  return { stdout: one.stdout, out: out(1) };
}

/** Runs commands two at a time (the machine's cores are shared) and requires each to succeed. */
export async function twoAtATime(commands: readonly (readonly string[])[]): Promise<Result[]> {
  const results: Result[] = [];
  for (let i = 0; i < commands.length; i += 2) {
    const batch = await Promise.all(commands.slice(i, i + 2).map((args) => presidium(args)));
    for (const r of batch) expect(r.code, r.stderr).toBe(0);
    results.push(...batch);
  }
  return results;
}
