// Worker pools stopped while their threads are still booting: Node 20 aborts the whole process if a
// thread is terminated while it instantiates its ES modules (CI saw this once, as a bad --set value
// whose error never printed). The pools are opened and closed in a child process, as the CLI does,
// at every moment of the boot; a crash shows as the child's exit code.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repo } from "./cli-helpers.js";

const threadsModule = join(repo, "dist", "research", "run", "threads.js");
// The compiled worker and the bundled one the command starts (scripts/build-cli.mjs).
const workerModules = ["dist/research/run/worker.js", "dist/bundle/worker.js"];

function child(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: repo }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("worker pools", () => {
  it.each(workerModules)("can be closed at any moment of their threads' boot without crashing the process (%s)", async (worker) => {
    const workerModule = join(repo, worker);
    for (const built of [threadsModule, workerModule]) if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` (npm test does it) first`);
    const script = `
      import { openPool, closePool } from ${JSON.stringify(pathToFileURL(threadsModule).href)};
      let closed = 0;
      for (let wait = 0; wait < 300; wait += 10) {
        const pool = openPool(${JSON.stringify(pathToFileURL(workerModule).href)}, 2);
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

/** The packages a source module loads, following its relative imports (a type-only import loads nothing). */
function packagesLoaded(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      if (m[1].startsWith(".")) visit(join(dirname(file), m[1].replace(/\.js$/, ".ts")));
      else packages.add(m[1]);
    }
  };
  visit(entry);
  return [...packages].sort();
}

describe("a Monte Carlo worker thread", () => {
  // Each worker pays for its imports before its first game: zod (the scenario validator, most of
  // the engine's import cost) and yaml are the main thread's, which validates once and sends the
  // scenario; piscina's pool is the main thread's too.
  it("loads the engine and its random numbers, and no validator, parser or pool", () => {
    expect(packagesLoaded(join(repo, "src", "research", "run", "worker.ts"))).toEqual(["node:v8", "node:worker_threads", "pure-rand"]);
  });

  it("(the walk sees a validator where one is loaded)", () => {
    expect(packagesLoaded(join(repo, "src", "scenarios", "load.ts"))).toContain("zod");
  });
});
