// Phase 2 of a week: ageing and health. Illness and death hazards rise with age; a man long ill has
// his duties taken over by an acting replacement, and may be retired "for reasons of age and health"
// by a vote (a road of its own, see governing.ts). A death leaves vacancies and never a crash.
import type { DecisionContext } from "../ai/choice.js";
import { nameOf, pronoun, record } from "../log.js";
import { refreshPower, updatePrimacy } from "../power.js";
import { ageOf, canAct, hasPower, inPlay, leaveAllPosts, officesChanged } from "../queries.js";
import type { Id, World } from "../state.js";
import { daysBetween, WEEK_DAYS } from "../calendar.js";
import { claimScore } from "./succession.js";

export function healthPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.health.hazard;
  for (const id of world.order) {
    const p = world.principals[id];
    if (!p.alive || p.fate) continue;
    const age = ageOf(world, p);
    const frailty = (k.frailtyBase - p.health) * Math.exp((age - k.agePivot) / k.ageScale);
    if (ctx.rng.chance("health", k.death * frailty)) {
      die(ctx, id);
    } else if (p.incapacitatedSince === null && ctx.rng.chance("health", k.stroke * frailty)) {
      p.incapacitatedSince = world.date;
      p.location = null;
      record(world, { type: "illness", audience: "public", actor: id, text: `${nameOf(world, id)} suffers a stroke and cannot work.` });
    }
  }
  appointActing(world);
}

export function die(ctx: DecisionContext, id: Id): void {
  const world = ctx.world;
  const p = world.principals[id];
  if (!p.alive) return;
  const posts = leaveAllPosts(world, id);
  p.alive = false;
  p.presidium = "none";
  p.secretary = false;
  for (const c of world.cadres) if (c.patron === id) c.patron = null;
  record(world, { type: "death", audience: "public", actor: id, text: `${nameOf(world, id)} dies${posts.length ? `, leaving the post${posts.length > 1 ? "s" : ""} of ${posts.map((x) => world.posts[x].title).join(" and ")} vacant` : ""}.`, data: { posts } });
  refreshPower(world);
  updatePrimacy(world);
}

/**
 * A man out of action for some weeks has his duties done by an acting replacement: for each of his
 * posts that carries powers, the colleague with the strongest claim to it (who is not ill himself).
 */
function appointActing(world: World): void {
  const k = world.params.health.acting;
  let changed = false;
  for (const id of world.order) {
    const p = world.principals[id];
    if (!inPlay(p) || p.incapacitatedSince === null) continue;
    if (daysBetween(p.incapacitatedSince, world.date) < k.afterWeeks * WEEK_DAYS) continue;
    for (const postId of p.posts) {
      const post = world.posts[postId];
      if (world.order.some((o) => world.principals[o].acting.includes(postId))) continue;
      const candidates = world.order.filter((o) => o !== id && canAct(world.principals[o]) && (world.principals[o].presidium !== "none" || world.principals[o].secretary || post.powers.some((pw) => hasPower(world, o, pw))));
      if (!candidates.length) continue;
      const best = candidates.reduce((a, b) => (claimScore(world, b, postId) > claimScore(world, a, postId) ? b : a));
      world.principals[best].acting.push(postId);
      officesChanged(world);
      changed = true;
      record(world, { type: "acting", audience: "public", actor: best, text: `${nameOf(world, best)} takes over ${nameOf(world, id)}'s duties as ${post.title} while ${pronoun(world, id).he} is ill.`, data: { post: postId, for: id } });
    }
  }
  if (changed) refreshPower(world);
}
