// Phase 1 of a week: events that no one in the model decides. Dated ones (a harvest, a foreign
// crisis) and chance ones whose odds follow the state (unrest is likelier after de-Stalinisation,
// riots after price rises). They move prestige, fear, grievances and signals; they never decide a
// contest. Each is logged on its own date.
import type { DecisionContext } from "../ai/choice.js";
import { addDays, WEEK_DAYS } from "../calendar.js";
import { nameOf, record } from "../log.js";
import { clamp, inPlay } from "../queries.js";
import type { Id, World } from "../state.js";
import type { EventData } from "../scenario/schema.js";
import { shiftFear } from "./learning.js";

export function eventsPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const weekEnd = addDays(world.date, WEEK_DAYS);
  for (const ev of world.events) {
    if (ev.onlyWhileFirst !== undefined && world.primacy !== ev.onlyWhileFirst) continue;
    if (ev.date !== undefined) {
      if (ev.date >= world.date && ev.date < weekEnd) happen(world, ev, ev.date);
      continue;
    }
    const c = ev.chance;
    if (!c || (c.once && world.eventsDone.includes(ev.id))) continue;
    if ((c.from !== undefined && world.date < c.from) || (c.until !== undefined && world.date > c.until)) continue;
    if (!c.requires.every((p) => world.policies.some((x) => x.id === p && x.inForce))) continue;
    if (c.unless.some((x) => world.eventsDone.includes(x))) continue;
    let chance = c.weekly;
    for (const p of world.policies) if (p.inForce && p.risks[ev.id] !== undefined) chance *= p.risks[ev.id];
    if (ctx.rng.chance("events", clamp(chance))) happen(world, ev, world.date);
  }
}

function happen(world: World, ev: EventData, date: string): void {
  const k = world.params.events.effects;
  const fx = ev.effects;
  world.eventsDone.push(ev.id);
  const first = world.primacy;
  const blamed = new Set<Id>();
  if (first !== null && fx.prestige !== undefined) blamed.add(first);
  for (const p of world.policies) if (fx.blame.includes(p.id) && p.champion !== undefined && p.inForce) blamed.add(p.champion);
  for (const id of blamed) {
    const p = world.principals[id];
    if (inPlay(p)) p.prestige = clamp(p.prestige + (fx.prestige ?? 0));
  }
  if (fx.fear !== undefined) shiftFear(world, fx.fear);
  if (fx.signal) {
    world.signals.push({ kind: fx.signal.kind, severity: fx.signal.severity, date });
    // A public failure costs the first man (and those blamed) his colleagues' good opinion.
    for (const id of world.order) {
      const p = world.principals[id];
      if (!inPlay(p)) continue;
      for (const b of blamed) if (b !== id) p.regard[b] = clamp((p.regard[b] ?? 0) - k.opinion * fx.signal.severity * (1 - k.loyaltyShield * p.traits.loyalty), -1, 1);
    }
  }
  for (const g of fx.grievances) {
    const p = world.principals[g.who];
    const against = g.against ?? first;
    if (!p || !inPlay(p) || against === null || g.who === against) continue;
    p.grievances.push({ against, cause: g.cause, weight: g.weight, date });
    p.regard[against] = clamp((p.regard[against] ?? 0) - k.grievanceOpinion * g.weight, -1, 1);
  }
  if (world.outsidePatron) for (const [who, by] of Object.entries(fx.stance)) world.outsidePatron.stance[who] = clamp((world.outsidePatron.stance[who] ?? 0) + by, -1, 1);
  record(world, { type: "event", audience: "public", text: ev.title, data: { event: ev.id, note: ev.note, blamed: [...blamed].map((b) => nameOf(world, b)) } }, date);
}
