// Contests (MODEL.md section 5): a launched move becomes a crisis that unfolds day by day. Where it is
// decided follows from the target's posts and from force: an arrest by organs willing to do it, or a
// Presidium session (which waits for an absent target to come back), then the Central Committee's
// plenum when the target appeals to it or his post is one the CC elects. Members of the CC reach
// Moscow by distance, sooner when an organ with aircraft flies them in.
import { choose, chooseTogether, optionId, optionsForLog, term, termValue, type DecisionContext, type Question, type ScoredOption } from "../ai/choice.js";
import { addDays, toDay, WEEK_DAYS } from "../calendar.js";
import { chooserPronoun, byGender, genderOf, listNames, nameOf, percent, pronoun, record } from "../log.js";
import { cadreById, powerShare, refreshPower, updatePrimacy } from "../power.js";
import { canAct, clamp, commandsOrgans, grievanceAgainst, hasPower, holdersOf, inPlay, leavePost, logistic, moveById, organChiefs, presidiumVoters, votingCc } from "../queries.js";
import { disaffection, threat, tie } from "../relations.js";
import type { Cadre, ContestRecord, Crisis, Id, Move, World } from "../state.js";
import { isMajority } from "../units.js";
import { contestLeans, frontOf } from "./cadres.js";
import { arrestOdds, condemning, estimateSuccess, forceAvailable, usableOrgans } from "./estimate.js";
import { alignmentOptions, moversShare, organsCommanded } from "./alignment.js";
import { applyFate, decideFates, type FateCase } from "./fates.js";
import { learnFromContest, learnFromRatification } from "./learning.js";
import { describeDemand, expectedLoss, knownMembersOf, mayAskCadre, pledgedCount } from "./moves.js";
import { announcePosts, postsAtStake, shareOutPosts } from "./succession.js";

type Side = "target" | "move" | "neutral";

/** The member who runs the move: the initiator while he can act, else the earliest member who can. */
export function moveLeader(world: World, move: Move): Id | null {
  return move.members.find((m) => canAct(world.principals[m])) ?? null;
}

// ------------------------------------------------------------------------------------------- launch

/** The strike's reasons that name the target, made once for each gender: every forming move weighs them every week. */
const strikeNames = byGender((they) => ({
  leaves: `${they.he} leaves soon: better to wait for it`,
  organs: `${they.he} holds organs of force ${they.himself}`,
}));

/** The move's leader weighs striking now against waiting, and (where force is open) how to strike. */
export function strikeOptions(world: World, move: Move, leader: Id): ScoredOption[] {
  const k = world.params.crisis.strike;
  const p = world.principals[leader];
  const known = knownMembersOf(world, leader, move);
  const est = estimateSuccess(world, p, move, { knownMembers: known, pledged: pledgedCount(world, move) });
  const target = world.principals[move.target];
  const away = target.location !== null;
  const tripSoon = !away && upcomingTrip(world, move.target, k.tripHorizonDays);
  const weeks = (toDay(world.date) - toDay(move.startedOn)) / WEEK_DAYS;
  const common = [
    term("boldness", k.boldness * (p.traits.boldness - 0.5)),
    term("the target is on to us", k.urgency * move.alarm),
    term("the target away from Moscow", away ? k.away : 0),
    term(strikeNames[genderOf(world, move.target)].leaves, tripSoon ? -k.tripSoon : 0),
    term("time the move has been building", k.patience * Math.min(k.patienceCap, weeks)),
  ];
  const f = world.params.crisis.force;
  // A vote against the man who holds the police invites his arrest of the voters (1953). That is a
  // reason to seize him rather than outvote him, not to strike sooner: it weighs on the session and
  // leaves the arrest and waiting as they were. Where no mover commands organs that could seize him,
  // it is a reason to wait until one does (Khrushchev brought in Bulganin and the generals first).
  const targetHoldsOrgans = commandsOrgans(world, move.target);
  const options: ScoredOption[] = [
    { choice: "wait", label: "Keep building", terms: [term("keep building support", k.wait)] },
    {
      choice: "session",
      label: `Convene the Presidium (${describeDemand(world, move)})`,
      odds: est.odds,
      terms: [term("estimated success", k.odds * (est.odds - k.threshold)), term("if it fails: the losers' fate", -expectedLoss(world, est.odds, k.failure)), term(strikeNames[genderOf(world, move.target)].organs, targetHoldsOrgans ? -f.targetHoldsOrgans : 0), ...common],
    },
  ];
  if (forceAvailable(world, move)) {
    const odds = arrestOdds(world, move, known);
    const fear = world.globals.fear;
    options.push({
      choice: "arrest",
      label: `Have ${nameOf(world, move.target)} arrested`,
      odds,
      terms: [
        term("estimated success of an arrest", k.odds * Math.min(0, odds - k.threshold) + f.oddsBonus * Math.max(0, odds - k.threshold)),
        term("if it fails: the losers' fate", -expectedLoss(world, odds, k.failure)),
        term("fear: an arrest is thinkable", f.fear * fear),
        term("the party's rules against arrests", -f.norm * (1 - fear)),
        ...common,
      ],
    });
  }
  return options;
}

function upcomingTrip(world: World, who: Id, days: number): boolean {
  const limit = addDays(world.date, days);
  return world.trips.some((t) => t.from > world.date && t.from <= limit && !world.tripsDone.includes(t.id) && travellerMatches(world, t.traveller, who));
}

/** Whether a trip offer's traveller (a character, a power, or "first": whoever holds primacy) is this man. */
export function travellerMatches(world: World, traveller: string, who: Id): boolean {
  if (traveller === who) return true;
  if (world.principals[traveller] !== undefined) return false;
  return traveller === "first" ? world.primacy === who : hasPower(world, who, traveller as never);
}

export function strikePhase(ctx: DecisionContext): void {
  const world = ctx.world;
  if (world.crisis) return;
  for (const move of world.moves) {
    if (move.stage !== "forming" || world.crisis) continue;
    if (move.members.length < world.params.crisis.strike.minMembers && !move.open) continue;
    // Nothing left to strike for (he was promoted out of the post demanded this week): the move ends
    // with the week's reading of stale moves, not in a contest over nothing.
    if (postsAtStake(world, move).length === 0) continue;
    const leader = moveLeader(world, move);
    if (!leader) continue;
    if (move.open) {
      launch(ctx, move, leader, "session");
      continue;
    }
    const options = strikeOptions(world, move, leader);
    const pick = choose(ctx, { seat: leader, kind: "strike", key: `w${world.week}:strike:${move.id}`, prompt: "Strike now, or keep building?", options }, world.params.ai.strike.temperature);
    if (pick.choice === "wait") continue;
    record(world, {
      type: "decision",
      audience: [...move.members],
      actor: leader,
      text: `${nameOf(world, leader)} decides to strike${pick.choice === "arrest" ? ` by arresting ${pronoun(world, move.target).him}` : ""} (${pronoun(world, leader).his} estimate of success: ${percent(pick.odds ?? 0)}).`,
      options: optionsForLog(options),
      chosen: pick.choice,
      data: { move: move.id },
    });
    launch(ctx, move, leader, pick.choice === "arrest" ? "force" : "session");
  }
}

