// Moves (MODEL.md sections 2 and 4): a coalition's attempt to remove any principal from some or all
// of his posts. Who starts one and against whom follows ambition, grievance, a claim to the spoils,
// the threat the target poses and the resources at hand; members sound colleagues out with offers of
// posts, win over CC members a few at a time (each contact a leak risk), and keep their pledges.
import { choose, optionsForLog, term, termsOf, TermSum, type DecisionContext, type RuleSink, type ScoredOption } from "../ai/choice.js";
import { addDays, WEEK_DAYS } from "../calendar.js";
import { chooserPronoun, byGender, genderOfPrincipal, listNames, nameOf, percent, pronoun, record } from "../log.js";
import { powerShare } from "../power.js";
import { active, activeMoves, canAct, clamp, commandsOrgans, grievanceAgainst, hasPower, inPlay, logistic, moveOf, outranks, presidiumVoters, principalsInOrder, regardOf, topPostValue, trustOf, votingCc } from "../queries.js";
import { clientHarms, dangersTo, disaffection, threat, tie } from "../relations.js";
import type { Cadre, Id, Move, MoveBelief, Principal, Reason, World } from "../state.js";
import { IDEOLOGY_SPAN } from "../units.js";
import { attitude, contestLeans, frontOf } from "./cadres.js";
import { estimateSuccess } from "./estimate.js";
import { leak } from "./detection.js";
import { claimPlacesOf, claimScore, organsHeldTooPenalty, postsAtStake } from "./succession.js";

/** Expected cost of ending on the losing side: demotion at zero fear, rising toward death. */
export function costOfFailure(world: World): number {
  const k = world.params.moves.risk;
  return k.base + k.fear * world.globals.fear;
}

/**
 * What a gamble that comes off with chance `odds` is expected to cost: the chance of failing, times
 * how heavily the man weighs losing, times the cost of ending on the losing side. Every choice with a
 * losing side weighs it so: joining or starting a move, striking, an arrest, fighting on.
 */
export function expectedLoss(world: World, odds: number, weight: number): number {
  return (1 - odds) * weight * costOfFailure(world);
}

/**
 * What a man stands to lose by being in a move that fails at these odds, as heavy as he is cautious:
 * the organiser weighs it at the odds of failing outright; a man asked to join or confronted weighs
 * it through joiningRisk.
 */
export function failureRisk(world: World, p: Principal, odds: number): number {
  return expectedLoss(world, odds, lossWeight(world, p));
}

/** How heavily a man weighs ending on the losing side: the bolder, the lighter. */
function lossWeight(world: World, p: Principal): number {
  const k = world.params.moves.risk;
  return k.bold + k.caution * (1 - p.traits.boldness);
}

/**
 * The odds at which a move is put to the test, as those in it can foresee: its leader strikes once
 * the odds are worth it (crisis.strike.threshold), and the sooner the more the target is on to them
 * (the strike's urgency, weighed against its odds).
 */
export function launchOdds(world: World, alarm: number): number {
  const k = world.params.crisis.strike;
  return clamp(k.threshold - (k.urgency * alarm) / k.odds);
}

/**
 * What a man risks by joining or staying in a move still forming, at the odds he reckons now, with
 * the target as much on to it as `alarm` (0..1). It is put to the test only at its launch odds, so at
 * worst he loses a launch at those. Short of them the danger is that it is found out first, which
 * costs what fear adds to losing: under Stalin "not even a wet spot would have remained"; by 1964
 * "the fear is gone" (Khrushchev to Mikoyan, 13 October 1964, in Taubman's biography). With moves.risk.foundOut equal to
 * moves.risk.fear this is failureRisk at his odds less a demotion's share of the shortfall.
 */
export function joiningRisk(world: World, p: Principal, odds: number, alarm: number): number {
  const launch = Math.max(odds, launchOdds(world, alarm));
  const weight = lossWeight(world, p);
  return expectedLoss(world, launch, weight) + (launch - odds) * weight * world.params.moves.risk.foundOut * world.globals.fear;
}

export function beliefAbout(p: Principal, moveId: string): MoveBelief | undefined {
  return p.beliefs.find((b) => b.move === moveId);
}

