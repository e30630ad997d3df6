// @ts-check
// Fingerprints of whole runs, to check that a change meant only to make the engine faster changes
// nothing it produces: for each scenario and seed, a hash of the full log of `simulate` and one of
// its summary and run record (what Monte Carlo keeps). Uses the compiled code in dist/ (or another
// build's dist given as the first argument); prints one line a run. bench/log-hashes.txt holds the
// fingerprints of main when the file was last made (its git history says when): a change to the model or a scenario changes them by design (make
// the file afresh then, before optimising).
//
//   npm run build && node bench/log-hashes.mjs > /tmp/after.txt && diff bench/log-hashes.txt /tmp/after.txt
//   node bench/log-hashes.mjs [DIST] [SCENARIO:SEEDS ...]
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.argv[2] ?? `${root}/dist`);
const runs = process.argv.length > 3 ? process.argv.slice(3) : ["october-1964:12", "june-1957:12", "march-1953:12", "khrushchev-era:2"];

const { simulate, summarize } = await import(pathToFileURL(`${dist}/engine/index.js`).href);
const { loadScenarioFile } = await import(pathToFileURL(`${dist}/scenarios/load.js`).href);
const { recordRun } = await import(pathToFileURL(`${dist}/research/run-record.js`).href);

/** @param {string} text */
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

for (const spec of runs) {
  const [name, seeds] = spec.split(":");
  const { scenario } = loadScenarioFile(`${root}/scenarios/${name}.yaml`);
  for (let seed = 1; seed <= Number(seeds); seed++) {
    const world = simulate(scenario, { seed });
    const summary = summarize(world);
    const record = recordRun(world, summary, seed, "base");
    console.log(`${name} ${seed} log=${hash(JSON.stringify(world.log))} summary=${hash(JSON.stringify(summary) + JSON.stringify(record))} entries=${world.log.length}`);
  }
}