export function launch(ctx: DecisionContext, move: Move, leader: Id, venue: Crisis["venue"]): void {
  const world = ctx.world;
  const target = world.principals[move.target];
  move.stage = "launched";
  move.launchedOn = world.date;
  move.launchedWhileAway = target.location !== null;
  const crisis: Crisis = {
    move: move.id,
    venue,
    phase: venue === "session" && target.location ? "waiting" : "session",
    day: 0,
    startedOn: world.date,
    answer: null,
    sessionDays: 0,
    sessionEndedDay: null,
    tally: null,
    sides: {},
    arrived: {},
    signatures: [],
    plenumDay: null,
    conceded: [],
    fullMembers: move.members.filter((m) => world.principals[m].presidium === "full").length,
    army: holdersOf(world, "army"),
  };
  world.crisis = crisis;
  const what = describeDemand(world, move);
  const text =
    move.open === "health"
      ? `${nameOf(world, leader)} proposes to the Presidium that ${nameOf(world, move.target)}, long unable to work, be released "for reasons of age and health".`
      : venue === "force"
        ? move.open === "purge"
          ? `${nameOf(world, leader)} has the organs arrest ${nameOf(world, move.target)}.`
          : `${nameOf(world, leader)} and ${pronoun(world, leader).his} allies move to arrest ${nameOf(world, move.target)}.`
        : move.open === "purge"
          ? `${nameOf(world, leader)} asks the Presidium to remove ${nameOf(world, move.target)} from ${pronoun(world, move.target).his} posts.`
          : move.launchedWhileAway
            ? `While ${nameOf(world, move.target)} is in ${target.location!.place}, ${nameOf(world, leader)} and ${pronoun(world, leader).his} allies convene the Presidium on ${what} and summon ${pronoun(world, move.target).him} back to Moscow.`
            : `${nameOf(world, leader)} and ${pronoun(world, leader).his} allies call a Presidium session on ${what}.`;
  record(world, { type: "launch", audience: "public", actor: leader, text, data: { move: move.id, target: move.target, members: move.members, venue, demand: move.demand, open: move.open } });
  alignOrgans(ctx, move);
  // Movers who command aircraft and count on the CC call its members in at once.
  const flyers = transportSides(world, crisis, "move");
  if (flyers.length > 0 && world.principals[leader].believesCcDecides >= world.params.crisis.attendance.summonBelief) summon(ctx, crisis, move, "move");
  if (target.location) {
    target.location = { ...target.location, until: world.date };
  }
}

/**
 * The chiefs of the organs choose their side when the crisis breaks: their decision, not a parameter.
 * A chief in the move has voted with it, but bringing his organs in is a further choice: in October
 * 1964 Semichastny's KGB changed Khrushchev's guards, while Malinovsky, who knew, kept the army out.
 */
function alignOrgans(ctx: DecisionContext, move: Move): void {
  const world = ctx.world;
  const crisis = world.crisis!;
  const strength = moversShare(world, move.members);
  const chiefs = organChiefs(world).filter((c) => canAct(world.principals[c]));
  const questions: Question[] = [];
  for (const chief of chiefs) {
    if (chief === move.target) {
      crisis.sides[chief] = "target";
      continue;
    }
    const inMove = move.members.includes(chief);
    // An arrest is the organs' work: the chief in the move who planned it has brought them in already.
    if (inMove && crisis.venue === "force") {
      crisis.sides[chief] = "move";
      continue;
    }
    questions.push({
      seat: chief,
      kind: "align",
      key: `w${world.week}:align:${move.id}`,
      prompt: inMove
        ? `You are in the move for ${describeDemand(world, move)}. Do you bring the organs you command in on its side?`
        : `The leadership is split over ${describeDemand(world, move)}. Where do the organs you command stand?`,
      options: alignmentOptions(world, move, chief, strength),
    });
  }
  const picks = chooseTogether(ctx, questions, world.params.ai.align.temperature);
  questions.forEach((q, i) => {
    const side = picks[i].choice as Side;
    crisis.sides[q.seat] = side;
    record(world, {
      type: "alignment",
      audience: "public",
      actor: q.seat,
      text: `${nameOf(world, q.seat)} ${side === "target" ? `stands by ${nameOf(world, move.target)}` : side === "move" ? (move.members.includes(q.seat) ? `brings ${organsCommanded(world, q.seat)} in on the movers' side` : "sides with the movers") : `keeps ${organsCommanded(world, q.seat)} out of it`}.`,
      options: optionsForLog(q.options),
      chosen: side,
      data: { move: move.id },
    });
  });
}

/** Organ chiefs with aircraft on a side in this crisis. */
function transportSides(world: World, crisis: Crisis, side: Side): Id[] {
  return holdersOf(world, "transport").filter((h) => crisis.sides[h] === side);
}

/**
 * The CC is called to Moscow. Each member's journey takes days by distance; a side whose organs fly
 * its people in brings them sooner (any organ with aircraft can, not only the Army).
 */
function summon(ctx: DecisionContext, crisis: Crisis, move: Move, by: "move" | "target"): void {
  const world = ctx.world;
  if (Object.keys(crisis.arrived).length > 0) return;
  const k = world.params.crisis.attendance;
  const flyers = [...transportSides(world, crisis, "move"), ...transportSides(world, crisis, "target")];
  const flyMove = transportSides(world, crisis, "move").length > 0;
  const flyTarget = transportSides(world, crisis, "target").length > 0;
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of move.members) sides[m] = "move";
  const leanOf = contestLeans(world, move, sides);
  for (const c of votingCc(world)) {
    const base = c.distance === "near" ? k.nearDays : c.distance === "mid" ? k.midDays : k.farDays;
    const presumedTarget = leanOf(c) > 0 || c.patron === move.target;
    const flown = (presumedTarget && flyTarget) || (!presumedTarget && flyMove) || c.pledge === move.id;
    const days = Math.max(1, Math.round(base * (flown ? k.flownShare : 1) + k.jitter * ctx.rng.normal("crisis")));
    crisis.arrived[c.id] = crisis.day + days;
  }
  record(world, {
    type: "summons",
    audience: "public",
    text: `Members of the Central Committee are called to Moscow${flyers.length > 0 ? `; ${listNames(world, flyers)} ${flyers.length > 1 ? "fly" : "flies"} people in` : ""}.`,
    data: { move: move.id, by },
  });
}