export function learnOfMove(world: World, who: Id, move: Move, members: readonly Id[], source: MoveBelief["source"], certainty: number): void {
  const p = world.principals[who];
  const existing = beliefAbout(p, move.id);
  if (existing) {
    for (const m of members) if (!existing.knownMembers.includes(m)) existing.knownMembers.push(m);
    existing.certainty = Math.max(existing.certainty, certainty);
    return;
  }
  p.beliefs.push({ move: move.id, target: move.target, knownMembers: [...members], certainty, source, since: world.date });
}

/** Members this principal knows of (members know the roster; others what they were told). */
export function knownMembersOf(world: World, who: Id, move: Move): Id[] {
  return beliefAbout(world.principals[who], move.id)?.knownMembers ?? (move.members.includes(who) ? move.members : []);
}

/**
 * The value to `who` of a colleague's posts, as a function of the colleague: the best step up he
 * could hope for (a post worth more than what he holds already), times his place among the claimants
 * to it. What rests on `who` alone (the value of his best post, his rank) is read once.
 */
function spoilsFor(world: World, who: Id): (target: Principal) => number {
  const k = world.params.moves.start;
  const own = k.ownPost * topPostValue(world, who);
  const decayed = decayPowers(k.spoilsDecay);
  const placesIn = claimPlacesOf(world);
  const rank = world.principals[who].rank;
  return (target) => {
    let best = 0;
    for (const postId of target.posts) {
      const gain = world.posts[postId].value - own;
      // A post can be worth at most its gain, so one no better than the best so far need not be ranked.
      if (gain <= best) continue;
      const ahead = claimantsAhead(placesIn(postId), rank, target.rank);
      if (ahead < 0) continue;
      best = Math.max(best, gain * decayed(ahead));
    }
    return best;
  };
}

/**
 * How many claimants the places (claimPlaces) put ahead of the man of rank `who`, the target (of rank
 * `target`) not counted; -1 when he is no claimant.
 */
function claimantsAhead(places: readonly number[], who: number, target: number): number {
  const place = places[who];
  if (place < 0) return -1;
  const targetPlace = places[target];
  return targetPlace >= 0 && targetPlace < place ? place - 1 : place;
}

/**
 * `decay ** n` as a function of n, from a table kept per decay and filled with the operator's own
 * values. The spoils weigh every pair of colleagues every few weeks, and computing the power took
 * about a third of it.
 */
function decayPowers(decay: number): (n: number) => number {
  let table = decayTables.get(decay);
  if (!table) decayTables.set(decay, (table = []));
  const powers = table;
  return (n) => {
    for (let i = powers.length; i <= n; i++) powers.push(decay ** i);
    return powers[n];
  };
}

const decayTables = new Map<number, number[]>();

/** The motive terms for `actor` to move against `target`, fed to a sink (log reasons or a sum). */
export function motiveTerms(world: World, actor: Id, target: Id, add: RuleSink): void {
  motiveAgainst(world, actor, (q) => threat(world, world.principals[actor], q))(world.principals[target], add);
}

/** The motive's reasons that name the target, made once for each gender: they are weighed for every colleague, every week (courting weighs his power and danger by the same names). */
export const motiveNames = byGender((they) => ({
  posts: `ambition for ${they.his} posts`,
  disaffection: `disaffection with ${they.him}`,
  danger: `the danger ${they.he} poses`,
  power: `${they.his} power`,
  standing: `${they.his} standing in the country`,
  tie: `tie to ${they.him}`,
}));

/** The motive's reason that names the man weighing it, made once for each gender (startOption weighs a motive for every man, every round). */
const failingCosts = byGender((own) => `what failing would cost ${own.him}`);

/**
 * The motive terms for `actor` against any colleague, as a function of the colleague: what rests on
 * the actor alone (his boldness, power, caution, standing, best post and client rows) is read once, since
 * bestTarget weighs him against every colleague in turn. `dangerOf(q)`: threat(world, actor, q).
 */
