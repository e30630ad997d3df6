// Builds the starting world from a validated scenario: principals from the file, and every CC
// member as an individual agent generated from the composition table with the setup stream.
import type { Scenario } from "./scenario/schema.js";
import { traitNames } from "./scenario/schema.js";
import { initialRngState, Rng } from "./rng.js";
import type { CcMember, Id, Principal, Traits, World } from "./state.js";
import { leaderOf } from "./queries.js";

export interface WorldOptions {
  seed: number;
  whatIfs?: string[];
  humanSeats?: Id[];
}

export function createWorld(scenario: Scenario, options: WorldOptions): World {
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
      incapacitated: c.incapacitated?.value ?? false,
      presidium: c.presidium,
      secretary: c.secretary,
      posts: [...c.posts],
      patron: c.patron,
      traits,
      opinionOfLeader: c.opinionOfLeader.value,
      trust: { ...c.trust },
      grievances: c.grievances.map((g) => ({ against: g.against, cause: g.cause, weight: g.weight, date: g.date ?? scenario.start })),
      believesCcDecides: c.believesCcDecides?.value ?? scenario.globals.ccArbiter.value,
      clients: { ...c.clients },
      beliefs: [],
      suspicion: {},
      fate: null,
      rank,
    };
  });

  const posts: World["posts"] = {};
  for (const [id, p] of Object.entries(scenario.posts)) {
    posts[id] = { id, title: p.title, powers: [...p.powers], value: p.value, holders: ids.filter((c) => principals[c].posts.includes(id)) };
  }

  const world: World = {
    scenarioId: scenario.id,
    params: scenario.model,
    seed: options.seed,
    whatIfs: [...(options.whatIfs ?? [])],
    start: scenario.start,
    end: scenario.end,
    date: scenario.start,
    week: 0,
    globals: { fear: scenario.globals.fear.value, ccArbiter: scenario.globals.ccArbiter.value, prestige: scenario.globals.prestige.value },
    signals: [],
    principals,
    order: ids,
    posts,
    postOrder: Object.keys(posts),
    cc: [],
    policies: scenario.policies.map((p) => ({ ...p })),
    events: [...scenario.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    trips: [...scenario.trips].sort((a, b) => (a.from < b.from ? -1 : 1)),
    leaderLocation: null,
    cancelledTrips: [],
    firstLeader: "",
    plots: [],
    contests: [],
    rng: initialRngState(options.seed),
    log: [],
    humanSeats: [...(options.humanSeats ?? [])].sort(),
    pending: [],
    awaiting: null,
    done: false,
  };
  world.firstLeader = leaderOf(world);
  const rng = new Rng(world.rng);
  world.cc = generateCentralCommittee(scenario, world, rng);
  world.rng = rng.commit();
  return world;
}

function generateCentralCommittee(scenario: Scenario, world: World, rng: Rng): CcMember[] {
  const members: CcMember[] = [];
  const named = [...scenario.centralCommittee.named];
  for (const row of scenario.centralCommittee.composition) {
    const patronIds = world.order.filter((id) => (world.principals[id].clients[row.constituency] ?? 0) > 0);
    const patronWeights = patronIds.map((id) => world.principals[id].clients[row.constituency]);
    const noPatron = Math.max(0, 1 - patronWeights.reduce((a, b) => a + b, 0));
    for (const seat of ["voting", "candidate"] as const) {
      const count = seat === "voting" ? row.voting : row.candidates;
      const rowNamed = named.filter((n) => n.constituency === row.constituency && n.seat === seat);
      for (let i = 0; i < count; i++) {
        const n = rowNamed[i];
        const patronPick = rng.weighted("setup", [...patronWeights, noPatron]);
        const distancePick = rng.weighted("setup", [row.distance.near, row.distance.mid, row.distance.far]);
        const noise = rng.normal("setup") * world.params.setup.cc.leanNoise;
        members.push({
          id: n ? n.id : `${row.constituency}-${seat === "voting" ? "v" : "c"}${i + 1}`,
          name: n ? n.name : null,
          seat,
          row: row.constituency,
          mix: { ...row.mix },
          region: n ? n.region : row.label,
          distance: n ? n.distance : (["near", "mid", "far"] as const)[distancePick],
          patron: n ? n.patron : patronPick < patronIds.length ? patronIds[patronPick] : null,
          baseLean: clamp((n?.lean ?? row.lean.value) + noise, -1, 1),
          whippedBy: null,
        });
      }
    }
  }
  return members;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