// ------------------------------------------------------------------------------------------- days

/** Advances the crisis by the week's days, one at a time. */
export function crisisPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const weekStart = world.date;
  // Each day of the crisis is dated as it happens (the week is dated by its first day).
  for (let d = 0; d < WEEK_DAYS && world.crisis; d++) {
    world.date = addDays(weekStart, d);
    const crisis = world.crisis;
    const move = moveById(world, crisis.move)!;
    if (!inPlay(world.principals[move.target])) {
      closeWithout(ctx, move, `${nameOf(world, move.target)} is gone`);
      break;
    }
    crisisDay(ctx, crisis, move);
    if (world.crisis) crisis.day++;
  }
  world.date = weekStart;
}

function crisisDay(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  const target = world.principals[move.target];
  if (crisis.venue === "force") return arrest(ctx, crisis, move);
  if (crisis.phase === "waiting") {
    const back = target.location ? crisis.day >= target.location.returnDays : true;
    if (!back) return;
    if (target.location) {
      record(world, { type: "trip", audience: "public", actor: target.id, text: `${nameOf(world, target.id)} flies back to Moscow to face the Presidium.` });
      target.location = null;
    }
    crisis.phase = "session";
  }
  if (crisis.phase === "session") return sessionDay(ctx, crisis, move);
  if (crisis.phase === "plenum-called") return plenumWait(ctx, crisis, move);
  if (crisis.phase === "plenum") return plenum(ctx, crisis, move);
}

// ------------------------------------------------------------------------------------------- force

function arrest(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  const k = world.params.crisis.arrest;
  let withMove = 0;
  let withTarget = 0;
  for (const [chief, side] of Object.entries(crisis.sides)) {
    const usable = chief === move.target || usableOrgans(world, chief, move.target);
    if (side === "move" && usable) withMove++;
    if (side === "target") withTarget++;
  }
  const odds = logistic(k.intercept + k.balance * (withMove - withTarget) + k.majority * (condemning(world, move, move.members) - 0.5) - k.exposure * move.exposure);
  const success = withMove > 0 && ctx.rng.chance("crisis", odds);
  if (success) {
    record(world, { type: "arrest", audience: "public", actor: moveLeader(world, move) ?? undefined, text: `${nameOf(world, move.target)} is arrested${withTarget > 0 ? ` before ${pronoun(world, move.target).his} own people can act` : ""}; the Presidium expels ${pronoun(world, move.target).him} and the plenum later approves it.`, data: { move: move.id, odds } });
    const kingmakers = Object.entries(crisis.sides).filter(([c, s]) => s === "move" && c !== move.target).map(([c]) => c);
    settle(ctx, crisis, move, "move", "force", { resigned: false }, kingmakers);
    return learnFromRatification(world);
  }
  record(world, { type: "arrest-fails", audience: "public", text: `The attempt to arrest ${nameOf(world, move.target)} fails${withTarget > 0 ? `: ${pronoun(world, move.target).his} own people stand by ${pronoun(world, move.target).him}` : ""}; the movers are exposed.`, data: { move: move.id, odds } });
  const kingmakers = Object.entries(crisis.sides).filter(([, s]) => s === "target").map(([c]) => c);
  settle(ctx, crisis, move, "target", "force", { resigned: false }, kingmakers);
}

// ----------------------------------------------------------------------------------------- session

/** The members who speak (full and candidate members, secretaries), in rank order, and their line. */
function speeches(ctx: DecisionContext, crisis: Crisis, move: Move): number {
  const world = ctx.world;
  const k = world.params.crisis.speech;
  const speakers = world.order.filter((id) => id !== move.target && canAct(world.principals[id]) && (world.principals[id].presidium !== "none" || world.principals[id].secretary));
  let swing = 0;
  const questions: Question[] = speakers.map((id) => {
    const p = world.principals[id];
    const inMove = move.members.includes(id);
    return {
      seat: id,
      kind: "speech",
      key: `w${world.week}:speech:${move.id}:${crisis.sessionDays}`,
      prompt: `The session on ${describeDemand(world, move)}, day ${crisis.sessionDays + 1}: what line do you take?`,
      options: [
        { choice: "attack", label: `Speak against ${nameOf(world, move.target)}`, terms: [term("in the move", inMove ? k.member : 0), term("disaffection", k.disaffection * disaffection(world, p, move.target)), term(`compromising material on ${pronoun(world, move.target).him}`, k.kompromat * (p.kompromat[move.target] ?? 0))] },
        { choice: "defend", label: `Speak for ${nameOf(world, move.target)}`, terms: [term(`tie to ${pronoun(world, move.target).him}`, k.tie * tie(world, p, move.target)), term("in the move", inMove ? -k.member : 0), term("danger from the movers", k.threat * threat(world, p, frontOf(world, move)))] },
        { choice: "silent", label: "Hold back", terms: [term("caution", k.caution * (1 - p.traits.boldness))] },
      ],
    };
  });
  const picks = chooseTogether(ctx, questions, world.params.ai.vote.temperature);
  questions.forEach((q, i) => {
    const p = world.principals[q.seat];
    const line = picks[i].choice;
    const weight = k.standing * powerShare(world, q.seat) + k.kompromatWeight * (line === "attack" ? p.kompromat[move.target] ?? 0 : 0);
    swing += line === "attack" ? weight : line === "defend" ? -weight : 0;
    if (line === "silent") return;
    record(world, {
      type: "speech",
      audience: "public",
      actor: q.seat,
      text: `${nameOf(world, q.seat)} speaks ${line === "attack" ? "against" : "for"} ${nameOf(world, move.target)}${line === "attack" && (p.kompromat[move.target] ?? 0) > 0 ? `, reading out what the files hold on ${pronoun(world, move.target).him}` : ""}.`,
      data: { move: move.id, line, membership: p.presidium },
      options: optionsForLog(q.options),
      chosen: line,
    });
  });
  return swing;
}