function motiveAgainst(world: World, actor: Id, dangerOf: (q: Id) => number): (target: Principal, add: RuleSink) => void {
  const k = world.params.moves.start;
  const p = world.principals[actor];
  const boldness = k.boldness * (p.traits.boldness - 0.5);
  const resources = k.resources * powerShare(world, actor);
  const failing = -failureRisk(world, p, 0);
  const standing = p.presidium === "full" ? k.fullMember : p.presidium === "candidate" ? k.candidate : p.secretary || commandsOrgans(world, actor) ? k.secretary : k.outsider;
  // Under fear a man moves against a danger, not for a gain or a grudge: fear takes away what the
  // moment offers (his posts, one's grievances, his failures), not the danger or the cost of failing,
  // and not what holds a man back (a liked or a popular target), which it would only loosen.
  const opportunity = 1 - k.fearDamps * world.globals.fear;
  const offered = (x: number) => (x > 0 ? opportunity * x : x);
  const failingCost = failingCosts[genderOfPrincipal(p)];
  const harmOf = clientHarms(world, p);
  const spoilsOf = spoilsFor(world, actor);
  return (t, add) => {
    const target = t.id;
    const named = motiveNames[genderOfPrincipal(t)];
    // What disaffection and tie both rest on (the harm he has done p's clients' constituencies, p's
    // regard for him and grievances against him) is read once.
    const harm = harmOf(target);
    const regard = regardOf(p, target);
    const grievance = grievanceAgainst(p, target);
    add("baseline", k.baseline);
    add(named.posts, offered(k.spoils * p.traits.ambition * spoilsOf(t)));
    add(named.disaffection, offered(k.disaffection * disaffection(world, p, target, harm, regard, grievance)));
    add(named.danger, k.threat * dangerOf(target));
    add("boldness", boldness);
    add("own power to draw on", resources);
    add(named.power, -k.targetPower * powerShare(world, target));
    add(named.standing, offered(-k.prestige * (t.prestige - 0.5)));
    add(failingCost, failing);
    add(named.tie, -k.tie * tie(world, p, target, harm, regard, grievance));
    add("standing in the leadership", standing);
  };
}

/**
 * Whether `man` came clean to `target` lately (moves.confront.boundWeeks): watched, and no longer
 * trusted by the men he named, he neither starts nor is drawn into a move against him.
 */
export function boundByWord(world: World, man: Id, target: Id): boolean {
  if (world.memory.cameClean.length === 0) return false;
  const since = addDays(world.date, -world.params.moves.confront.boundWeeks * WEEK_DAYS);
  return world.memory.cameClean.some((c) => c.man === man && c.to === target && c.date > since);
}

/**
 * The colleague `actor` would most want to move against this week, with the motive's sum.
 * `dangerOf(q)`: threat(world, actor, q), for a reading that weighs the dangers again (dangersTo).
 */
export function bestTarget(world: World, actor: Id, dangerOf: (q: Id) => number = dangersTo(world, world.principals[actor])): { target: Id; motive: number } | null {
  let best: Id | null = null;
  let bestMotive = 0;
  const motive = new TermSum();
  const against = motiveAgainst(world, actor, dangerOf);
  for (const t of principalsInOrder(world)) {
    const target = t.id;
    if (target === actor) continue;
    if (!inPlay(t) || t.posts.length === 0 || t.outside || boundByWord(world, actor, target)) continue;
    motive.total = 0;
    against(t, motive.add);
    if (best === null || motive.total > bestMotive) {
      best = target;
      bestMotive = motive.total;
    }
  }
  return best === null ? null : { target: best, motive: bestMotive };
}

/** The option of starting a move against the most likely target (as read at the week's start), with its terms. */
export function startOption(world: World, actor: Id): ScoredOption | null {
  const p = world.principals[actor];
  // The first man does not conspire: he puts a colleague's removal to the Presidium openly.
  if (!canAct(p) || moveOf(world, actor) || world.primacy === actor) return null;
  const best = world.weekly.targets[actor];
  if (!best || !inPlay(world.principals[best.target]) || boundByWord(world, actor, best.target)) return null;
  // Someone who knows of a live move against a man waits to be asked rather than start a rival one.
  if (p.beliefs.some((b) => b.target === best.target && activeMoves(world).some((m) => m.id === b.move))) return null;
  return {
    choice: "start-move",
    target: best.target,
    label: `Begin organising ${nameOf(world, best.target)}'s removal`,
    terms: termsOf((add) => motiveTerms(world, actor, best.target, add)),
  };
}

