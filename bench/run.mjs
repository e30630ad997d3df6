// @ts-check
// `npm run bench`: how fast Monte Carlo runs of october-1964 go on this machine, and how the cost
// grows with the Central Committee. Uses the compiled code in dist/ (the script builds first) and
// the same worker pool as `presidium montecarlo`.
//
//   npm run bench                     the issue's figures (10,000 runs on all cores; about 3 minutes)
//   npm run bench -- --quick          a smaller, rougher pass
//   npm run bench -- --memory         100,000 runs on all cores, reporting the peak memory
//   npm run bench -- --runs N --single-runs N --scale-runs N
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { mixSeed, simulate } from "../dist/engine/index.js";
import { runExperiment } from "../dist/research/run/pool.js";
import { loadScenarioFile } from "../dist/scenarios/load.js";

const SCENARIO = fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url));
const BASE_SEED = 1;

/** @param {string} flag @param {number} fallback */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number`);
  return n;
}

const quick = process.argv.includes("--quick");
const memoryMode = process.argv.includes("--memory");
const runs = option("--runs", memoryMode ? 100_000 : quick ? 1000 : 10_000);
const singleRuns = option("--single-runs", quick ? 300 : 2000);
const scaleRuns = option("--scale-runs", quick ? 30 : 150);
const cores = availableParallelism();

/** @param {number} bytes */
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** @param {boolean} ok */
const verdict = (ok) => (ok ? "meets the target" : "MISSES the target");
const peakRss = () => process.resourceUsage().maxRSS * 1024;

console.log(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cores} core${cores === 1 ? "" : "s"} available, Node ${process.version}`);
console.log(`Load average before starting: ${loadavg().map((l) => l.toFixed(2)).join(" ")}${loadavg()[0] > 0.5 ? "  (the machine is busy: figures will be pessimistic)" : ""}`);

const { scenario } = loadScenarioFile(SCENARIO);
const variants = [{ label: "baseline", whatIfs: [], scenario }];

/** Runs on the worker pool; wall time includes starting the workers, as a user would see it. */
async function poolRun(/** @type {number} */ n, /** @type {number} */ workers) {
  const started = performance.now();
  const outcome = await runExperiment({ variants, runs: n, baseSeed: BASE_SEED, workers });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.totals.runs !== n) throw new Error(`only ${outcome.totals.runs} of ${n} runs finished`);
  return { seconds, perSecond: n / seconds };
}

if (memoryMode) {
  console.log(`\n${runs.toLocaleString("en-US")} runs on ${cores} workers...`);
  const r = await poolRun(runs, cores);
  console.log(`  ${r.seconds.toFixed(1)} s, ${r.perSecond.toFixed(0)} runs/s`);
  console.log(`  peak memory (RSS, main thread and workers): ${mib(peakRss())}: ${verdict(peakRss() < 1024 ** 3)} (< 1 GiB)`);
  process.exit(0);
}

// Cost per run in one thread, with the CC as written, doubled and quadrupled (every composition
// row's seats multiplied; the named members stay), on the same seeds.
/** @param {number} factor */
function scaledScenario(factor) {
  const copy = structuredClone(scenario);
  for (const row of copy.centralCommittee.composition) {
    row.voting *= factor;
    row.candidates *= factor;
  }
  return copy;
}

/** @param {number} factor */
function timeInProcess(factor) {
  const s = scaledScenario(factor);
  let principalWeeks = 0;
  let ccWeeks = 0;
  let ccSize = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < scaleRuns; i++) {
    const world = simulate(s, { seed: mixSeed(BASE_SEED, i) });
    const weeks = world.week;
    principalWeeks += world.order.length * weeks;
    ccWeeks += world.cc.length * weeks;
    ccSize = world.cc.length;
  }
  const ns = Number(process.hrtime.bigint() - started);
  return { factor, ccSize, msPerRun: ns / 1e6 / scaleRuns, nsPerCharacterWeek: ns / principalWeeks, nsPerCcWeek: ns / ccWeeks, principals: Object.keys(s.characters).length };
}

console.log(`\nOne thread, in process, ${scaleRuns} runs per size:`);
// Warm the JIT up on every size first, so the first size timed is not charged for compiling.
for (const factor of [1, 2, 4]) for (let i = 0; i < 10; i++) simulate(scaledScenario(factor), { seed: mixSeed(99, i) });
const sizes = [1, 2, 4].map(timeInProcess);
const base = sizes[0];
for (const s of sizes) {
  const ratio = s.msPerRun / base.msPerRun;
  const target = s.factor === 1 ? "" : `  (${ratio.toFixed(2)}x the time: ${verdict(ratio <= (s.factor === 2 ? 2.3 : 4.6))}, at most ${s.factor === 2 ? "2.3" : "4.6"}x)`;
  console.log(`  CC x${s.factor} (${s.ccSize} members): ${s.msPerRun.toFixed(2)} ms a run${target}`);
}
console.log(`  cost per character-week (${base.principals} principals x weeks): ${base.nsPerCharacterWeek.toFixed(0)} ns`);
console.log(`  cost per CC-member-week (${base.ccSize} members x weeks): ${base.nsPerCcWeek.toFixed(0)} ns`);

console.log(`\nWorker pool (wall time, including starting the workers):`);
const one = await poolRun(singleRuns, 1);
console.log(`  1 worker:  ${singleRuns.toLocaleString("en-US")} runs in ${one.seconds.toFixed(1)} s = ${one.perSecond.toFixed(1)} runs/s`);
const all = await poolRun(runs, cores);
console.log(`  ${cores} workers: ${runs.toLocaleString("en-US")} runs in ${all.seconds.toFixed(1)} s = ${all.perSecond.toFixed(1)} runs/s`);
const speedup = all.perSecond / one.perSecond;
console.log(`  speed-up: ${speedup.toFixed(2)}x${cores === 2 ? `: ${verdict(speedup >= 1.7)} (at least 1.7x)` : ""}`);
const tenThousand = 10_000 / all.perSecond;
console.log(`  10,000 runs on ${cores} workers: ${runs === 10_000 ? "" : "about "}${tenThousand.toFixed(1)} s: ${verdict(tenThousand <= 20)} (at most 20 s)`);
console.log(`  peak memory (RSS, main thread and workers): ${mib(peakRss())}; for 100,000 runs: npm run bench -- --memory`);