/** The target's answer as the session opens or after it has voted against him. */
function targetAnswer(ctx: DecisionContext, crisis: Crisis, move: Move, afterVote: boolean): "fight" | "stall" | "plenum" | "resign" | "concede" {
  const world = ctx.world;
  const k = world.params.crisis.answer;
  const t = world.principals[move.target];
  const stakes = postsAtStake(world, move);
  const ccHope = targetCcEstimate(world, crisis, move);
  const belief = t.believesCcDecides;
  const q = logistic(k.ccSlope * (ccHope - 0.5));
  const organsWithHim = Object.entries(crisis.sides).filter(([c, s]) => s === "target" && c !== t.id).length;
  const plenumOpen = stakes.some((p) => world.posts[p].powers.includes("firstSecretary")) || t.presidium === "full";
  const options: ScoredOption[] = [];
  const they = chooserPronoun(world, t.id);
  const plenumTerms = [
    term("expected support in the CC", k.support * belief * (q - 0.5)),
    term("risk of a harsher fate after a fight lost", -expectedLoss(world, q, k.harsherFate)),
    term("ambition", k.ambition * t.traits.ambition),
    term(`organs that stand by ${they.him}`, k.organs * organsWithHim),
  ];
  if (!afterVote) {
    options.push({ choice: "fight", label: "Face the vote in the Presidium", terms: [term(`${they.his} standing in the Presidium`, k.standing * (world.power[t.id] ?? 0)), term("the case can be answered", k.answerable)] });
    if (plenumOpen && crisis.sessionDays < world.params.crisis.timing.maxSessionDays) {
      options.push({ choice: "stall", label: "Insist that only the Central Committee can decide, and drag the session out", odds: q, terms: [...plenumTerms, term("members still on their way", k.pending * pendingShare(crisis))] });
    }
  } else {
    options.push({ choice: "resign", label: `Step down "for reasons of age and health"`, odds: 1, terms: [term("an honourable retirement", k.retire), term("the Presidium's verdict", k.verdict * ((crisis.tally?.for ?? 0) / Math.max(1, crisis.tally?.voters ?? 1) - 0.5))] });
    if (plenumOpen) options.push({ choice: "plenum", label: "Demand that the Central Committee decide", odds: q, terms: plenumTerms });
    const keep = stakes.length > 1 ? [...stakes].sort((a, b) => world.posts[b].value - world.posts[a].value)[0] : null;
    if (keep !== null && crisis.conceded.length === 0) {
      options.push({ choice: "concede", detail: keep, label: `Offer to give up all but the post of ${world.posts[keep].title}`, terms: [term("keep something", k.concede * world.posts[keep].value), term("the Presidium's verdict", -k.verdict * ((crisis.tally?.for ?? 0) / Math.max(1, crisis.tally?.voters ?? 1) - 0.5))] });
    }
  }
  const pick = choose(ctx, { seat: t.id, kind: afterVote ? "answer" : "session-tactic", key: `w${world.week}:${afterVote ? "answer" : "tactic"}:${move.id}:${crisis.sessionDays}`, prompt: afterVote ? "The Presidium has voted against you. What now?" : `The Presidium sits on ${describeDemand(world, move)}. How do you meet it?`, options });
  record(world, {
    type: afterVote ? "answer" : "tactic",
    audience: "public",
    actor: t.id,
    text:
      pick.choice === "resign"
        ? `${nameOf(world, t.id)} does not fight: ${they.he} asks to be released "for reasons of age and health".`
        : pick.choice === "plenum"
          ? `${nameOf(world, t.id)} refuses: only the Central Committee that elected ${they.him} can decide. ${they.He} demands a plenum.`
          : pick.choice === "stall"
            ? `${nameOf(world, t.id)} insists that only the Central Committee can decide and drags the session out.`
            : pick.choice === "concede"
              ? `${nameOf(world, t.id)} offers to give up all but the post of ${world.posts[pick.detail!].title}.`
              : `${nameOf(world, t.id)} answers the charges in the session.`,
    options: optionsForLog(options),
    // As the options are logged: an offer to concede names the post he would keep.
    chosen: optionId(pick),
    data: { move: move.id },
  });
  if (pick.choice === "concede") crisis.conceded = stakes.filter((p) => p !== pick.detail);
  return pick.choice as "fight" | "stall" | "plenum" | "resign" | "concede";
}

function pendingShare(crisis: Crisis): number {
  const all = Object.values(crisis.arrived);
  if (!all.length) return 1;
  return all.filter((d) => d > crisis.day).length / all.length;
}

/** The target's hope in the CC, from what he can see: his clients, the public mood, pledges he can see. */
export function targetCcEstimate(world: World, crisis: Crisis, move: Move): number {
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of move.members) sides[m] = "move";
  const voters = votingCc(world);
  // Members called in by the movers before he is back are a sign he can read.
  const summonedByThem = move.launchedWhileAway && Object.keys(crisis.arrived).length > 0;
  let support = 0;
  const leanOf = contestLeans(world, move, sides);
  for (const c of voters) {
    if (summonedByThem && c.pledge === move.id) continue;
    support += logistic(world.params.estimates.success.ccSlope * leanOf(c));
  }
  return voters.length ? support / voters.length : 0;
}

function sessionDay(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  const k = world.params.crisis.timing;
  const t = world.principals[move.target];
  const present = canAct(t);
  if (present && crisis.sessionDays === 0 && !move.open) {
    const tactic = targetAnswer(ctx, crisis, move, false);
    if (tactic === "stall") {
      summon(ctx, crisis, move, "target");
      crisis.answer = "plenum";
    }
  } else if (present && crisis.answer === "plenum" && crisis.sessionDays < k.maxSessionDays) {
    // Still stalling: the majority forces the vote sooner or later.
    if (!ctx.rng.chance("crisis", k.majorityImpatience)) {
      crisis.sessionDays++;
      collectSignatures(ctx, crisis, move);
      if (world.crisis?.phase === "plenum-called") return;
      record(world, { type: "session-continues", audience: "public", text: `The Presidium sits again without a vote; ${nameOf(world, move.target)} keeps insisting on a plenum.`, data: { move: move.id } });
      return;
    }
  }
  const swing = speeches(ctx, crisis, move);
  const tally = rollCall(ctx, crisis, move, swing);
  crisis.tally = tally;
  crisis.sessionDays++;
  crisis.sessionEndedDay = crisis.day;
  const majority = isMajority(tally.for, tally.voters);
  record(world, {
    type: "session-result",
    audience: "public",
    text: majority ? `The Presidium votes ${tally.for} to ${tally.against} for ${describeDemand(world, move)}.` : `The Presidium stands by ${nameOf(world, move.target)}, ${tally.against} to ${tally.for}${tally.for === tally.against ? ` (a tie keeps ${pronoun(world, move.target).him})` : ""}.`,
    data: { move: move.id, ...tally },
  });
  if (!majority) return settle(ctx, crisis, move, "target", "session", { resigned: false }, []);
  if (!present) return ratify(ctx, crisis, move);
  const answer = targetAnswer(ctx, crisis, move, true);
  if (answer === "resign") {
    crisis.answer = "resign";
    return ratify(ctx, crisis, move);
  }
  if (answer === "concede") {
    crisis.answer = "concede";
    if (acceptConcession(ctx, crisis, move)) return ratify(ctx, crisis, move);
    crisis.conceded = [];
    const again = targetAnswer(ctx, crisis, move, true);
    if (again !== "plenum") {
      crisis.answer = "resign";
      return ratify(ctx, crisis, move);
    }
  }
  crisis.answer = "plenum";
  callPlenum(ctx, crisis, move, "target");
}