export function startMove(ctx: DecisionContext, actor: Id, target: Id, demand: Id[], open: Move["open"] = null): Move {
  const world = ctx.world;
  const move: Move = {
    id: `m-${ctx.rng.token("ids")}`,
    target,
    demand,
    initiator: actor,
    members: [actor],
    refusals: [],
    startedOn: world.date,
    stage: "forming",
    exposure: 0,
    alarm: 0,
    open,
    launchedOn: null,
    launchedWhileAway: false,
  };
  world.moves.push(move);
  learnOfMove(world, actor, move, [actor], "member", 1);
  return move;
}

/** What to demand: all his posts when he is the first man, holds force or fear is high; else the post wanted. */
export function chooseDemand(world: World, actor: Id, target: Id): Id[] {
  const t = world.principals[target];
  if (target === world.primacy || commandsOrgans(world, target) || world.globals.fear >= world.params.moves.start.allPostsFear) return [];
  // A man already beaten once is not stripped again post by post: the next move finishes him.
  if (world.contests.some((c) => c.target === target && c.winner === "move")) return [];
  let best: Id | null = null;
  let bestValue = -Infinity;
  for (const postId of t.posts) {
    const v = world.posts[postId].value * (1 + claimScore(world, actor, postId));
    if (v > bestValue) {
      best = postId;
      bestValue = v;
    }
  }
  return best === null ? [] : [best];
}

export function describeDemand(world: World, move: Move): string {
  if (move.demand.length === 0) return `${nameOf(world, move.target)}'s removal`;
  return `taking ${move.demand.map((p) => `the post of ${world.posts[p].title}`).join(" and ")} from ${nameOf(world, move.target)}`;
}

// ---------------------------------------------------------------------------------------- recruiting

/**
 * How promising `candidate` looks to a member as a recruit: his vote or organs, his grievances, trust.
 * `known`: the members the member knows of (knownMembersOf), read once for all the candidates he weighs.
 */
function approachValue(world: World, member: Principal, move: Move, candidate: Principal, known: readonly Id[]): number {
  const k = world.params.moves.approach;
  const target = move.target;
  const organs = commandsOrgans(world, candidate.id);
  const value = organs ? k.organs : candidate.presidium === "full" ? k.fullMember : candidate.presidium === "candidate" ? k.candidate : candidate.secretary ? k.secretary : k.other;
  const clientOfMember = candidate.patron !== null && known.includes(candidate.patron);
  return (
    value +
    k.grievance * Math.min(k.grievanceCap, grievanceAgainst(candidate, target)) +
    k.trust * trustOf(member, candidate.id) -
    k.targetClient * (candidate.patron === target ? 1 : 0) -
    k.organsRisk * (organs ? (1 - Math.max(0, trustOf(member, candidate.id))) * (k.organsRiskBase + world.globals.fear) : 0) +
    (clientOfMember ? k.clientOfMember : 0)
  );
}

/** Whom a member could sound out now: not the target, not a member, not a recent refuser. */
export function approachCandidates(world: World, move: Move): Id[] {
  const askAgainIfBefore = addDays(world.date, -world.params.moves.approach.askAgainAfterDays);
  return world.order.filter((id) => {
    const t = world.principals[id];
    const refused = move.refusals.find((r) => r.id === id);
    const askAgain = !refused || (!commandsOrgans(world, id) && refused.date <= askAgainIfBefore);
    return id !== move.target && active(world, id) && !move.members.includes(id) && askAgain && !boundByWord(world, id, move.target);
  });
}

