// @ts-check
// `npm run bench`: how fast Presidium's Monte Carlo runs go on this machine, in one run of the
// script, beside the targets of issue 14. Uses the compiled code in dist/ (the script builds first)
// and the same worker pool as `presidium montecarlo`. Measures:
//
//   - one thread, in process: the cost of a run of each scenario and of the campaign (runs per second
//     per worker) and the bytes allocated per run (from V8's GC profile);
//   - the cost against the Central Committee's size, x1, x2 and x4 (october-1964);
//   - the worker pool, each measurement in a fresh process (as a command would be): 1 and 2 workers
//     on october-1964 (the speed-up), 2 workers on every scenario (10,000 runs projected), the time
//     to the first result and the peak memory;
//   - the `presidium montecarlo` command's answer to a one-run question, with and without the
//     validated-scenario cache;
//
// then writes the figures to docs/research.md (between the bench markers, replacing the last ones).
// The default pass takes about 5 minutes on 2 idle cores with the engine at 0.1-0.25 s a run (the
// campaign about 1 s); the load average is printed beside every section, since the machine is shared.
//
//   npm run bench                   the default pass, written to docs/research.md
//   npm run bench -- --factor K     K times as many runs everywhere (steadier figures), also written
//   npm run bench -- --quick        a quarter of the runs, a rough look; docs/research.md untouched
//   npm run bench -- --no-write     any pass without writing docs/research.md
//   npm run bench -- --memory N     N runs of october-1964 on all cores, peak memory only (the
//                                   target is for 100,000: hours at today's engine speed)
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getHeapStatistics, GCProfiler } from "node:v8";
import { mixSeed, simulate } from "../dist/engine/index.js";
import { delayOptimization } from "../dist/research/run/jit.js";
import { runExperiment, startWorkers } from "../dist/research/run/pool.js";
import { loadScenarioFile } from "../dist/scenarios/load.js";
import { POOL_FLAGS } from "../dist/cli/process-flags.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const scenarioFile = (/** @type {string} */ id) => join(root, "scenarios", `${id}.yaml`);
const BASE_SEED = 1;

// ---- a measurement child: one pool experiment in a fresh process, reported as one JSON line ----
/**
 * CPU milliseconds used so far by each of this process's threads, from Linux's /proc (null
 * elsewhere): the main thread, the workers, and V8's helper threads (its garbage collector's
 * parallel and concurrent work and its optimizing compiler, shared by all the isolates).
 */
function threadCpu() {
  try {
    /** @type {Map<string, number>} */
    const cpu = new Map();
    for (const tid of readdirSync("/proc/self/task")) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpu.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // utime + stime, in clock ticks of 1/100 s
    }
    return cpu;
  } catch {
    return null;
  }
}

/**
 * CPU a run between two readings, by kind of thread: the `workers` busiest threads other than the
 * main one are the workers (each plays a game at a time; V8's helpers do a fraction of that).
 */
function cpuPerRun(/** @type {Map<string, number>} */ from, /** @type {Map<string, number>} */ to, /** @type {number} */ workers, /** @type {number} */ runs) {
  const main = String(process.pid);
  const used = [...to].map(([tid, ms]) => ({ tid, ms: ms - (from.get(tid) ?? 0) }));
  const others = used.filter((t) => t.tid !== main).sort((a, b) => b.ms - a.ms);
  const sum = (/** @type {{ ms: number }[]} */ ts) => ts.reduce((n, t) => n + t.ms, 0);
  return { main: (used.find((t) => t.tid === main)?.ms ?? 0) / runs, workers: sum(others.slice(0, workers)) / runs, helpers: sum(others.slice(workers)) / runs };
}

if (process.argv[2] === "--child") {
  const { scenario: id, runs, workers } = JSON.parse(process.argv[3]);
  // performance.now() counts from the process's start, so `started` includes loading the modules.
  const started = performance.now();
  delayOptimization(); // as the command does before starting its workers
  const pool = startWorkers(runs, workers);
  const { scenario } = loadScenarioFile(scenarioFile(id));
  const loaded = performance.now();
  /** @type {{ at: number, done: number } | null} */
  let first = null;
  /** @type {{ done: number, cpu: Map<string, number> | null } | null} */
  let quarter = null;
  const outcome = await runExperiment(
    { variants: [{ label: "baseline", whatIfs: [], scenario }], runs, baseSeed: BASE_SEED, workers, pool },
    {
      onProgress: (done) => {
        first ??= { at: performance.now(), done };
        if (quarter === null && done >= runs / 4) quarter = { done, cpu: threadCpu() };
      },
    },
  );
  const ended = performance.now();
  const cpuAtEnd = threadCpu();
  await pool.destroy();
  if (outcome.totals.runs !== runs || first === null) throw new Error(`only ${outcome.totals.runs} of ${runs} runs finished`);
  const f = /** @type {{ at: number, done: number }} */ (first);
  const q = /** @type {{ done: number, cpu: Map<string, number> | null }} */ (quarter);
  const cpu = q.cpu && cpuAtEnd && q.done < runs ? cpuPerRun(q.cpu, cpuAtEnd, workers, runs - q.done) : null;
  console.log(JSON.stringify({ started, loaded, first: f.at, firstDone: f.done, ended, peakRss: process.resourceUsage().maxRSS * 1024, cpu }));
  process.exit(0);
}