/** The roll-call: pledged members vote as pledged unless the move has visibly collapsed; the rest weigh it. */
function rollCall(ctx: DecisionContext, crisis: Crisis, move: Move, swing: number): { for: number; against: number; voters: number } {
  const world = ctx.world;
  const k = world.params.crisis.session;
  const voters = presidiumVoters(world);
  const fear = world.globals.fear;
  const strength = moversShare(world, move.members);
  const targetIsFirst = move.target === world.primacy;
  const frontIsFirst = move.members.includes(world.primacy ?? "");
  const questions: Question[] = voters
    .filter((v) => v !== move.target)
    .map((id) => {
      const p = world.principals[id];
      const pledged = move.members.includes(id);
      // A member who proposed it votes for it; a pledge binds unless the move has visibly collapsed
      // (its leader gone, or the organs have turned on it).
      const collapsed = !move.open && (moveLeader(world, move) === null || Object.entries(crisis.sides).some(([c, s]) => s === "target" && c !== move.target && commandsOrgans(world, c)) && strength < k.collapseShare);
      return {
        seat: id,
        kind: "vote",
        key: `w${world.week}:vote:${move.id}:${crisis.sessionDays}`,
        prompt: `Roll-call on ${describeDemand(world, move)}: how do you vote?`,
        options: [
          {
            choice: "for",
            label: `Vote for ${describeDemand(world, move)}`,
            terms: [
              term("pledged to the move", pledged ? (collapsed ? k.pledgedCollapsed : k.pledged + k.pledgedLoyalty * p.traits.loyalty) : 0),
              term("disaffection with the target", k.disaffection * disaffection(world, p, move.target)),
              term(`the danger ${pronoun(world, move.target).he} poses`, k.threat * threat(world, p, move.target)),
              term("tie to the target", -k.tie * tie(world, p, move.target)),
              term("the movers' visible strength", k.strength * (strength - 0.5)),
              term("the speeches", k.speeches * swing),
              term("fear of the first man", k.fearOfFirst * fear * (targetIsFirst ? -1 : frontIsFirst ? 1 : 0)),
              term(move.launchedWhileAway ? `the case made in ${pronoun(world, move.target).his} absence` : "the target in the room", move.launchedWhileAway ? k.absentCase : -k.present),
              term(`${pronoun(world, move.target).his} retirement is only a formality`, move.open === "health" ? k.health : 0),
            ],
          },
          { choice: "against", label: `Vote to keep ${nameOf(world, move.target)}`, terms: [term("keep things as they are", 0)] },
        ],
      };
    });
  const picks = chooseTogether(ctx, questions, world.params.ai.vote.temperature);
  let forVotes = 0;
  let against = 0;
  questions.forEach((q, i) => {
    const v = picks[i].choice;
    if (v === "for") forVotes++;
    else against++;
    record(world, {
      type: "presidium-vote",
      audience: "public",
      actor: q.seat,
      text: `${nameOf(world, q.seat)} votes ${v === "for" ? "for" : "against"} ${describeDemand(world, move)}.`,
      data: { move: move.id, vote: v, pledged: move.members.includes(q.seat) },
      options: optionsForLog(q.options),
      chosen: v,
    });
  });
  if (voters.includes(move.target)) {
    against++;
    record(world, { type: "presidium-vote", audience: "public", actor: move.target, text: `${nameOf(world, move.target)} votes against.`, data: { move: move.id, vote: "against", self: true }, chosen: "against" });
  }
  return { for: forVotes, against, voters: forVotes + against };
}

/** The majority weighs a partial concession: take what is offered, or insist. */
function acceptConcession(ctx: DecisionContext, crisis: Crisis, move: Move): boolean {
  const world = ctx.world;
  const k = world.params.crisis.concession;
  const leader = moveLeader(world, move);
  if (!leader) return true;
  const p = world.principals[leader];
  const kept = postsAtStake(world, move).filter((x) => !crisis.conceded.includes(x));
  const they = pronoun(world, move.target);
  const options: ScoredOption[] = [
    { choice: "accept", label: `Accept ${they.his} offer`, terms: [term("an end without a fight", k.peace), term("restraint", k.restraint * p.traits.restraint)] },
    { choice: "insist", label: "Insist on everything", terms: [term(`what ${they.he} would keep`, k.kept * kept.reduce((s, x) => s + world.posts[x].value, 0)), term(`the danger ${they.he} poses`, k.threat * threat(world, p, move.target)), term("ambition", k.ambition * p.traits.ambition)] },
  ];
  const pick = choose(ctx, { seat: leader, kind: "concession", key: `w${world.week}:concession:${move.id}`, prompt: `${nameOf(world, move.target)} offers to give up part of ${they.his} posts. Accept?`, options });
  record(world, { type: "concession", audience: "public", actor: leader, text: pick.choice === "accept" ? `The majority accepts: ${nameOf(world, move.target)} keeps the post of ${kept.map((x) => world.posts[x].title).join(" and ")}.` : "The majority insists on everything.", options: optionsForLog(options), chosen: pick.choice, data: { move: move.id } });
  if (pick.choice === "accept") move.demand = [...crisis.conceded];
  return pick.choice === "accept";
}

/**
 * After a resignation (or a vote on an absent or ill target) the session has settled it, unless a
 * post the CC elects is at stake: only a plenum can release the First Secretary, so the members are
 * called in and vote (October 1964: the Presidium on the 13th, the plenum on the 14th).
 */