/** The post a member can offer a recruit: the most valuable post at stake that nobody was promised. */
export function offerFor(world: World, move: Move, recruit: Id): Id | null {
  const promised = new Set(world.promises.filter((o) => o.move === move.id).map((o) => o.post));
  let best: Id | null = null;
  let bestValue = -Infinity;
  for (const postId of postsAtStake(world, move)) {
    // Not a post he could not take: the deputy of a post he holds, or one the share-out would never
    // give him (a post of rank to a chief of the organs, the organs to a man of rank).
    if (promised.has(postId) || outranks(world, recruit, postId)) continue;
    const claim = claimScore(world, recruit, postId) - organsHeldTooPenalty(world, recruit, postId);
    if (claim < 0) continue;
    const v = world.posts[postId].value + claim * world.params.moves.approach.offerFit;
    if (v > bestValue) {
      best = postId;
      bestValue = v;
    }
  }
  return best;
}

/** The weekly options of a member of a forming move. */
export function memberOptions(world: World, move: Move, member: Id): ScoredOption[] {
  const k = world.params.moves.member;
  const p = world.principals[member];
  const known = knownMembersOf(world, member, move);
  // Weighing his options changes nothing: the pledges are counted once for the estimate and the lobbying.
  const pledged = pledgedCount(world, move);
  const est = estimateSuccess(world, p, move, { knownMembers: known, pledged });
  const caution = 1 - p.traits.boldness;
  const risk = move.exposure * caution * costOfFailure(world);
  const options: ScoredOption[] = [];
  let best: { id: Id; appeal: number } | null = null;
  for (const id of approachCandidates(world, move)) {
    const appeal = approachValue(world, p, move, world.principals[id], known);
    if (!best || appeal > best.appeal) best = { id, appeal };
  }
  if (best) {
    const offer = offerFor(world, move, best.id);
    options.push({
      choice: "sound-out",
      target: best.id,
      ...(offer !== null ? { detail: offer } : {}),
      label: `Sound out ${nameOf(world, best.id)}${offer !== null ? `, offering ${pronoun(world, best.id).him} the post of ${world.posts[offer].title}` : ""}`,
      odds: est.odds,
      terms: [term("appeal of the approach", k.soundOutAppeal * best.appeal), term("need for more allies", k.soundOutNeed * (1 - est.odds)), term("risk of exposure", -k.soundOutRisk * risk - k.soundOutCaution * caution)],
    });
  }
  const voters = votingCc(world).length || 1;
  const unpledged = 1 - pledged / voters;
  const reach = hasPower(world, member, "cadres") || hasPower(world, member, "secondSecretary") ? k.apparatusFull : clientCount(world, member) > 0 ? k.apparatusClients : k.apparatusNone;
  options.push({
    choice: "lobby-cc",
    label: "Win over Central Committee members",
    odds: est.odds,
    terms: [term("belief that the CC decides", k.lobbyBelief * p.believesCcDecides * unpledged), term("reach in the apparatus", k.lobbyReach * reach), term("risk of exposure", -k.lobbyRisk * risk - k.lobbyCost)],
  });
  options.push({ choice: "lie-low", label: "Lie low this week", terms: [term("exposure already run", k.lieLowRisk * risk), term("the move already strong", k.lieLowStrength * est.odds)] });
  return options;
}

function clientCount(world: World, id: Id): number {
  let n = 0;
  for (const c of world.cadres) if (c.patron === id && c.slot !== null) n++;
  return n;
}

export function pledgedCount(world: World, move: Move): number {
  let n = 0;
  for (const c of votingCc(world)) if (c.pledge === move.id) n++;
  return n;
}

/**
 * What keeps a man in a move, or draws him into one, as he sees it from the members `told` (the man
 * asked to join; the member confronted by the target): the stake at these odds, his grudges, the
 * danger the target poses, the risk if it fails or is found out first (`alarm`: how far the target
 * is on to it), and his ties on either side.
 */
