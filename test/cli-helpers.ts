// Drives the real, built `presidium` command as a child process (`npm test` builds first).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../", import.meta.url));
export const bin = join(repo, "bin", "presidium.js");
export const fixtures = join(repo, "test", "fixtures");

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function presidium(args: readonly string[], options: { cwd?: string } = {}): Promise<Result> {
  if (!existsSync(join(repo, "dist", "cli", "main.js"))) {
    throw new Error("dist/cli/main.js is missing: run `npm run build` (npm test does it) before the CLI tests");
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PRESIDIUM_DEBUG: "" } }, (error, stdout, stderr) => {
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