function ratify(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  if (postsAtStake(world, move).some((p) => world.posts[p].powers.includes("firstSecretary"))) {
    record(world, { type: "plenum-to-ratify", audience: "public", text: `Only the Central Committee can release its First Secretary: the Presidium's decision goes to a plenum.`, data: { move: move.id } });
    return callPlenum(ctx, crisis, move, "move");
  }
  settle(ctx, crisis, move, "move", "session", { resigned: crisis.answer === "resign" }, []);
}

// ------------------------------------------------------------------------------------------ plenum

/** The majority would rather put the plenum off and work on the members in town; the members can force it. */
/** `by`: whose call it is (his appeal, or the majority taking a removal the CC must approve to it). */
function callPlenum(ctx: DecisionContext, crisis: Crisis, move: Move, by: "move" | "target"): void {
  const world = ctx.world;
  const k = world.params.crisis.timing;
  crisis.phase = "plenum-called";
  summon(ctx, crisis, move, by);
  // The majority sets the date: at once if it expects the CC to back it, as late as it can if not.
  const leader = moveLeader(world, move);
  const hope = leader ? 1 - targetCcEstimate(world, crisis, move) : 0;
  const options: ScoredOption[] = [
    { choice: "convene", label: "Convene the plenum at once", odds: hope, terms: [term("expected support in the CC", k.convene * (hope - 0.5))] },
    { choice: "delay", label: "Put it off and work on the members", odds: hope, terms: [term("time to win members over", k.delay)] },
  ];
  const pick = leader ? choose(ctx, { seat: leader, kind: "plenum-date", key: `w${world.week}:plenum-date:${move.id}`, prompt: "The plenum must meet. When?", options }) : options[1];
  // At once means as soon as the members can be in the hall: the next day, or when enough have come.
  crisis.plenumDay = pick.choice === "convene" ? soonestPlenum(world, crisis) : crisis.day + k.maxPlenumDelay;
  const wait = crisis.plenumDay - crisis.day;
  record(world, {
    type: "plenum-called",
    audience: "public",
    actor: leader ?? undefined,
    text:
      pick.choice !== "convene"
        ? "A plenum of the Central Committee is to decide; the Presidium majority is in no hurry to convene it."
        : wait === 1
          ? "The Presidium majority calls the plenum for the next day."
          : `The Presidium majority calls the plenum for as soon as the members can be in Moscow, in ${wait} days.`,
    data: { move: move.id },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  collectSignatures(ctx, crisis, move);
}

/**
 * The soonest a plenum can meet: the next day, or the day the quorum will have reached Moscow, and
 * never later than a majority could have put it off (crisis.timing.maxPlenumDelay).
 */
function soonestPlenum(world: World, crisis: Crisis): number {
  return Math.min(Math.max(crisis.day + 1, quorumDay(world, crisis)), crisis.day + world.params.crisis.timing.maxPlenumDelay);
}

/** The crisis day by which the quorum's share of the voting CC will have reached Moscow. */
function quorumDay(world: World, crisis: Crisis): number {
  const days = votingCc(world)
    .map((c) => crisis.arrived[c.id] ?? Infinity)
    .sort((a, b) => a - b);
  if (days.length === 0) return crisis.day;
  return days[Math.min(days.length - 1, Math.max(0, Math.ceil(world.params.crisis.attendance.quorum * days.length) - 1))];
}

/** Members in Moscow who back the target sign a demand for the plenum at once (the June 1957 letters). */
function collectSignatures(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  const k = world.params.crisis.attendance;
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of move.members) sides[m] = "move";
  const voters = votingCc(world);
  const leanOf = contestLeans(world, move, sides);
  for (const c of voters) {
    if (crisis.signatures.includes(c.id) || (crisis.arrived[c.id] ?? Infinity) > crisis.day) continue;
    if (c.pledge === move.id) continue;
    if (leanOf(c) > k.signLean) crisis.signatures.push(c.id);
  }
  if (crisis.signatures.length >= k.demandShare * voters.length) {
    if (crisis.phase !== "plenum-called") {
      crisis.phase = "plenum-called";
      crisis.answer = "plenum";
    }
    crisis.plenumDay = Math.min(crisis.plenumDay ?? Infinity, soonestPlenum(world, crisis));
    if (crisis.sessionEndedDay === null) crisis.sessionEndedDay = crisis.day;
    record(world, { type: "plenum-demanded", audience: "public", text: `${crisis.signatures.length} members of the Central Committee in Moscow demand a plenum at once; the Presidium cannot put it off.`, data: { move: move.id, signatures: crisis.signatures.length } });
  }
}

function plenumWait(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  // The day it was called for, the plenum meets (on the 13th for the 14th, as in October 1964).
  if (crisis.day >= (crisis.plenumDay ?? Infinity)) {
    crisis.phase = "plenum";
    return plenum(ctx, crisis, move);
  }
  collectSignatures(ctx, crisis, move);
  // While it waits, the majority works on the members already in town.
  const k = world.params.crisis.plenumLobby;
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of move.members) sides[m] = "move";
  // A member who said no is not asked again, as in the weeks of lobbying before the strike.
  const leanOf = contestLeans(world, move, sides);
  for (const c of votingCc(world)) {
    if (c.pledge === move.id || (crisis.arrived[c.id] ?? Infinity) > crisis.day || crisis.signatures.includes(c.id) || !mayAskCadre(world, c, move)) continue;
    if (!ctx.rng.chance("crisis", k.reach)) continue;
    if (ctx.rng.chance("crisis", logistic(k.slope * (k.threshold - leanOf(c))))) c.pledge = move.id;
    else c.refused[move.id] = world.date;
  }
}

