// `npm run measure:saves`: how long saving and loading a game take, through the built server's HTTP
// API with a real saves file. Plays the campaign (khrushchev-era) as one character, a turn at a time
// (the first option offered, never "let quiet weeks pass"), and at each of several points saves the
// game, loads the save and reads the loaded game back, timing each request. Issue 12's target: a
// save and a load each under a second. A load replays the save from the checkpoint kept with it
// (src/server/checkpoints.ts), the decisions after it only.
//   node scripts/measure-saves.mjs [--character ID] [--seed N] [--turns N[,N...]] [--json]
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBuiltServer } from "./built-server.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { character: { type: "string", default: "mikoyan" }, seed: { type: "string", default: "4" }, turns: { type: "string", default: "100,250,420,700" }, json: { type: "boolean", default: false } },
});
const points = values.turns.split(",").map(Number);
if (points.some((n) => !Number.isInteger(n) || n < 1) || !/^\d+$/.test(values.seed)) {
  console.error(`--turns: expected turn counts such as 100,250,420 (got "${values.turns}"); --seed: a whole number (got "${values.seed}")`);
  process.exit(2);
}
if (!existsSync(join(root, "dist/server/main.js"))) {
  console.error("dist/server/main.js is missing: run `npm run build` first");
  process.exit(1);
}
const TARGET_MS = 1000;

const dir = mkdtempSync(join(tmpdir(), "presidium-measure-saves-"));
const loadBefore = loadavg()[0];
/** One row per point: where the game stood, and each request's time. */
const rows = [];
/** @type {import("node:child_process").ChildProcess | undefined} */
let server;
try {
  const started = await startBuiltServer(join(dir, "saves.sqlite"));
  server = started.child;
  const url = started.url;
  /** A request, its answer as JSON and how long it took (sent to read). */
  const request = async (method, path, body, token) => {
    const started = performance.now();
    const response = await fetch(url + path, { method, headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { "x-seat-token": token } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return { json: JSON.parse(text), ms, kb: text.length / 1024 };
  };
  const seat = values.character;
  const created = await request("POST", "/api/games", { scenario: "khrushchev-era", character: seat, seed: Number(values.seed) });
  const gameId = created.json.gameId;
  const token = created.json.tokens[seat];
  let state = created.json.state;
  let turns = 0;
  for (const point of points) {
    while (turns < point && !state.outcome) {
      const asked = state.view.awaiting;
      const option = asked.options.find((o) => o.choice !== "skip") ?? asked.options[0];
      const decision = { seat, kind: asked.kind, key: asked.key, choice: option.choice, ...(option.target !== undefined ? { target: option.target } : {}), ...(option.detail !== undefined ? { detail: option.detail } : {}), turn: state.game.decisions };
      state = (await request("POST", `/api/games/${gameId}/actions?since=${state.view.logLength}`, decision, token)).json;
      turns++;
    }
    const save = await request("POST", `/api/games/${gameId}/saves`, { name: `after ${turns} turns` }, token);
    const load = await request("POST", `/api/saves/${save.json.id}/load`, {});
    const reread = await request("GET", `/api/games/${load.json.gameId}`, undefined, load.json.tokens[seat]);
    rows.push({ turns, date: state.view.date, done: Boolean(state.outcome), saveMs: Math.round(save.ms), loadMs: Math.round(load.ms), loadKB: Math.round(load.kb), rereadMs: Math.round(reread.ms) });
    if (state.outcome) break;
  }
} finally {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version, load: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100) };
if (values.json) console.log(JSON.stringify({ character: values.character, seed: Number(values.seed), rows, machine }, null, 2));
else {
  console.log(`Saving and loading khrushchev-era played as ${values.character} (seed ${values.seed}), through the server's API (target: each under ${TARGET_MS} ms):`);
  for (const r of rows) console.log(`  after ${r.turns} turns (${r.date}${r.done ? ", the game over" : ""}): save ${r.saveMs} ms, load ${r.loadMs} ms (answer ${r.loadKB} KB), the loaded game read back ${r.rereadMs} ms`);
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; load ${machine.load.join(" before, ")} after (one minute)`);
}
process.exitCode = rows.every((r) => r.saveMs < TARGET_MS && r.loadMs < TARGET_MS) ? 0 : 1;