/** @param {string} flag @param {number} fallback */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
  return n;
}
const quick = process.argv.includes("--quick");
const factor = option("--factor", quick ? 0.25 : 1);
const write = !quick && !process.argv.includes("--no-write");
/** A default count scaled by --factor (at least 2 runs, so a rate has something to divide). */
const count = (/** @type {number} */ n) => Math.max(2, Math.round(n * factor));
const cores = availableParallelism();

const load = () => loadavg()[0].toFixed(2);
const mib = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (/** @type {boolean} */ ok) => (ok ? "met" : "MISSED");

/** Measures run in a fresh process: the pool, its start-up and its memory as a command has them (under the same V8 flags). */
function child(/** @type {{ scenario: string, runs: number, workers: number }} */ spec) {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...POOL_FLAGS, fileURLToPath(import.meta.url), "--child", JSON.stringify(spec)], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

/** Wall time of a command, from launching the process to its exit. */
function timeCommand(/** @type {string[]} */ args, /** @type {Record<string, string>} */ env) {
  const started = performance.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(root, "bin", "presidium.js"), ...args], { env: { ...process.env, ...env } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(performance.now() - started),
    ),
  );
}

/** @type {{ section: string, measure: string, figure: string, target: string }[]} */
const rows = [];
function report(/** @type {string} */ section, /** @type {string} */ measure, /** @type {string} */ figure, target = "") {
  rows.push({ section, measure, figure, target });
  console.log(`  ${measure}: ${figure}${target ? `  [${target}]` : ""}`);
}

