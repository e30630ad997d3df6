// Worker pools stopped while their threads are still booting: Node 20 aborts the whole process if a
// thread is terminated while it instantiates its ES modules (CI saw this once, as a bad --set value
// whose error never printed). The pools are opened and closed in a child process, as the CLI does,
// at every moment of the boot; a crash shows as the child's exit code.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repo } from "./cli-helpers.js";

const threadsModule = join(repo, "dist", "research", "run", "threads.js");
const workerModule = pathToFileURL(join(repo, "dist", "research", "run", "worker.js")).href;

function child(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: repo }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("worker pools", () => {
  it("can be closed at any moment of their threads' boot without crashing the process", async () => {
    if (!existsSync(threadsModule)) throw new Error("dist/research/run/threads.js is missing: run `npm run build` (npm test does it) first");
    const script = `
      import { openPool, closePool } from ${JSON.stringify(pathToFileURL(threadsModule).href)};
      let closed = 0;
      for (let wait = 0; wait < 300; wait += 10) {
        const pool = openPool(${JSON.stringify(workerModule)}, 2);
        await new Promise((resolve) => setTimeout(resolve, wait));
        await closePool(pool);
        closed++;
      }
      console.log("closed " + closed);
    `;
    const result = await child(script);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("closed 30");
  }, 60_000);
});
