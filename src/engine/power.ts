// Power and primacy (MODEL.md section 2): a principal's power comes from his posts and their powers,
// his seat, his clients in the job slots and the Central Committee, and his prestige. Whoever has
// the most, by a clear margin over the incumbent, holds primacy: "the leader" of the rules. It can
// pass without a contest (as it did from Malenkov to Khrushchev in 1953-55).
import type { RuleSink } from "./ai/choice.js";
import { nameOf, record } from "./log.js";
import { canAct, inPlay } from "./queries.js";
import { CadreReading } from "./cadre-standing.js";
import type { Cadre, Id, World } from "./state.js";

export type ClientShares = ReadonlyMap<Id, Readonly<{ slots: number; cc: number }>>;

/**
 * For every patron at once: his share of the filled job slots' holders and of the voting CC. Read
 * with every reading of power and every week's trends: taken afresh only when a cadre has moved.
 */
export function clientShares(world: World): ClientShares {
  return clientSharesReading.of(world.cadres);
}

const clientSharesReading = new CadreReading(readClientShares);

function readClientShares(cadres: readonly Cadre[]): ClientShares {
  const out = new Map<Id, { slots: number; cc: number }>();
  const entry = (id: Id) => {
    let e = out.get(id);
    if (!e) {
      e = { slots: 0, cc: 0 };
      out.set(id, e);
    }
    return e;
  };
  let held = 0;
  let voting = 0;
  for (const c of cadres) {
    if (c.slot !== null) {
      held++;
      if (c.patron !== null) entry(c.patron).slots++;
    }
    if (c.seat === "voting") {
      voting++;
      if (c.patron !== null) entry(c.patron).cc++;
    }
  }
  for (const e of out.values()) {
    e.slots = held ? e.slots / held : 0;
    e.cc = voting ? e.cc / voting : 0;
  }
  return out;
}

const cadreIndex = new WeakMap<World["cadres"], Map<Id, World["cadres"][number]>>();

export function cadreById(world: World, id: Id): World["cadres"][number] | undefined {
  let index = cadreIndex.get(world.cadres);
  if (!index || index.size !== world.cadres.length) {
    index = new Map(world.cadres.map((c) => [c.id, c]));
    cadreIndex.set(world.cadres, index);
  }
  return index.get(id);
}

/** The terms of a principal's power, fed to a sink (the log's reasons, or just their sum). */
export function powerTerms(world: World, id: Id, add: RuleSink, shares: ClientShares = clientShares(world)): void {
  const k = world.params.power.weights;
  const p = world.principals[id];
  if (!inPlay(p)) return;
  let posts = 0;
  let bonus = 0;
  for (const postId of [...p.posts, ...p.acting]) {
    const post = world.posts[postId];
    posts += post.value;
    for (const power of post.powers) {
      if (power === "firstSecretary") bonus += k.firstSecretary;
      else if (power === "chairsPresidium") bonus += k.chairsPresidium;
      else if (power === "government") bonus += k.government;
      else if (power === "security" || power === "army") bonus += k.organs;
      else if (power === "cadres") bonus += k.cadres;
    }
  }
  add("posts held", k.posts * posts);
  add("powers of the posts", bonus);
  add("seat in the leadership", p.presidium === "full" ? k.fullMember : p.presidium === "candidate" ? k.candidate : p.secretary ? k.secretary : 0);
  const mine = shares.get(id) ?? { slots: 0, cc: 0 };
  add("clients in the job slots", k.slotClients * mine.slots);
  add("clients in the Central Committee", k.ccClients * mine.cc);
  add("prestige", k.prestige * (p.prestige - 0.5));
  if (p.incapacitatedSince !== null) add("out of action", -k.incapacitated);
}

export function powerOf(world: World, id: Id, shares?: ClientShares): number {
  let x = 0;
  powerTerms(world, id, (_n, v) => {
    x += v;
  }, shares);
  return x;
}

/**
 * Takes the week's reading of everyone's power (kept in the world: the rules read this snapshot, so
 * a reading is the same however the world was copied). Taken at the start of each week and after
 * anything that moves power a lot: a contest, an appointment, a promotion.
 */
export function refreshPower(world: World): void {
  const power: Record<Id, number> = {};
  const shares = clientShares(world);
  let total = 0;
  for (const id of world.order) {
    if (!inPlay(world.principals[id])) continue;
    power[id] = Math.max(0, powerOf(world, id, shares));
    total += power[id];
  }
  world.power = power;
  world.powerTotal = total;
}

/** His share of the power of everyone in play (0..1), as of the last reading. */
export function powerShare(world: World, id: Id): number {
  return world.powerTotal > 0 ? (world.power[id] ?? 0) / world.powerTotal : 0;
}

/**
 * How far he stands above everyone else (0..1): 0 when someone is as powerful as he, near 1 for a
 * Stalin. A first among equals cannot do what a dictator can.
 */
export function dominance(world: World, id: Id): number {
  const own = world.power[id] ?? 0;
  let rival = 0;
  for (const other of world.order) if (other !== id && (world.power[other] ?? 0) > rival) rival = world.power[other];
  return own > 0 ? Math.max(0, 1 - rival / own) : 0;
}

/**
 * Recomputes primacy: the incumbent keeps it unless he can no longer act or someone's power exceeds
 * his by the margin; with no incumbent, the most powerful man able to act takes it.
 */
export function updatePrimacy(world: World): void {
  const k = world.params.power.primacy;
  refreshPower(world);
  let best: Id | null = null;
  let bestPower = -Infinity;
  for (const id of world.order) {
    const p = world.principals[id];
    if (!canAct(p)) continue;
    const v = world.power[id];
    if (v > bestPower) {
      best = id;
      bestPower = v;
    }
  }
  const incumbent = world.primacy;
  const keeps = incumbent !== null && canAct(world.principals[incumbent]) && (best === incumbent || world.power[incumbent] + k.margin >= bestPower);
  const next = keeps ? incumbent : best;
  if (next === incumbent) return;
  world.primacy = next;
  world.primacySince = world.date;
  world.primacyHistory.push({ who: next, from: world.date });
  if (next !== null) {
    record(world, {
      type: "primacy",
      audience: "public",
      actor: next,
      text: incumbent === null ? `${nameOf(world, next)} is now first among the leadership.` : `${nameOf(world, next)} has overtaken ${nameOf(world, incumbent)} as the first man of the leadership.`,
      data: { from: incumbent, to: next },
    });
  }
}
