// Phase 1 and 2 of a week: scheduled events, the leader's trips, ageing and health. Events change
// globals, grievances, posts and locations; they never decide a contest.
import type { DecisionContext } from "../ai/choice.js";
import { addDays, WEEK_DAYS } from "../calendar.js";
import { nameOf, record } from "../log.js";
import { ageOf, canAct, clamp, holdersOf, leaderOf, leaveAllPosts, leavePost, plannedTrips, presidiumVoters, takePost } from "../queries.js";
import type { Id, World } from "../state.js";
import { claimants, fillPost } from "./fates.js";

export function scheduledEvents(ctx: DecisionContext): void {
  const world = ctx.world;
  const weekEnd = addDays(world.date, WEEK_DAYS);
  for (const ev of world.events) {
    if (ev.date < world.date || ev.date >= weekEnd) continue;
    if (ev.onlyWhileLeader && leaderIdOrNull(world) !== ev.onlyWhileLeader) continue;
    const fx = ev.effects;
    if (fx.prestige) world.globals.prestige = clamp(world.globals.prestige + fx.prestige);
    if (fx.fear) world.globals.fear = clamp(world.globals.fear + fx.fear);
    if (fx.signal) {
      const k = world.params.events.signal;
      world.signals.push({ kind: fx.signal.kind, severity: fx.signal.severity, date: ev.date });
      world.globals.prestige = clamp(world.globals.prestige - k.prestige * fx.signal.severity);
      for (const id of world.order) {
        const p = world.principals[id];
        if (id !== leaderIdOrNull(world)) p.opinionOfLeader = clamp(p.opinionOfLeader - k.opinion * fx.signal.severity * (1 - k.loyaltyShield * p.traits.loyalty), -1, 1);
      }
    }
    if (fx.enact) enact(world, fx.enact, ev.date, true);
    if (fx.repeal) enact(world, fx.repeal, ev.date, false);
    for (const g of fx.grievances) {
      const p = world.principals[g.who];
      const against = leaderIdOrNull(world);
      if (p && against && g.who !== against) {
        p.grievances.push({ against, cause: g.cause, weight: g.weight, date: ev.date });
        p.opinionOfLeader = clamp(p.opinionOfLeader - world.params.events.grievance.opinion * g.weight, -1, 1);
      }
    }
    // Removals first, so a post can change hands within one event. Posts may be shared (several CC
    // secretaries); the data names whoever leaves one.
    for (const change of fx.postChanges) {
      const p = world.principals[change.who];
      if (!p || !p.alive || p.fate) continue;
      for (const post of change.remove) leavePost(world, p.id, post);
    }
    for (const change of fx.postChanges) {
      const p = world.principals[change.who];
      if (!p || !p.alive || p.fate) continue;
      for (const post of change.add) {
        if (world.posts[post].powers.includes("leader")) continue; // the leadership changes hands only through the rules
        takePost(world, p.id, post);
      }
    }
    if (fx.death) die(ctx, fx.death, "dies");
    record(world, { type: "event", audience: "public", text: ev.title, data: { event: ev.id, note: ev.note } });
  }
}

function leaderIdOrNull(world: World): Id | null {
  const h = holdersOf(world, "leader");
  return h.length === 1 ? h[0] : null;
}

function enact(world: World, policyId: Id, date: string, inForce: boolean): void {
  const existing = world.policies.find((p) => p.id === policyId);
  if (!existing || existing.inForce === inForce) return;
  // A new list, not an edit in place: cached leans are keyed on the list.
  const policy = { ...existing, inForce };
  world.policies = world.policies.map((p) => (p.id === policyId ? policy : p));
  if (!inForce) return;
  const leader = leaderIdOrNull(world);
  if (!leader) return;
  for (const [who, weight] of Object.entries(policy.aggrieves)) {
    const p = world.principals[who];
    if (!p || who === leader) continue;
    p.grievances.push({ against: leader, cause: policy.name, weight, date });
    p.opinionOfLeader = clamp(p.opinionOfLeader - world.params.events.grievance.opinion * weight, -1, 1);
  }
}

/** The leader's planned trips: where he is this week. */
export function leaderWhereabouts(ctx: DecisionContext): void {
  const world = ctx.world;
  const leader = leaderOf(world);
  const planned = plannedTrips(world, leader);
  const weekEnd = addDays(world.date, WEEK_DAYS);
  const trip = planned.find((t) => t.from <= world.date && world.date <= t.to) ?? planned.find((t) => world.date < t.from && t.from < weekEnd);
  const wasAway = world.leaderLocation;
  if (trip && (!wasAway || wasAway.tripId !== trip.id)) {
    world.leaderLocation = { place: trip.place, tripId: trip.id, returnDays: trip.returnDays };
    record(world, { type: "trip", audience: "public", actor: leader, text: `${nameOf(world, leader)} leaves Moscow for ${trip.place}.`, data: { trip: trip.id } });
  } else if (!trip && wasAway) {
    world.leaderLocation = null;
    record(world, { type: "trip", audience: "public", actor: leader, text: `${nameOf(world, leader)} is back in Moscow.` });
  }
}

/** Illness and death hazards rise with age; an incapacitated principal cannot act or vote. */
export function healthPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.health.hazard;
  for (const id of world.order) {
    const p = world.principals[id];
    if (!p.alive || p.fate) continue;
    const age = ageOf(world, p);
    const frailty = (k.frailtyBase - p.health) * Math.exp((age - k.agePivot) / k.ageScale);
    if (ctx.rng.chance("health", k.death * frailty)) {
      die(ctx, id, "dies");
    } else if (!p.incapacitated && ctx.rng.chance("health", k.stroke * frailty)) {
      p.incapacitated = true;
      record(world, { type: "illness", audience: "public", actor: id, text: `${nameOf(world, id)} suffers a stroke and can no longer take part in the leadership's work.` });
    }
  }
}

function die(ctx: DecisionContext, id: Id, _how: string): void {
  const world = ctx.world;
  const p = world.principals[id];
  if (!p.alive) return;
  const wasLeader = holdersOf(world, "leader").includes(id);
  const posts = [...p.posts];
  leaveAllPosts(world, id);
  p.alive = false;
  record(world, { type: "death", audience: "public", actor: id, text: `${nameOf(world, id)} dies.` });
  if (wasLeader) {
    const successor = claimants(world, presidiumVoters(world))[0];
    for (const post of posts) if (world.posts[post].powers.includes("leader")) fillPost(world, post, [successor]);
    record(world, { type: "succession", audience: "public", actor: successor, text: `${nameOf(world, successor)} is elected First Secretary.` });
  }
  const leader = leaderOf(world);
  for (const post of posts) {
    if (world.posts[post].holders.length) continue;
    const loyal = world.order.filter((c) => c !== leader && canAct(world.principals[c]) && world.principals[c].patron === leader);
    fillPost(world, post, claimants(world, loyal));
  }
}