const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cores} core${cores === 1 ? "" : "s"}, ${mib(totalmem())}, Node ${process.version}`;
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`Machine: ${machine}`);
console.log(`Load average at the start: ${loadAtStart}${loadavg()[0] > 0.5 ? " (the machine is busy: figures will be pessimistic)" : ""}`);

if (process.argv.includes("--memory")) {
  const runs = option("--memory", 100_000);
  console.log(`\n${runs.toLocaleString("en-US")} runs of october-1964 on ${cores} workers...`);
  loadScenarioFile(scenarioFile("october-1964"));
  const r = /** @type {any} */ (await child({ scenario: "october-1964", runs, workers: cores }));
  console.log(`  ${s(r.ended - r.started)}; peak memory (RSS, main thread and workers): ${mib(r.peakRss)} [target under 400 MiB for 100,000 runs: ${verdict(r.peakRss < 400 * 1024 ** 2)}]`);
  process.exit(0);
}

// ---- one thread, in process ----
const scenarios = [
  { id: "october-1964", runs: count(30), target10k: 5000 },
  { id: "june-1957", runs: count(30), target10k: 4000 },
  { id: "march-1953", runs: count(30), target10k: null },
  { id: "khrushchev-era", runs: count(6), target10k: 30_000 },
];
/** @type {Map<string, import("../dist/engine/index.js").Scenario>} */
const loaded = new Map(scenarios.map(({ id }) => [id, loadScenarioFile(scenarioFile(id)).scenario]));
const scenarioOf = (/** @type {string} */ id) => /** @type {import("../dist/engine/index.js").Scenario} */ (loaded.get(id));

/**
 * Plays `runs` runs after two untimed ones (the JIT's warm-up), timing them and counting what they
 * allocate: V8's heap in use grows by every allocation until a collection, so the allocation is the
 * growth between collections (before each, less after the previous one) plus the growth since the last.
 */
function inProcess(/** @type {import("../dist/engine/index.js").Scenario} */ scenario, /** @type {number} */ runs) {
  for (let i = 0; i < 2; i++) simulate(scenario, { seed: mixSeed(99, i) });
  const profiler = new GCProfiler();
  const usedAtStart = getHeapStatistics().used_heap_size;
  profiler.start();
  let weeks = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) weeks += simulate(scenario, { seed: mixSeed(BASE_SEED, i) }).week;
  const ms = performance.now() - started;
  const usedAtEnd = getHeapStatistics().used_heap_size;
  const gcs = profiler.stop()?.statistics ?? [];
  let allocated = 0;
  let after = usedAtStart;
  for (const gc of gcs) {
    allocated += gc.beforeGC.heapStatistics.usedHeapSize - after;
    after = gc.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += usedAtEnd - after;
  return { msPerRun: ms / runs, bytesPerRun: allocated / runs, weeksPerRun: weeks / runs };
}

console.log(`\nOne thread, in process (after 2 warm-up runs each), load ${load()}:`);
/** @type {Map<string, number>} */
const msPerRun = new Map();
for (const { id, runs } of scenarios) {
  const r = inProcess(scenarioOf(id), runs);
  msPerRun.set(id, r.msPerRun);
  const target = r.bytesPerRun <= 0.5 * 1024 ** 2;
  report("thread", `${id}, ${runs} runs`, `${r.msPerRun.toFixed(0)} ms a run = ${(1000 / r.msPerRun).toFixed(2)} runs/s per worker; ${kb(r.bytesPerRun)} allocated a run (load ${load()})`, `at most 0.5 MB a run: ${verdict(target)}`);
}

// ---- cost against the CC's size ----
/** The scenario with every composition row's seats multiplied (the named members stay). */
function scaled(/** @type {import("../dist/engine/index.js").Scenario} */ scenario, /** @type {number} */ by) {
  const copy = structuredClone(scenario);
  for (const row of copy.centralCommittee.composition) {
    row.voting *= by;
    row.candidates *= by;
  }
  return copy;
}
const scaleRuns = count(12);
console.log(`\nCost against the CC's size, october-1964, one thread, ${scaleRuns} runs a size, load ${load()}:`);
const oct = scenarioOf("october-1964");
const seats = (/** @type {import("../dist/engine/index.js").Scenario} */ sc) => sc.centralCommittee.composition.reduce((n, r) => n + r.voting + r.candidates, 0);
const principals = Object.keys(oct.characters).length;
/** @type {{ by: number, ms: number, members: number, weeks: number }[]} */
const sizes = [];
for (const by of [1, 2, 4]) {
  const sc = scaled(oct, by);
  const r = inProcess(sc, scaleRuns);
  sizes.push({ by, ms: r.msPerRun, members: seats(sc), weeks: r.weeksPerRun });
}
for (const { by, ms, members, weeks } of sizes) {
  const ratio = ms / sizes[0].ms;
  const perMemberWeek = (ms * 1e6) / (members * weeks);
  report(
    "cc",
    `CC x${by} (${members} seats)`,
    `${ms.toFixed(0)} ms a run${by === 1 ? "" : ` = ${ratio.toFixed(2)}x x1`}; ${perMemberWeek.toFixed(0)} ns per CC-member-week, ${((ms * 1e6) / (principals * weeks)).toFixed(0)} ns per principal-week (load ${load()})`,
    by === 4 ? `x4 costs at most 2x: ${verdict(ratio <= 2)}` : "",
  );
}

// ---- the worker pool, each measurement a fresh process ----
console.log(`\nWorker pool (a fresh process each; the scenario already in the cache), load ${load()}:`);
/** Runs per second after the first result: the steady rate, without the start-up. */
const steady = (/** @type {any} */ r, /** @type {number} */ runs) => ((runs - r.firstDone) * 1000) / (r.ended - r.first);
const oneRuns = count(100);
const one = /** @type {any} */ (await child({ scenario: "october-1964", runs: oneRuns, workers: 1 }));
const oneRate = steady(one, oneRuns);
/**
 * Where a run's CPU went in the steady state (after the first quarter): the workers' threads, V8's
 * helper threads (collector and compiler) and the main thread; the helpers run on a spare core
 * beside one worker, while two workers on two cores must make room for them.
 */
const cpuText = (/** @type {any} */ r) =>
  r.cpu === null ? "" : `; CPU a run: workers ${r.cpu.workers.toFixed(0)} ms, V8 helper threads ${r.cpu.helpers.toFixed(0)} ms, main thread ${r.cpu.main.toFixed(1)} ms`;
