// Builds the starting world from a validated scenario: the principals from the file, and the job
// slots of the Central Committee's composition table, each held by a cadre (named where history
// names him, the rest generated with the setup stream) who sits in the CC elected at the last congress.
import type { Scenario } from "./scenario/schema.js";
import { traitNames } from "./scenario/names.js";
import { initialRngState, Rng } from "./rng.js";
import type { Cadre, Id, Principal, Row, Slot, Traits, World } from "./state.js";
import { clientShares, updatePrimacy } from "./power.js";
import { clamp, fullSeats } from "./queries.js";
import { tie } from "./relations.js";
import { record } from "./log.js";
import { startingClimate } from "./rules/learning.js";

export interface WorldOptions {
  seed: number;
  whatIfs?: string[];
  humanSeats?: Id[];
}

export function createWorld(scenario: Scenario, options: WorldOptions): World {
  const k = scenario.model.setup.world;
  const ids = Object.keys(scenario.characters);
  const principals: Record<Id, Principal> = {};
  ids.forEach((id, rank) => {
    const c = scenario.characters[id];
    const traits = {} as Traits;
    for (const t of traitNames) traits[t] = c.traits[t].value;
    principals[id] = {
      id,
      name: c.name,
      nameRu: c.nameRu,
      born: c.born,
      health: c.health.value,
      alive: true,
      incapacitatedSince: c.incapacitated?.value ? scenario.start : null,
      presidium: c.presidium,
      secretary: c.secretary,
      outside: c.startsOutside,
      posts: [...c.posts],
      acting: [],
      patron: c.patron,
      traits,
      regard: Object.fromEntries(Object.entries(c.opinions).map(([q, o]) => [q, o.value])),
      trust: { ...c.trust },
      grievances: c.grievances.map((g) => ({ against: g.against, cause: g.cause, weight: g.weight, date: g.date ?? scenario.start })),
      believesCcDecides: c.believesCcDecides?.value ?? scenario.globals.ccArbiter.value,
      prestige: c.prestige?.value ?? k.defaultPrestige,
      kompromat: Object.fromEntries(Object.entries(c.kompromat).map(([q, o]) => [q, o.value])),
      record: c.record?.value ?? 0,
      travel: c.travel?.value ?? k.defaultTravel,
      beliefs: [],
      suspicion: {},
      location: null,
      fate: null,
      rank,
      ...(c.gender === "female" ? { gender: "female" as const } : {}),
    };
  });

  const posts: World["posts"] = {};
  for (const [id, p] of Object.entries(scenario.posts)) {
    posts[id] = { id, title: p.title, powers: [...p.powers], value: p.value, holders: ids.filter((c) => principals[c].posts.includes(id)), ...(p.deputyOf !== undefined ? { deputyOf: p.deputyOf } : {}) };
  }
  const rows: Row[] = scenario.centralCommittee.composition.map((r) => ({
    id: r.constituency,
    label: r.label,
    ...(r.one !== undefined ? { one: r.one } : {}),
    mix: { ...r.mix },
    distance: { ...r.distance },
    appointedBy: r.appointedBy,
    senior: r.senior,
  }));
  const mood: World["mood"] = {};
  for (const c of Object.keys(scenario.constituencies)) mood[c] = {};

  const world: World = {
    scenarioId: scenario.id,
    params: scenario.model,
    seed: options.seed,
    whatIfs: [...(options.whatIfs ?? [])],
    start: scenario.start,
    end: scenario.end,
    date: scenario.start,
    week: 0,
    globals: { fear: scenario.globals.fear.value, ccArbiter: scenario.globals.ccArbiter.value, climate: 0 },
    signals: [],
    principals,
    order: ids,
    posts,
    postOrder: Object.keys(posts),
    rows,
    mood,
    cadres: [],
    slots: [],
    ccElected: scenario.centralCommittee.elected,
    congresses: [...scenario.congresses].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    chapters: [...scenario.chapters].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    policies: scenario.policies.map((p) => ({ ...p, supporters: [], opponents: [], adoptedOn: p.inForce ? scenario.start : null, inForceAtStart: p.inForce })),
    events: [...scenario.events],
    eventsDone: [],
    trips: [...scenario.trips],
    tripsDone: [],
    outsidePatron: scenario.outsidePatron
      ? { name: scenario.outsidePatron.name, weight: scenario.outsidePatron.weight.value, stance: Object.fromEntries(Object.entries(scenario.outsidePatron.stance).map(([q, s]) => [q, s.value])) }
      : null,
    surnames: scenario.centralCommittee.surnames,
    power: {},
    powerTotal: 0,
    claims: { base: {}, ranking: {} },
    primacy: null,
    primacySince: scenario.start,
    primacyHistory: [],
    moves: [],
    crisis: null,
    contests: [],
    promises: [],
    memory: { proposals: {}, demands: {}, shakeUps: [], reports: [], confronted: [], cameClean: [], normBites: null },
    weekly: { targets: {}, courtTargets: {}, appointTargets: {}, seatsByRow: {}, epoch: "" },
    spent: {},
    rng: initialRngState(options.seed),
    log: [],
    humanSeats: [...(options.humanSeats ?? [])].sort(),
    pending: [],
    awaiting: [],
    skipping: [],
    origin: { posts: {}, seats: {}, ties: {}, clients: {}, fear: scenario.globals.fear.value, ill: {}, lines: {} },
    trace: { fullSeats: [], beliefs: [], congresses: [], fear: [], leaderShare: [] },
    done: false,
  };
  const rng = new Rng(world.rng);
  const leans = generateCentralCommittee(scenario, world, rng);
  world.rng = rng.commit();
  updatePrimacy(world);
  world.globals.climate = startingClimate(world);
  // The composition table's leans are each row's regard for the man who is first at the start (and
  // each member's own lean is his, around it); the policies in force are remembered for their champions.
  const first = world.primacy;
  if (first !== null) {
    for (const r of scenario.centralCommittee.composition) world.mood[r.constituency][first] = r.lean.value;
    leans.forEach((lean, i) => {
      if (lean !== 0) world.cadres[i].debts[first] = lean;
    });
  }
  for (const p of world.policies) {
    if (!p.inForce || p.champion === undefined) continue;
    for (const [c, effect] of Object.entries(p.effects)) world.mood[c][p.champion] = clamp((world.mood[c][p.champion] ?? 0) + effect, -1, 1);
  }
  if (first === null) record(world, { type: "primacy", audience: "public", text: "Nobody stands clearly first in the leadership." });
  for (const id of ids) {
    const p = principals[id];
    world.origin.posts[id] = [...p.posts];
    world.origin.seats[id] = p.presidium !== "none" ? p.presidium : p.secretary ? "secretary" : "none";
    world.origin.ties[id] = Object.fromEntries(ids.filter((q) => q !== id).map((q) => [q, tie(world, p, q)]));
    if (p.incapacitatedSince !== null) world.origin.ill[id] = p.incapacitatedSince;
    world.origin.lines[id] = p.traits.ideology;
  }
  for (const [id, s] of clientShares(world)) world.origin.clients[id] = s.cc;
  world.trace.fullSeats.push({ date: world.date, count: fullSeats(world).length });
  return world;
}

