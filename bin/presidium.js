#!/usr/bin/env node
// The `presidium` command: the compiled CLI lives in dist/ (built by `npm install` via `prepare`,
// or by `npm run build`), bundled into one file that loads faster than its modules
// (scripts/build-cli.mjs).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

process.stdout.on("error", (error) => {
  // `presidium run ... | head`: the reader has gone; stop quietly.
  if (error && error.code === "EPIPE") process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
// A command that plays games on worker threads runs under V8 flags that only a new process can take
// (src/cli/process-flags.ts). Not built yet: the import of the command below says so.
const flags = await import("../dist/cli/process-flags.js").catch(() => null);
if (flags && flags.wantsPoolFlags(args, process.execArgv)) relaunch(flags.POOL_FLAGS);
else await runHere();

/**
 * Starts this command again under `extra` and ends as it ends. The new process leads its own process
 * group, so a Ctrl-C at the terminal reaches it once, passed on from here (its first Ctrl-C reports
 * the runs finished so far; a second one would stop it at once), as does a signal sent to this process.
 */
function relaunch(extra) {
  const env = { ...process.env, PRESIDIUM_RELAUNCHED_BY: String(process.pid) };
  const child = spawn(process.execPath, [...extra, ...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: "inherit", detached: true, env });
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on("error", (error) => {
    process.stderr.write(`presidium: cannot start the command again under ${extra.join(" ")} (${error.message})\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
}

async function runHere() {
  // Started again by relaunch: if the process that started it is killed outright (no signal to pass
  // on), this one, in a process group of its own, would play on unseen; it stops instead.
  const starter = Number(process.env.PRESIDIUM_RELAUNCHED_BY);
  if (starter > 0) setInterval(() => isGone(starter) && process.exit(1), 500).unref();
  let cli;
  try {
    cli = await import("../dist/bundle/main.js");
  } catch (error) {
    const notBuilt = error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist");
    process.stderr.write(
      notBuilt
        ? "presidium: the command is not built yet; run `npm install` (or `npm run build`) in the repository first\n"
        : `presidium: cannot load the compiled command in dist/ (${String(error && error.message).split("\n")[0]}); try \`npm run build\`\n`,
    );
    if (process.env.PRESIDIUM_DEBUG && error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
  process.exitCode = await cli.main(args);
}

/** Whether no process `pid` is left (signal 0 only checks). */
function isGone(pid) {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}