report("pool", `october-1964, 1 worker, ${oneRuns} runs`, `${oneRate.toFixed(2)} runs/s${cpuText(one)} (wall ${s(one.ended)}, load ${load()})`);
/** @type {Map<string, any>} */
const twoWorkers = new Map();
let peakRss = one.peakRss;
const poolRuns = { "october-1964": count(200), "june-1957": count(200), "march-1953": count(200), "khrushchev-era": count(40) };
for (const { id, target10k } of scenarios) {
  const runs = poolRuns[/** @type {keyof typeof poolRuns} */ (id)];
  const r = /** @type {any} */ (await child({ scenario: id, runs, workers: 2 }));
  twoWorkers.set(id, r);
  peakRss = Math.max(peakRss, r.peakRss);
  const rate = steady(r, runs);
  const tenThousand = r.first + (10_000 - r.firstDone) * (1000 / rate);
  report(
    "pool",
    `${id}, 2 workers, ${runs} runs`,
    `${rate.toFixed(2)} runs/s = ${(rate / 2).toFixed(2)} per worker${id === "october-1964" ? cpuText(r) : ""}; 10,000 runs would take ${s(tenThousand)} (wall ${s(r.ended)}, peak RSS ${mib(r.peakRss)}, load ${load()})`,
    target10k === null ? "" : `10,000 in at most ${s(target10k)}: ${verdict(tenThousand <= target10k)}`,
  );
  if (id === "october-1964") {
    const speedup = rate / oneRate;
    report("pool", "speed-up of 2 workers over 1 (october-1964, steady rates)", `${speedup.toFixed(2)}x${cores < 2 ? " (one core: no speed-up possible)" : ""}`, `at least 1.8x: ${verdict(speedup >= 1.8)}`);
  }
}
const octTwo = twoWorkers.get("october-1964");
const firstGame = msPerRun.get("october-1964") ?? 0;
report(
  "startup",
  "first result of the 2-worker october-1964 pool",
  `${s(octTwo.first - octTwo.started)} after the workers were started (scenario from the cache in ${(octTwo.loaded - octTwo.started).toFixed(0)} ms; one warm run costs ${firstGame.toFixed(0)} ms; the rest is starting the threads and a cold first game); modules loaded ${s(octTwo.started)} after the process started`,
  `within 0.3 s: ${verdict(octTwo.first - octTwo.started <= 300)}`,
);
report("pool", `peak memory (RSS) of the pool processes above`, `${mib(peakRss)} at most (load ${load()}); for 100,000 runs: npm run bench -- --memory 100000`, "under 400 MiB for 100,000 runs: not measured here");

// ---- the command, start to finish ----
console.log(`\npresidium montecarlo --scenario october-1964 --runs 1 --workers 1 --json, process start to exit, load ${load()}:`);
const cacheDir = mkdtempSync(join(tmpdir(), "presidium-bench-cache-"));
try {
  const args = ["montecarlo", "--scenario", "october-1964", "--runs", "1", "--workers", "1", "--json"];
  const uncached = /** @type {number} */ (await timeCommand(args, { PRESIDIUM_CACHE: "off" }));
  await timeCommand(args, { PRESIDIUM_CACHE_DIR: cacheDir });
  const cachedMs = /** @type {number} */ (await timeCommand(args, { PRESIDIUM_CACHE_DIR: cacheDir }));
  report("startup", "montecarlo --runs 1 --workers 1, process start to exit, without the scenario cache", `${s(uncached)} (load ${load()})`);
  report("startup", "the same, with the scenario cache (second call)", `${s(cachedMs)}: ${s(uncached - cachedMs)} saved; less one warm run, ${s(cachedMs - firstGame)} of start-up (load ${load()})`, `well under a second: ${verdict(cachedMs < 1000)}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const loadAtEnd = loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`\nLoad average at the end: ${loadAtEnd}`);

if (write) {
  const docs = join(root, "docs", "research.md");
  const START = "<!-- bench figures: written by npm run bench, replaced on each run -->";
  const END = "<!-- end of bench figures -->";
  const text = readFileSync(docs, "utf8");
  const [from, to] = [text.indexOf(START), text.indexOf(END)];
  if (from < 0 || to < from) throw new Error(`docs/research.md has no bench section (${START} ... ${END}) to replace`);
  const cell = (/** @type {string} */ t) => t.replaceAll("|", "\\|");
  const table = [
    "| measure | figure | target |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.figure)} | ${cell(r.target)} |`),
  ];
  const section = [
    START,
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}; load average ${loadAtStart} at the start and ${loadAtEnd} at the end${factor === 1 ? "" : ` (--factor ${factor})`}. The machine is shared: under load every figure is pessimistic, and the ratios (speed-up, CC size) hold better than the rates.`,
    "",
    ...table,
    "",
    END,
  ].join("\n");
  writeFileSync(docs, text.slice(0, from) + section + text.slice(to + END.length));
  console.log(`Figures written to docs/research.md.`);
}