export function commitmentTerms(world: World, move: Move, man: Id, told: readonly Id[], asker: Id | null, offer: Id | null, alarm: number = move.alarm): { odds: number; terms: Reason[]; tie: number; disaffection: number } {
  const k = world.params.moves.response;
  const t = world.principals[man];
  const target = move.target;
  const p = estimateSuccess(world, t, move, { knownMembers: told, counting: man }).odds;
  const tieToTarget = tie(world, t, target);
  const dis = disaffection(world, t, target);
  const offerValue = offer !== null ? world.posts[offer].value : 0;
  const patronLeads = t.patron !== null && told.includes(t.patron);
  const terms = [
    term("estimated success x stake", p * (k.stakeBase + k.stakeAmbition * t.traits.ambition + k.offer * offerValue * t.traits.ambition)),
    term("disaffection with the target", k.disaffection * dis),
    term("the danger the target poses", k.threat * threat(world, t, target)),
    term("risk if it fails, or is found out first", -joiningRisk(world, t, p, alarm)),
    term("tie to the target", -k.tie * tieToTarget),
    term("trust in the one asking", asker !== null ? k.trustAsker * trustOf(t, asker) : 0),
    term("distance from the movers' views", -k.ideologyDistance * ideologyDistance(world, t, told)),
    term("patron in the move", patronLeads ? k.patronInMove + t.traits.loyalty : 0),
  ];
  // A chief of the organs does not bring them into politics for a move that may well fail: below the
  // odds he finds credible (higher the more restrained he is) he holds back, unless his patron leads
  // him in (Semichastny followed Shelepin).
  if (commandsOrgans(world, man)) terms.push(term("reluctance to bring the organs into politics", patronLeads ? 0 : -k.organsRestraint * (k.organsCaution + t.traits.restraint) * Math.max(0, k.credibleOdds - p)));
  return { odds: p, terms, tie: tieToTarget, disaffection: dis };
}

/** The members an approacher names to the man he sounds out: those he knows of, and himself. */
function namedBy(world: World, approacher: Id, move: Move): Id[] {
  return [...new Set([...knownMembersOf(world, approacher, move), approacher])];
}

/** An approached man's answer: join, report, or stay out; weighed from what he was told. */
export function responseOptions(world: World, move: Move, approacher: Id, recruit: Id, offer: Id | null): ScoredOption[] {
  const k = world.params.moves.response;
  const t = world.principals[recruit];
  const target = move.target;
  // He knows what he is told: the members the approacher names, not the move's secret tallies.
  const told = namedBy(world, approacher, move);
  const { odds: p, terms: joinTerms, tie: tieToTarget, disaffection: dis } = commitmentTerms(world, move, recruit, told, approacher, offer);
  const reportTerms = [
    term("reward if the move fails", (1 - p) * (k.rewardBase + k.rewardAmbition * t.traits.ambition)),
    term("tie to the target", k.reportTie * tieToTarget),
    term("penalty if the move wins", -k.reportPenalty * p),
    term("informing on a colleague", -k.informingBase - k.informingTrust * Math.max(0, trustOf(t, approacher))),
    term("danger if not believed", -k.notBelieved * (1 - p)),
    term("disaffection with the target", -k.reportDisaffection * dis),
  ];
  const stayTerms = [term("keep out of it", 0), term(`standing if it wins without ${chooserPronoun(world, recruit).him}`, -k.standingUnderNew * p * t.traits.ambition)];
  const what = describeDemand(world, move);
  return [
    { choice: "join", label: `Join the move (${what})${offer !== null ? `, for the post of ${world.posts[offer].title}` : ""}`, odds: p, terms: joinTerms },
    { choice: "stay-out", label: "Keep out of it, and keep quiet", odds: 1 - p, terms: stayTerms },
    { choice: "report", label: `Warn ${nameOf(world, target)}`, odds: 1 - p, terms: reportTerms },
  ];
}

function ideologyDistance(world: World, p: Principal, others: readonly Id[]): number {
  const views = others.filter((o) => o !== p.id).map((o) => world.principals[o].traits.ideology);
  if (!views.length) return 0;
  return Math.abs(p.traits.ideology - views.reduce((a, b) => a + b, 0) / views.length) / IDEOLOGY_SPAN;
}