function plenum(ctx: DecisionContext, crisis: Crisis, move: Move): void {
  const world = ctx.world;
  const k = world.params.crisis.plenum;
  const present = votingCc(world).filter((c) => (crisis.arrived[c.id] ?? Infinity) <= crisis.day);
  const days = crisis.day - (crisis.sessionEndedDay ?? crisis.day);
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of move.members) sides[m] = "move";
  // Members of the leadership vote in the plenum as they spoke; their line is public.
  for (const e of world.log) if (e.type === "presidium-vote" && e.data?.move === move.id && e.actor) sides[e.actor] = e.chosen === "for" ? "move" : "target";
  // Principals who sit in the CC vote with the side they took.
  const leaderSides: [Id, "target" | "move"][] = [];
  const resigned = crisis.answer === "resign";
  for (const id of world.order) {
    const p = world.principals[id];
    if (!canAct(p) || (p.presidium === "none" && !p.secretary)) continue;
    // A man who has asked to be released does not vote to keep himself.
    if (id === move.target && resigned) continue;
    const side = id === move.target ? "target" : sides[id];
    if (side === "target" || side === "move") leaderSides.push([id, side]);
  }
  const principalsFor = leaderSides.filter(([, side]) => side === "target").length;
  const leaders = leaderSides.length;
  record(world, {
    type: "plenum-convened",
    audience: "public",
    text: `The Central Committee plenum meets with ${present.length + leaders} of ${votingCc(world).length + leaders} voting members present (${leaders} of them from the Presidium and the Secretariat).`,
    data: { move: move.id, present: present.length + leaders, days },
  });
  const share = crisis.tally ? crisis.tally.for / Math.max(1, crisis.tally.voters) : 0.5;
  const fear = world.globals.fear;
  const collapse = pledgedCollapse(world, move);
  const askedToGo = `${pronoun(world, move.target).he} has asked to be released`;
  const leanOf = contestLeans(world, move, sides);
  const base = present.map((c) => {
    const pledged = c.pledge === move.id && !collapse;
    return [
      term("his regard for the target and the front", k.lean * leanOf(c)),
      term("pledged to the move", pledged ? -k.pledged : 0),
      term("the Presidium's verdict", -k.verdict * (1 - world.globals.ccArbiter) * (share - 0.5)),
      term("fear of the stronger side", -k.fear * fear * (powerShare(world, frontOf(world, move)) - powerShare(world, move.target))),
      term(askedToGo, resigned ? -k.resigned : 0),
      term("chance", k.chance * ctx.rng.normal("crisis")),
    ];
  });
  // Open voting: members watch the hall. Iterate the cascade to a fixed point.
  const sumOf = (t: { value: number }[]) => t.reduce((s, x) => s + x.value, 0);
  let hall = base.filter((t) => sumOf(t) > 0).length / Math.max(1, present.length);
  for (let i = 0; i < k.cascadeRounds; i++) hall = base.filter((t) => sumOf(t) + k.hallMood * (hall - 0.5) > 0).length / Math.max(1, present.length);
  let forTarget = 0;
  present.forEach((c, i) => {
    const terms = [...base[i], term("the mood of the hall", k.hallMood * (hall - 0.5))];
    const u = sumOf(terms);
    const keep = u > 0;
    if (keep) forTarget++;
    record(world, {
      type: "plenum-vote",
      audience: "public",
      text: `${c.name ?? c.id} (${c.region}) votes ${keep ? "for" : "against"} ${nameOf(world, move.target)}.`,
      data: { move: move.id, member: c.id },
      options: [
        { option: "keep", utility: termValue(u), terms },
        { option: "remove", utility: 0, terms: [] },
      ],
      chosen: keep ? "keep" : "remove",
    });
  });
  for (const [id, side] of leaderSides) {
    record(world, {
      type: "plenum-vote",
      audience: "public",
      actor: id,
      text: `${nameOf(world, id)} (the Presidium) votes ${side === "target" ? "for" : "against"} ${nameOf(world, move.target)}.`,
      data: { move: move.id, member: id },
      options: [
        { option: "keep", utility: side === "target" ? 1 : 0, terms: [term(id === move.target ? `${pronoun(world, id).his} own case` : `the side ${pronoun(world, id).he} took in the Presidium`, side === "target" ? 1 : 0)] },
        { option: "remove", utility: side === "move" ? 1 : 0, terms: [term(`the side ${pronoun(world, id).he} took in the Presidium`, side === "move" ? 1 : 0)] },
      ],
      chosen: side === "target" ? "keep" : "remove",
    });
  }
  const total = present.length + leaders;
  const keepers = forTarget + principalsFor;
  const removers = total - keepers;
  crisis.phase = "done";
  record(world, { type: "plenum-result", audience: "public", text: `The plenum votes ${keepers} for ${nameOf(world, move.target)} and ${removers} against.`, data: { move: move.id, forTarget: keepers, againstTarget: removers, present: total } });
  const plenumRecord = { forTarget: keepers, againstTarget: removers, present: total, days };
  // A tie keeps the target: the move must carry a majority of those present.
  const targetWins = !isMajority(removers, total);
  settle(ctx, crisis, move, targetWins ? "target" : "move", "plenum", { resigned }, airliftKingmakers(world, crisis, targetWins ? "target" : "move"), plenumRecord);
}

/** Pledges bind unless the move has visibly collapsed (the Presidium has turned against it). */
function pledgedCollapse(world: World, move: Move): boolean {
  const crisis = world.crisis;
  return !!crisis?.tally && !isMajority(crisis.tally.for, crisis.tally.voters);
}

/** The organ chiefs whose aircraft brought in the winning side's members decided the plenum. */
function airliftKingmakers(world: World, crisis: Crisis, winner: "target" | "move"): Id[] {
  return transportSides(world, crisis, winner);
}

// ------------------------------------------------------------------------------------------ settle

function closeWithout(ctx: DecisionContext, move: Move, why: string): void {
  const world = ctx.world;
  move.stage = "disbanded";
  world.crisis = null;
  record(world, { type: "crisis-ends", audience: "public", text: `The crisis ends without a decision: ${why}.`, data: { move: move.id } });
}