/** Fills the slots with cadres; returns each cadre's personal lean toward the first man, by index. */
function generateCentralCommittee(scenario: Scenario, world: World, rng: Rng): number[] {
  const k = scenario.model.setup.world;
  const leans: number[] = [];
  const named = [...scenario.centralCommittee.named];
  const first = world.order;
  for (const row of scenario.centralCommittee.composition) {
    const patronIds = first.filter((id) => (scenario.characters[id].clients[row.constituency] ?? 0) > 0);
    const patronWeights = patronIds.map((id) => scenario.characters[id].clients[row.constituency]);
    const noPatron = Math.max(0, 1 - patronWeights.reduce((a, b) => a + b, 0));
    for (const seat of ["voting", "candidate"] as const) {
      const count = seat === "voting" ? row.voting : row.candidates;
      const rowNamed = named.filter((n) => n.constituency === row.constituency && n.seat === seat);
      for (let i = 0; i < count; i++) {
        const n = rowNamed[i];
        const patronPick = rng.weighted("setup", [...patronWeights, noPatron]);
        const distancePick = rng.weighted("setup", [row.distance.near, row.distance.mid, row.distance.far]);
        const noise = rng.normal("setup") * k.leanNoise;
        const slot: Slot = { id: `${row.constituency}-${seat === "voting" ? "v" : "c"}${i + 1}`, row: row.constituency, seat, holder: null };
        const cadre: Cadre = {
          id: n ? n.id : `${slot.id}-0`,
          name: n ? n.name : null,
          seat,
          slot: slot.id,
          row: row.constituency,
          region: n ? n.region : row.label,
          distance: n ? n.distance : (["near", "mid", "far"] as const)[distancePick],
          patron: n ? n.patron : patronPick < patronIds.length ? patronIds[patronPick] : null,
          debts: {},
          pledge: null,
          refused: {},
        };
        slot.holder = cadre.id;
        world.slots.push(slot);
        world.cadres.push(cadre);
        leans.push(clamp(n?.lean !== undefined ? n.lean - row.lean.value : noise, -1, 1));
      }
    }
  }
  for (const r of scenario.reserve) {
    world.cadres.push({ id: r.id, name: r.name, seat: null, slot: null, row: r.constituency, region: r.region, distance: r.distance, patron: r.patron, debts: {}, pledge: null, refused: {} });
    leans.push(0);
  }
  return leans;
}
