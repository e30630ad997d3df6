// @ts-check
// Fingerprints of whole runs, to check that a change meant only to make the engine faster changes
// nothing it produces: for each scenario and seed, a hash of the full log of `simulate` and one of
// its summary and run record (what Monte Carlo keeps). Uses the compiled code in dist/ (or another
// build's dist given as the first argument); prints one line a run. bench/log-hashes.txt holds the
// fingerprints of main when the file was last made (its git history says when): a change to the model or a scenario changes them by design (make
// the file afresh then, before optimising).
//
// A run written SCENARIO:SEEDS@CHARACTER is a game with that character as a human seat (several
// joined by +, each answering when asked: seats asked at once answer in turn), played the
// way a server plays it: `advance`, then `step` with each answer (a varied but fixed choice among the
// options offered), every world handed back and the world at its question (presentWorld) hashed, so
// a change to how the engine copies or keeps worlds between turns is checked too.
//
//   npm run build && node bench/log-hashes.mjs > /tmp/after.txt && diff bench/log-hashes.txt /tmp/after.txt
//   node bench/log-hashes.mjs [DIST] [SCENARIO:SEEDS[@CHARACTER[+CHARACTER]] ...]
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.argv[2] ?? `${root}/dist`);
const runs = process.argv.length > 3 ? process.argv.slice(3) : ["october-1964:12", "june-1957:12", "march-1953:12", "khrushchev-era:2", "october-1964:2@brezhnev", "june-1957:1@khrushchev", "october-1964:1@brezhnev+khrushchev"];

const { simulate, summarize, advance, createWorld, legalActions, presentWorld, step } = await import(pathToFileURL(`${dist}/engine/index.js`).href);
const { loadScenarioFile } = await import(pathToFileURL(`${dist}/scenarios/load.js`).href);
const { recordRun } = await import(pathToFileURL(`${dist}/research/run-record.js`).href);

/** @param {string} text */
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * A game with `seats` as its human seats, every answer by `step`: the final world, and a hash of
 * every world handed back and of the world at each question.
 * @param {unknown} scenario @param {number} seed @param {string[]} seats
 */
function played(scenario, seed, seats) {
  const turns = createHash("sha256");
  let world = advance(createWorld(scenario, { seed, humanSeats: seats }));
  for (let n = 0; !world.done; n++) {
    turns.update(JSON.stringify(world)).update(JSON.stringify(presentWorld(world)));
    const legal = legalActions(world, world.awaiting[0].seat);
    world = step(world, legal[((n * 7 + 13) % 11) % legal.length]);
  }
  turns.update(JSON.stringify(world));
  return { world, turns: ` turns=${turns.digest("hex").slice(0, 16)}` };
}

for (const spec of runs) {
  const [name, seeds, seat] = spec.split(/[:@]/);
  const { scenario } = loadScenarioFile(`${root}/scenarios/${name}.yaml`);
  for (let seed = 1; seed <= Number(seeds); seed++) {
    const { world, turns } = seat ? played(scenario, seed, seat.split("+")) : { world: simulate(scenario, { seed }), turns: "" };
    const summary = summarize(world);
    const record = recordRun(world, summary, seed, "base");
    console.log(`${name}${seat ? `@${seat}` : ""} ${seed} log=${hash(JSON.stringify(world.log))} summary=${hash(JSON.stringify(summary) + JSON.stringify(record))} entries=${world.log.length}${turns}`);
  }
}
