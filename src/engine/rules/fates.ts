// What happens to the losers of a contest, who takes their posts, and how the system remembers it.
import { term, termValue, utility, type DecisionContext } from "../ai/choice.js";
import { nameOf, record } from "../log.js";
import { canAct, clamp, hasPower, leaveAllPosts, takePost } from "../queries.js";
import type { Fate, Id, World } from "../state.js";
import { fateLadder } from "../state.js";

export interface FateCircumstances {
  /** Fought to the end (demanded a plenum and lost, or was caught plotting). */
  lostFight: boolean;
  resigned: boolean;
  force: boolean;
}

/** The rung is drawn around the fear level, harsher for a fight to the end, for force, and for a former head of the organs. */
export function rollFate(ctx: DecisionContext, loser: Id, c: FateCircumstances): Fate {
  const world = ctx.world;
  const fear = world.globals.fear;
  const k = world.params.fates.roll;
  const terms = [
    term("fear in the system", k.fearBase + k.fearSquared * fear * fear),
    term("fought to the end", c.lostFight ? k.foughtToEnd : 0),
    term("stepped down without a fight", c.resigned ? -k.resigned : 0),
    term("settled by force", c.force ? k.force : 0),
    term("held the security organs", hasPower(world, loser, "security") ? k.heldOrgans : 0),
    term("chance", k.chance * ctx.rng.normal("crisis")),
  ];
  const rung = clamp(Math.round(utility(terms)), 0, fateLadder.length - 1);
  const fate = fateLadder[rung];
  record(world, {
    type: "fate",
    audience: "public",
    actor: loser,
    text: `${nameOf(world, loser)}: ${fateText[fate]}.`,
    data: { fate },
    options: [{ option: fate, utility: termValue(utility(terms)), terms }],
    chosen: fate,
  });
  applyFate(world, loser, fate);
  return fate;
}

const fateText: Record<Fate, string> = {
  retired: "retired on a pension",
  demoted: "demoted to a minor post far from Moscow",
  expelled: "expelled from the Central Committee and the party",
  imprisoned: "arrested and imprisoned",
  executed: "arrested, tried and shot",
};

export function applyFate(world: World, id: Id, fate: Fate): void {
  const p = world.principals[id];
  leaveAllPosts(world, id);
  p.presidium = "none";
  p.secretary = false;
  p.fate = fate;
  if (fate === "executed") p.alive = false;
}

/** Hands a post to the first eligible candidate (already ordered by preference). */
export function fillPost(world: World, postId: Id, candidates: readonly Id[]): Id | null {
  const post = world.posts[postId];
  if (post.holders.length) return post.holders[0];
  const who = candidates.find((c) => canAct(world.principals[c]));
  if (!who) return null;
  takePost(world, who, postId);
  return who;
}

/** Who in a coalition has the strongest claim to lead: the apparatus men first, then seniority. */
export function claimants(world: World, coalition: readonly Id[]): Id[] {
  const k = world.params.fates.claim;
  const score = (id: Id) => {
    const p = world.principals[id];
    return (hasPower(world, id, "secondSecretary") ? k.secondSecretary : 0) + (hasPower(world, id, "cadres") ? k.cadres : 0) + (p.secretary ? k.secretary : 0) + (p.presidium === "full" ? k.fullMember : p.presidium === "candidate" ? k.candidate : 0) + p.traits.ambition + p.traits.competence * k.competence;
  };
  return coalition
    .filter((id) => canAct(world.principals[id]))
    .map((id) => ({ id, s: score(id) }))
    .sort((a, b) => b.s - a.s || world.principals[a.id].rank - world.principals[b.id].rank)
    .map((x) => x.id);
}

/**
 * The winners share out the loser's posts. Where the norm of collective leadership has taken hold
 * (the CC as arbiter), the leader's posts are split rather than handed over whole.
 */
export function shareOutPosts(world: World, vacated: readonly Id[], coalition: readonly Id[], newLeader: Id | null): void {
  const split = world.globals.ccArbiter >= world.params.fates.share.splitArbiter;
  const others = claimants(world, coalition).filter((c) => c !== newLeader);
  for (const postId of vacated) {
    const post = world.posts[postId];
    if (post.holders.length) continue;
    if (post.powers.includes("leader") && newLeader) {
      fillPost(world, postId, [newLeader]);
      continue;
    }
    const byFit = [...others].sort((a, b) => fit(world, b, post.powers) - fit(world, a, post.powers));
    const candidates = split || !newLeader ? byFit : [newLeader, ...byFit];
    fillPost(world, postId, candidates);
  }
}

function fit(world: World, id: Id, powers: readonly string[]): number {
  const p = world.principals[id];
  const k = world.params.fates.share;
  let f = p.traits.competence - k.postLoad * p.posts.length;
  for (const post of p.posts) for (const power of world.posts[post].powers) if (powers.includes(power)) f += k.powerMatch;
  return f;
}

/** After a contest: the loser's CC clients are replaced by the winner's people. */
export function purgeClients(world: World, losers: readonly Id[], winner: Id): void {
  for (const m of world.cc) {
    if (m.patron && losers.includes(m.patron)) {
      m.patron = winner;
      m.baseLean = clamp(m.baseLean + world.params.fates.aftermath.clientLean, -1, 1);
    }
  }
}

/** The fates feed back into the system: harsh fates raise fear, settling by the CC raises its authority. */
export function aftermath(world: World, fates: readonly Fate[], settledByCc: boolean, force: boolean): void {
  const k = world.params.fates.aftermath;
  if (fates.length) {
    const mean = fates.reduce((s, f) => s + fateLadder.indexOf(f), 0) / fates.length;
    world.globals.fear = clamp(world.globals.fear + k.fearPerRung * (mean - k.fearPivot));
  }
  if (settledByCc) world.globals.ccArbiter = clamp(world.globals.ccArbiter + k.ccSettled);
  if (force) world.globals.ccArbiter = clamp(world.globals.ccArbiter - k.forceSettled);
  for (const m of world.cc) m.whippedBy = null;
}