export function soundOut(ctx: DecisionContext, move: Move, approacher: Id, recruit: Id, offer: Id | null): void {
  const world = ctx.world;
  const k = world.params.moves.soundOut;
  const rival = activeMoves(world).find((m) => m !== move && m.target === move.target && m.members.includes(recruit));
  if (rival) return mergeMoves(world, move, rival, approacher, recruit);
  const options = responseOptions(world, move, approacher, recruit, offer);
  const told = namedBy(world, approacher, move);
  const pick = choose(ctx, {
    seat: recruit,
    kind: "respond",
    key: `w${world.week}:respond:${move.id}`,
    prompt: `${nameOf(world, approacher)} sounds you out about ${describeDemand(world, move)}${offer !== null ? ` and offers you the post of ${world.posts[offer].title}` : ""}.`,
    options,
  });
  move.exposure += k.exposure;
  learnOfMove(world, recruit, move, told, "approached", k.approachedCertainty);
  record(world, {
    type: "approach",
    audience: [approacher, recruit],
    actor: recruit,
    text: `${nameOf(world, approacher)} sounds out ${nameOf(world, recruit)}${offer !== null ? ` with the offer of the post of ${world.posts[offer].title}` : ""}; ${pronoun(world, recruit).he} ${pick.choice === "join" ? "joins" : "keeps out of it"}.`,
    data: { move: move.id, approacher, recruit, offer, odds: est(options), organs: commandsOrgans(world, recruit) },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  if (pick.choice === "join") {
    move.members.push(recruit);
    if (offer !== null) world.promises.push({ from: approacher, to: recruit, post: offer, move: move.id, date: world.date });
    for (const m of move.members) learnOfMove(world, m, move, move.members, "member", 1);
    return;
  }
  move.refusals = move.refusals.filter((r) => r.id !== recruit);
  move.refusals.push({ id: recruit, date: world.date });
  if (pick.choice === "report") {
    // What he can swear to is who approached him; the rest is hearsay.
    leak(ctx, move, [approacher, ...told.filter((m) => m !== approacher).slice(0, 1)], recruit, "report", k.reportCredibility);
  } else if (ctx.rng.chance("detection", k.refuserLeakBase + k.refuserLeakTie * tie(world, world.principals[recruit], move.target))) {
    // Keeping out of it is not keeping quiet: a word dropped to the wrong person reaches the organs.
    leak(ctx, move, [approacher], recruit, "refuser", k.refuserCredibility);
  }
}

function est(options: ScoredOption[]): number {
  return options[0].odds ?? 0;
}

/** Two circles working against the same man find each other through an approach and join forces. */
function mergeMoves(world: World, move: Move, rival: Move, approacher: Id, recruit: Id): void {
  for (const m of rival.members) if (!move.members.includes(m)) move.members.push(m);
  for (const r of rival.refusals) if (!move.refusals.some((x) => x.id === r.id) && !move.members.includes(r.id)) move.refusals.push(r);
  for (const c of world.cadres) if (c.pledge === rival.id) c.pledge = move.id;
  for (const o of world.promises) if (o.move === rival.id) o.move = move.id;
  move.exposure += rival.exposure;
  rival.stage = "disbanded";
  for (const id of world.order) {
    const p = world.principals[id];
    p.beliefs = p.beliefs.filter((b) => b.move !== rival.id);
  }
  for (const m of move.members) learnOfMove(world, m, move, move.members, "member", 1);
  record(world, {
    type: "moves-merge",
    audience: [...move.members],
    actor: approacher,
    text: `${nameOf(world, approacher)} sounds out ${nameOf(world, recruit)} and finds ${pronoun(world, recruit).him} already organising against ${nameOf(world, move.target)}: the two circles join forces (${listNames(world, move.members)}).`,
    data: { move: move.id, merged: rival.id },
  });
}

// ----------------------------------------------------------------------------------------- the CC

/** Whether a CC member may be asked for his vote: not if he refused this move in the last askAgainAfterDays. */
export function mayAskCadre(world: World, c: Cadre, move: Move): boolean {
  const refused = c.refused[move.id];
  return refused === undefined || refused <= addDays(world.date, -world.params.moves.approach.askAgainAfterDays);
}

/** Lobbying: a few contacts a week, chosen by the member; each is a pledge, a refusal, or a leak. */
export function lobbyCc(ctx: DecisionContext, move: Move, member: Id): void {
  const world = ctx.world;
  const k = world.params.moves.lobby;
  const p = world.principals[member];
  const contacts = Math.round(k.contacts + (hasPower(world, member, "cadres") || hasPower(world, member, "secondSecretary") ? k.apparatusContacts : 0));
  const known = knownMembersOf(world, member, move);
  const voters = presidiumVoters(world);
  const credibility = voters.length ? voters.filter((v) => known.includes(v)).length / voters.length : 0;
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of known) sides[m] = "move";
  // The best prospects first: one's own clients, fellow members' clients, the disaffected.
  const scored: { c: (typeof world.cadres)[number]; s: number }[] = [];
  // Pledges and refusals leave every member's lean as it was: it is read the same way throughout.
  const leanOf = contestLeans(world, move, sides);
  for (const c of votingCc(world)) {
    if (c.pledge === move.id || c.patron === move.target || !mayAskCadre(world, c, move)) continue;
    const s = (c.patron === member ? k.ownClient : c.patron !== null && known.includes(c.patron) ? k.memberClient : 0) - leanOf(c);
    scored.push({ c, s });
  }
  scored.sort((a, b) => b.s - a.s);
  let won = 0;
  let leaks = 0;
  const contacted = scored.slice(0, contacts);
  for (const { c } of contacted) {
    const lean = leanOf(c);
    const pAgree = logistic(k.leanSlope * -lean + k.credibility * (credibility - 0.5) + k.standing * powerShare(world, member) + k.competence * (p.traits.competence - 0.5));
    if (ctx.rng.chance("ai", pAgree)) {
      c.pledge = move.id;
      won++;
    } else {
      c.refused[move.id] = world.date;
      if (ctx.rng.chance("detection", k.leakBase + k.leakLoyal * Math.max(0, attitude(world, c, move.target)))) leaks++;
    }
  }
  move.exposure += k.exposurePerContact * contacted.length;
  record(world, {
    type: "lobby",
    audience: [...move.members],
    actor: member,
    text: `${nameOf(world, member)} sounds out ${contacted.length} Central Committee members; ${won} pledge their votes (the move now holds ${pledgedCount(world, move)}).`,
    data: { move: move.id, contacted: contacted.length, won, total: pledgedCount(world, move) },
  });
  for (let i = 0; i < leaks; i++) leak(ctx, move, [member], null, "cc-member", k.leakCredibility);
}

/** Pledges follow the move's fortunes: a member whose regard has turned, or who sees it faltering, withdraws. */
export function keepPledges(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.moves.pledges;
  for (const move of activeMoves(world)) {
    const sides: Record<Id, "target" | "move"> = {};
    for (const m of move.members) sides[m] = "move";
    const leanOf = contestLeans(world, move, sides);
    for (const c of votingCc(world)) {
      if (c.pledge !== move.id) continue;
      const lean = leanOf(c);
      if (ctx.rng.chance("ai", clamp(k.withdrawBase + k.withdrawLean * Math.max(0, lean) + k.withdrawExposure * move.exposure * move.alarm))) c.pledge = null;
    }
  }
}

/** A move whose target is gone, or who no longer holds what it wants, is over. */
export function endStaleMoves(world: World): void {
  for (const move of activeMoves(world)) {
    const t = world.principals[move.target];
    const members = move.members.filter((m) => canAct(world.principals[m]));
    const stakes = postsAtStake(world, move);
    const why = !inPlay(t) ? `${nameOf(world, move.target)} is gone` : stakes.length === 0 ? `${nameOf(world, move.target)} no longer holds what it wanted` : members.length === 0 ? "no member is left to carry it" : null;
    if (why === null) continue;
    dissolve(world, move, why);
  }
}

export function dissolve(world: World, move: Move, why: string): void {
  move.stage = "disbanded";
  for (const c of world.cadres) if (c.pledge === move.id) c.pledge = null;
  for (const id of world.order) {
    const p = world.principals[id];
    p.beliefs = p.beliefs.filter((b) => b.move !== move.id);
  }
  world.promises = world.promises.filter((o) => o.move !== move.id);
  record(world, { type: "move-ends", audience: [...move.members], text: `The move against ${nameOf(world, move.target)} comes to nothing: ${why}.`, data: { move: move.id } });
}

export function frontName(world: World, move: Move): string {
  return nameOf(world, frontOf(world, move));
}