/** Fates, succession, learning and the contest's record for a contest that has been decided. */
function settle(ctx: DecisionContext, crisis: Crisis, move: Move, winner: "target" | "move", venue: ContestRecord["venue"], how: { resigned: boolean }, kingmakers: Id[], plenumRecord: ContestRecord["plenum"] = null): void {
  const world = ctx.world;
  const k = world.params.crisis.aftermath;
  crisis.phase = "done";
  world.crisis = null;
  move.stage = winner === "move" ? "succeeded" : "failed";
  const force = venue === "force";
  const voteSides: Record<Id, "for" | "against"> = {};
  for (const e of world.log) if (e.type === "presidium-vote" && e.data?.move === move.id && e.actor) voteSides[e.actor] = e.chosen === "for" ? "for" : "against";
  let fates: ContestRecord["fates"] = [];
  let posts: Record<Id, Id> = {};
  const stakes = postsAtStake(world, move);
  if (winner === "move") {
    const winners = [...new Set([...move.members, ...Object.keys(voteSides).filter((v) => voteSides[v] === "for")])].filter((w) => w !== move.target);
    const losesAll = move.demand.length === 0 || stakes.length === world.principals[move.target].posts.length;
    if (losesAll) {
      const seat = world.principals[move.target].presidium;
      // A man retired for his health is pensioned: there is nothing to judge.
      fates = move.open === "health" ? [retireForHealth(world, move)] : decideFates(ctx, winners, [{ loser: move.target, leader: true, resigned: how.resigned, force }]);
      if (seat === "full") promoteAfter(world, move);
    } else {
      for (const p of stakes) if (world.principals[move.target].posts.includes(p)) leavePost(world, move.target, p);
      record(world, { type: "relieved", audience: "public", actor: move.target, text: `${nameOf(world, move.target)} is relieved of the post of ${stakes.map((p) => world.posts[p].title).join(" and ")}; ${pronoun(world, move.target).he} keeps ${pronoun(world, move.target).his} seat.`, data: { move: move.id } });
    }
    posts = shareOutPosts(world, stakes, move.members.filter((m) => m !== move.target), move);
  } else {
    const winners = [move.target, ...Object.keys(voteSides).filter((v) => voteSides[v] === "against")].filter((w) => !move.members.includes(w));
    const cases: FateCase[] = move.open ? [] : move.members.filter((m) => inPlay(world.principals[m])).map((m, i) => ({ loser: m, leader: i === 0, resigned: false, force }));
    const vacated = cases.flatMap((c) => world.principals[c.loser].posts);
    fates = decideFates(ctx, winners, cases);
    posts = shareOutPosts(world, vacated, winners.filter((w) => w !== move.target), null);
    markOpponents(world, move, voteSides);
    if (move.open === "purge") rebuffed(world, move);
    if (move.target === world.primacy && !move.open) world.principals[move.target].prestige = clamp(world.principals[move.target].prestige + k.survivorPrestige);
  }
  announcePosts(world, posts);
  for (const chief of kingmakers) {
    const c = world.principals[chief];
    if (c && inPlay(c)) c.prestige = clamp(c.prestige + k.kingmakerPrestige);
  }
  for (const id of world.order) world.principals[id].beliefs = world.principals[id].beliefs.filter((b) => b.move !== move.id);
  for (const c of world.cadres) if (c.pledge === move.id) c.pledge = null;
  const contest: ContestRecord = {
    date: move.launchedOn ?? world.date,
    endedOn: world.date,
    move: move.id,
    target: move.target,
    demand: [...move.demand],
    initiator: move.initiator,
    members: [...move.members],
    venue: plenumRecord ? "plenum" : venue,
    open: move.open,
    launchedWhileAway: move.launchedWhileAway,
    presidium: crisis.tally,
    answer: crisis.answer,
    plenum: plenumRecord,
    winner,
    fates,
    posts,
    kingmakers,
    fullMembers: crisis.fullMembers,
    armySide: crisis.army.length ? (crisis.sides[crisis.army[0]] ?? "neutral") : "none",
  };
  world.contests.push(contest);
  learnFromContest(world, contest);
  refreshPower(world);
  updatePrimacy(world);
}

/**
 * The man who survived a move now knows who voted to remove him without being of the move: he
 * suspects them (crisis.aftermath.opposedSuspicion, fading as any suspicion does) and holds it
 * against them. So the first man who beat a Presidium majority can later ask it to remove them, one
 * vote at a time: in June 1957 Saburov and Pervukhin lost their full seats at the plenum that saved
 * Khrushchev, Bulganin his premiership in March 1958 and his seat that September.
 */
function markOpponents(world: World, move: Move, voteSides: Record<Id, "for" | "against">): void {
  const k = world.params.crisis.aftermath;
  const survivor = world.principals[move.target];
  if (!inPlay(survivor)) return;
  for (const [id, side] of Object.entries(voteSides)) {
    if (side !== "for" || id === move.target || move.members.includes(id) || !inPlay(world.principals[id])) continue;
    survivor.suspicion[id] = Math.max(survivor.suspicion[id] ?? 0, k.opposedSuspicion);
    survivor.grievances.push({ against: id, cause: `voted to remove ${pronoun(world, move.target).him}`, weight: k.opposedGrievance, date: world.date });
  }
}

/** A purge the Presidium refuses: it costs the man who asked for it (rebuff), and he does not ask again for a while. */
function rebuffed(world: World, move: Move): void {
  world.memory.proposals[`purge:${move.target}`] = world.date;
  rebuff(world, move.initiator, move.target, world.params.crisis.aftermath.rebuffPrestige, `${pronoun(world, move.initiator).he} tried to have ${pronoun(world, move.target).him} removed`, { move: move.id });
}

/**
 * A motion against a colleague that the Presidium refuses (a purge, a bid for his post) costs the man
 * who put it `prestige`, and some of every other colleague's regard; the colleague it was aimed at
 * keeps a grievance (`cause`). Everyone sees it (`data`: what the log entry names).
 */
export function rebuff(world: World, proposer: Id, victim: Id, prestige: number, cause: string, data: Record<string, string>): void {
  const k = world.params.crisis.aftermath;
  const first = world.principals[proposer];
  first.prestige = clamp(first.prestige - prestige);
  world.principals[victim].grievances.push({ against: proposer, cause, weight: k.rebuffGrievance, date: world.date });
  for (const id of world.order) {
    const p = world.principals[id];
    if (id !== proposer && id !== victim && inPlay(p)) p.regard[proposer] = clamp((p.regard[proposer] ?? 0) - k.rebuffRegard, -1, 1);
  }
  record(world, { type: "rebuff", audience: "public", actor: proposer, text: `The Presidium's refusal is a blow to ${nameOf(world, proposer)}'s standing.`, data });
}

function retireForHealth(world: World, move: Move): ContestRecord["fates"][number] {
  record(world, { type: "fate", audience: "public", actor: move.target, text: `${nameOf(world, move.target)} is released from ${pronoun(world, move.target).his} duties "for reasons of age and health" and retired on a pension.`, data: { fate: "retired", proposedBy: move.initiator } });
  applyFate(world, move.target, "retired");
  return { who: move.target, fate: "retired", proposedBy: move.initiator, softenedBy: [] };
}

/** Members of a winning move who were candidates take full seats (the vacated seat and more). */
function promoteAfter(world: World, move: Move): void {
  for (const m of move.members) {
    const p = world.principals[m];
    if (canAct(p) && p.presidium === "candidate") {
      p.presidium = "full";
      record(world, { type: "promotion", audience: "public", actor: m, text: `${nameOf(world, m)} becomes a full member of the Presidium.` });
    }
  }
}

export function presumedCadre(world: World, id: Id): Cadre | undefined {
  return cadreById(world, id);
}

export function grievanceToward(world: World, who: Id, against: Id): number {
  return grievanceAgainst(world.principals[who], against);
}
