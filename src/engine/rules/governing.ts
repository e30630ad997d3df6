// Governing (MODEL.md section 4): the verbs every character has besides conspiring. Appointments to
// job slots (the circular flow of power), policies proposed and voted on, trips taken, colleagues and
// constituencies courted, compromising material gathered and used, posts demanded, vacancies filled,
// suspects purged (by a vote, never by decree), and the long-ill retired. Each verb is an option with
// the terms the character weighs; the AI and a human seat choose among the same options.
import { isHuman, term, type DecisionContext, type ScoredOption } from "../ai/choice.js";
import { addDays, daysBetween, WEEK_DAYS } from "../calendar.js";
import { chooserPronoun, byGender, genderOf, listNames, nameOf, pronoun, record, yourPronouns, type Pronouns } from "../log.js";
import { cadreById, dominance, powerShare, refreshPower, updatePrimacy } from "../power.js";
import { adoptedInRun, canAct, clamp, commandsOrgans, fullSeats, grievanceAgainst, hasPower, inPlay, isActive, leavePost, logistic, outranks, postCommandsForce, postsInOrder, presidiumVoters, principalsInOrder, regardOf, takePost, topPostValue, trustOf, votingCc } from "../queries.js";
import { dangersTo, disaffection, threat, tie } from "../relations.js";
import type { Cadre, Id, PolicyState, Principal, Reason, World } from "../state.js";
import type { PowerName } from "../scenario/names.js";
import { IDEOLOGY_SPAN, majorityOf } from "../units.js";
import { appointerFor, appointToSlot, attitude, ccNominee, moveMood, moveRowMood, nomineeName, nomineePatron, raiseFromCc, slotById } from "./cadres.js";
import { ownRowMoods, rowEffect, rowMix } from "../constituencies.js";
import { launch, rebuff, travellerMatches } from "./crisis.js";
import { confront, confrontOption } from "./confront.js";
import { warn } from "./detection.js";
import { expectedLoss, knownMembersOf, motiveNames, startMove } from "./moves.js";
import { putToVote } from "./presidium.js";
import { beyondTheNorm } from "./collective.js";
import { arrestChance, atLeastOf, removalVoteOdds, tallyDistribution } from "./estimate.js";
import { announcePosts, claimScore, organsHeldTooPenalty } from "./succession.js";
import { learnFromRatification, shiftFear } from "./learning.js";

// ------------------------------------------------------------------------------------------ courting

/**
 * The reasons of the weekly menu that name a man, made once for each gender: every active man's menu
 * is built every week (the Monte Carlo path), and a template per reason would build each string anew.
 * `they` is the man weighed (the colleague courted or overruled; his power and danger are named as in
 * the motive, motiveNames), `own` the man choosing.
 */
const menuNames = byGender((they) => ({
  room: `room to win ${they.him} over`,
  domain: `${they.his} own domain`,
}));
/** The reasons of a man's own menu that name him; `you` for a player's, whose verbs agree with "you". */
function ownNamesOf(own: Pronouns, you: boolean) {
  return {
    decides: `their weight in the CC, where ${own.he} ${you ? "think" : "thinks"} it decides`,
    line: `${own.his} own line`,
    hold: `${own.his} hold on the leadership`,
    away: `what might happen in Moscow while ${own.he} ${you ? "are" : "is"} away`,
    carried: `${own.his} own line carried`,
    judgement: `confidence in ${own.his} own judgement`,
    claim: `${own.his} claim against the strongest other`,
  };
}

const ownNames = { ...byGender((own) => ownNamesOf(own, false)), you: ownNamesOf(yourPronouns, true) };

/** The reasons that name the man choosing, in the words he reads them in ("your own line" for a player). */
function ownWords(world: World, actor: Id): ReturnType<typeof ownNamesOf> {
  return ownNames[isHuman(world, actor) ? "you" : genderOf(world, actor)];
}

/**
 * The colleague whose goodwill is worth most to him this week: power, danger, and room to improve.
 * `dangerOf(q)`: threat(world, actor, q), as for bestTarget.
 */
export function courtTarget(world: World, actor: Id, dangerOf: (q: Id) => number = dangersTo(world, world.principals[actor])): Id | null {
  const k = world.params.governing.court;
  let best: Id | null = null;
  let bestValue = -Infinity;
  for (const other of principalsInOrder(world)) {
    const q = other.id;
    if (q === actor || !canAct(other) || other.outside) continue;
    const value = k.power * powerShare(world, q) + k.threat * dangerOf(q) + k.room * (1 - Math.max(0, regardOf(other, actor)));
    if (value > bestValue) {
      best = q;
      bestValue = value;
    }
  }
  return best;
}

function courtOptions(world: World, actor: Id, out: ScoredOption[]): void {
  const k = world.params.governing.court;
  const a = world.principals[actor];
  const q = world.weekly.courtTargets[actor] ?? null;
  if (q !== null) {
    out.push({
      choice: "court",
      target: q,
      label: `Cultivate ${nameOf(world, q)}`,
      terms: [
        term("effort", -k.cost),
        term(motiveNames[genderOf(world, q)].power, k.power * powerShare(world, q) * a.traits.ambition),
        term(motiveNames[genderOf(world, q)].danger, k.threat * threat(world, a, q)),
        term(menuNames[genderOf(world, q)].room, k.room * (1 - Math.max(0, regardOf(world.principals[q], actor)))),
      ],
    });
  }
  // The constituency with the most CC seats where his standing has most room to grow.
  let bestRow: World["rows"][number] | null = null;
  let bestValue = 0;
  const shares = rowSeatShares(world);
  const moods = ownRowMoods(world, actor);
  for (let i = 0; i < world.rows.length; i++) {
    const row = world.rows[i];
    const value = shares[i] * (1 - Math.max(0, moods[i]));
    if (!bestRow || value > bestValue) {
      bestRow = row;
      bestValue = value;
    }
  }
  if (bestRow) {
    out.push({
      choice: "court-constituency",
      target: bestRow.id,
      label: `Court the ${bestRow.label.toLowerCase()}`,
      terms: [term("effort", -k.cost), term(ownWords(world, actor).decides, k.constituency * a.traits.ambition * a.believesCcDecides * bestValue)],
    });
  }
}

/**
 * Each row's share of the voting CC's seats as read this week, in world.rows order: the same for
 * every man weighing which constituency to court, so kept per week's reading of the seats.
 */
function rowSeatShares(world: World): number[] {
  const seats = world.weekly.seatsByRow;
  const voting = votingCc(world).length || 1;
  let memo = seatShares.get(seats);
  if (!memo || memo.voting !== voting) {
    memo = { voting, shares: world.rows.map((row) => (seats[row.id] ?? 0) / voting) };
    seatShares.set(seats, memo);
  }
  return memo.shares;
}

const seatShares = new WeakMap<World["weekly"]["seatsByRow"], { voting: number; shares: number[] }>();

function court(ctx: DecisionContext, actor: Id, q: Id): void {
  const world = ctx.world;
  const k = world.params.governing.court;
  const other = world.principals[q];
  const a = world.principals[actor];
  other.regard[actor] = clamp(regardOf(other, actor) + k.regardGain * (k.gainBase + a.traits.competence), -1, 1);
  other.trust[actor] = clamp(trustOf(other, actor) + k.trustGain, -1, 1);
  record(world, { type: "court", audience: [actor, q], actor, text: `${nameOf(world, actor)} cultivates ${nameOf(world, q)}.`, data: { target: q } });
}

function courtConstituency(ctx: DecisionContext, actor: Id, row: Id): void {
  const world = ctx.world;
  const k = world.params.governing.court;
  const a = world.principals[actor];
  moveRowMood(world, row, actor, k.moodGain * (k.gainBase + a.prestige));
  record(world, { type: "court-constituency", audience: "public", actor, text: `${nameOf(world, actor)} receives delegations of the ${rowWords(world, row)}.`, data: { row } });
}

/**
 * Voting CC seats per row (they change only at a congress): counted once per list of the voting
 * members (votingCc keeps one until the seats change), for the week's reading to compare.
 */
export function votingSeatsByRow(world: World): Readonly<Record<Id, number>> {
  const voting = votingCc(world);
  let out = seatsByRowMemo.get(voting);
  if (!out) {
    const seats: Record<Id, number> = {};
    for (const c of voting) seats[c.row] = (seats[c.row] ?? 0) + 1;
    seatsByRowMemo.set(voting, (out = seats));
  }
  return out;
}

const seatsByRowMemo = new WeakMap<readonly Cadre[], Readonly<Record<Id, number>>>();

// ------------------------------------------------------------------------------------- appointments

/** Who appoints to the rows' slots: each appointing power's appointer (appointerFor), by power. */
export type Appointers = ReadonlyMap<World["rows"][number]["appointedBy"], Id | null>;

/**
 * The appointer of every power some row is appointed by. Many rows share an appointing power, and
 * the week's reading asks for everyone's slots while the world stands still: it finds each once.
 */
export function appointersOf(world: World): Appointers {
  const out = new Map<World["rows"][number]["appointedBy"], Id | null>();
  for (const r of world.rows) if (r.appointedBy !== "none" && !out.has(r.appointedBy)) out.set(r.appointedBy, appointerFor(world, r.appointedBy));
  return out;
}

/** The slot he would most like to fill with his own man, among those his powers appoint to, and its worth. */
export function appointmentTarget(world: World, actor: Id, appointers: Appointers = appointersOf(world)): { slot: Id; value: number } | null {
  const mine = new Set<Id>();
  for (const r of world.rows) if (r.appointedBy !== "none" && appointers.get(r.appointedBy) === actor) mine.add(r.id);
  if (mine.size === 0) return null;
  let best: { slot: Id; value: number } | null = null;
  for (const slot of world.slots) {
    if (!mine.has(slot.row)) continue;
    const value = slotWorth(world, actor, slot);
    if (value !== null && (!best || value > best.value)) best = { slot: slot.id, value };
  }
  return best;
}

/**
 * What putting his own man in a slot is worth to the appointer: a post is worth filling when it is
 * empty, or its holder is against him, or someone else's man. Null when it is his man already.
 */
function slotWorth(world: World, actor: Id, slot: World["slots"][number]): number | null {
  const k = world.params.governing.appoint;
  const holder = slot.holder !== null ? cadreById(world, slot.holder) : undefined;
  if (holder?.patron === actor) return null;
  const patronPower = holder?.patron ? powerShare(world, holder.patron) : 0;
  const need = !holder ? 1 : Math.max(0, -attitude(world, holder, actor)) * k.disloyal + (holder.patron !== null ? k.rivalClient : 0);
  return (slot.seat === "voting" ? 1 : k.candidateSeat) * need - k.patronPower * patronPower;
}

/** Appointments his row has seen lately (a shake-up unsettles the whole constituency). */
function recentShakeUp(world: World, row: Id): number {
  const since = addDays(world.date, -world.params.governing.appoint.memoryWeeks * WEEK_DAYS);
  return world.memory.shakeUps.filter((s) => s.row === row && s.date >= since).length;
}

/** A constituency's name as a plural noun inside a sentence ("the regional party first secretaries"). */
function rowWords(world: World, row: Id): string {
  return (world.rows.find((r) => r.id === row)?.label ?? row).toLowerCase();
}

/**
 * The holder of a slot in words: his name where history gives one, else one of his constituency;
 * with his patron, if he has one, since that is whom the appointment offends.
 */
function holderWords(world: World, holder: Cadre, row: Id): string {
  const one = world.rows.find((r) => r.id === row)?.one ?? `one of the ${rowWords(world, row)}`;
  const patron = holder.patron ? `${nameOf(world, holder.patron)}'s man` : null;
  if (holder.name) return `${holder.name} (${one}${patron ? `; ${patron}` : ""})`;
  return patron ? `${one} (${patron})` : one;
}

/**
 * What an appointment does, as a verb and its object, for the option, the Presidium's vote and the
 * log alike: "replace" the holder (holderWords), or "fill" a vacant place among his constituency.
 */
function appointmentWords(world: World, holder: Cadre | undefined, row: Id): { verb: "replace" | "fill"; object: string } {
  return holder ? { verb: "replace", object: holderWords(world, holder, row) } : { verb: "fill", object: `a vacant place among the ${rowWords(world, row)}` };
}

function appointOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.appoint;
  const a = world.principals[actor];
  const chosen = world.weekly.appointTargets[actor];
  const slot = chosen ? slotById(world, chosen.slot) : undefined;
  // The slot he chose when he last looked may since have been filled with his own man.
  const value = slot ? slotWorth(world, actor, slot) : null;
  if (!slot || value === null) return null;
  const holder = slot.holder !== null ? cadreById(world, slot.holder) : undefined;
  const nextCongress = world.congresses.find((c) => c.date > world.date && c.electsCc);
  const congressSoon = nextCongress ? clamp(1 - daysBetween(world.date, nextCongress.date) / (k.congressHorizonWeeks * WEEK_DAYS)) : 0;
  const displaced = holder?.patron ?? null;
  const { verb, object } = appointmentWords(world, holder, slot.row);
  return {
    choice: "appoint",
    target: slot.id,
    label: `${verb === "replace" ? "Replace" : "Fill"} ${object} with a man of ${chooserPronoun(world, actor).his} own`,
    terms: [
      term("effort", -k.cost),
      term("a client in the post", k.client * a.traits.ambition * value),
      term("a congress is coming", k.congress * congressSoon),
      term("his patron's anger", -k.anger * (displaced ? powerShare(world, displaced) : 0)),
      term("unsettling the constituency", -k.unsettle * recentShakeUp(world, slot.row)),
    ],
  };
}

function appoint(ctx: DecisionContext, actor: Id, slotId: Id): void {
  const world = ctx.world;
  const k = world.params.governing.appoint;
  const slot = slotById(world, slotId);
  if (!slot) return;
  const row = world.rows.find((r) => r.id === slot.row)!;
  const old = slot.holder !== null ? cadreById(world, slot.holder) : undefined;
  const { verb, object } = appointmentWords(world, old, row.id);
  if (row.senior) {
    const consent = putToVote(ctx, {
      proposer: actor,
      what: `to ${verb} ${object} with a man of ${pronoun(world, actor).his} own`,
      key: `appoint:${slotId}`,
      termsFor: (v) => [term(`${chooserPronoun(world, v).his} own man would go`, old?.patron === v ? -k.consentOwnMan : 0)],
    });
    if (!consent.passed) return;
  }
  // A named figure waiting in the reserve is preferred when he is the appointer's man.
  const reserve = world.cadres.find((c) => c.slot === null && c.seat === null && c.row === slot.row && c.patron === actor && c.name !== null);
  const newcomer = appointToSlot(ctx, slot, actor, reserve ?? null);
  const displaced = old?.patron ?? null;
  if (displaced && displaced !== actor && inPlay(world.principals[displaced])) {
    world.principals[displaced].grievances.push({ against: actor, cause: `${pronoun(world, displaced).his} man among the ${rowWords(world, row.id)} was replaced`, weight: k.grievance, date: world.date });
  }
  moveRowMood(world, slot.row, actor, -k.insecurity);
  const forget = addDays(world.date, -k.memoryWeeks * WEEK_DAYS);
  world.memory.shakeUps = [...world.memory.shakeUps.filter((s) => s.date >= forget), { row: slot.row, date: world.date }];
  record(world, {
    type: "appoint",
    audience: "public",
    actor,
    text: `${nameOf(world, actor)} ${verb}s ${object} with ${newcomer.name ?? `one of ${pronoun(world, actor).his} own men`}.`,
    data: { row: slot.row, slot: slotId, displaced, newcomer: newcomer.id },
  });
}

// ----------------------------------------------------------------------------------------- policies

/**
 * How far a policy's line suits a man (-1..1): 1 on his own line, 0 at the distance he tolerates,
 * and against it beyond.
 */
function alignment(world: World, id: Id, line: number): number {
  const tolerance = world.params.governing.policy.tolerance;
  return clamp((tolerance - Math.abs(world.principals[id].traits.ideology - line)) / tolerance, -1, 1);
}

/** The regard a champion stands to gain or lose with the CC's constituencies, weighted by seats. */
function credit(world: World, policy: PolicyState): number {
  // The same for every proposer all week: kept per week's reading of the seats (a policy's effects never change).
  let byPolicy = creditMemo.get(world.weekly.seatsByRow);
  if (!byPolicy) creditMemo.set(world.weekly.seatsByRow, (byPolicy = new Map()));
  let value = byPolicy.get(policy.id);
  if (value === undefined) {
    value = weighCredit(world, policy);
    byPolicy.set(policy.id, value);
  }
  return value;
}

const creditMemo = new WeakMap<World["weekly"]["seatsByRow"], Map<Id, number>>();

function weighCredit(world: World, policy: PolicyState): number {
  let sum = 0;
  let voting = 0;
  for (const [row, seats] of Object.entries(world.weekly.seatsByRow)) {
    voting += seats;
    sum += seats * rowEffect(world, row, policy.effects);
  }
  return voting ? sum / voting : 0;
}

/** The policies `actor` may propose this week: those open to a proposal that his powers let him make. */
function proposable(world: World, actor: Id): PolicyState[] {
  return openPolicies(world).filter((p) => hasPower(world, actor, p.proposer));
}

/**
 * The policies anyone with the power could propose this week. Every man's menu asks, and they
 * change only with the date, a new public signal (a failure a policy answers), or when a policy is
 * proposed or adopted (policiesChanged): kept per world until then.
 */
function openPolicies(world: World): OpenPolicy[] {
  const memo = openPoliciesMemo.get(world);
  if (memo && memo.date === world.date && memo.signals === world.signals.length) return memo.policies;
  const policies = world.policies.filter((p): p is OpenPolicy => barOf(world, p) === null);
  openPoliciesMemo.set(world, { date: world.date, signals: world.signals.length, policies });
  return policies;
}

const openPoliciesMemo = new WeakMap<World, { date: string; signals: number; policies: OpenPolicy[] }>();

/** Why a policy cannot be proposed this week (see whyBarred): a tag, so that the menus, which ask every week, build no words. */
type Bar = "in-force" | "dropped" | "no-proposer" | "no-power" | "too-early" | "no-congress" | "needs" | "unanswered" | "lately";

/**
 * The first reason a policy cannot be proposed this week, or null if it can be (by whoever holds the
 * power to propose it; with `seat`, also his lack of that power). The menus (openPolicies) and the
 * player's view (whyBarred) both ask here, so what a player is told is what the model does.
 */
function barOf(world: World, p: PolicyState, seat?: Id): Bar | null {
  if (p.inForce) return "in-force";
  // A policy once adopted and then dropped is not adopted again.
  if (p.adoptedOn !== null) return "dropped";
  if (p.proposer === "none") return "no-proposer";
  if (seat !== undefined && !hasPower(world, seat, p.proposer)) return "no-power";
  if (p.from !== undefined && p.from > world.date) return "too-early";
  if (p.atCongress && !congressThisWeek(world)) return "no-congress";
  if (!p.requires.every((r) => world.policies.some((x) => x.id === r && x.inForce))) return "needs";
  if (p.answers !== undefined && !answered(world, p)) return "unanswered";
  if ((world.memory.proposals[p.id] ?? "") > addDays(world.date, -world.params.governing.policy.retryWeeks * WEEK_DAYS)) return "lately";
  return null;
}

/** Why a policy cannot be proposed this week, in words for a player, or null if it can be (barOf). */
export function whyBarred(world: World, p: PolicyState, seat?: Id): string | null {
  const bar = barOf(world, p, seat);
  return bar === null ? null : barWords[bar](world, p);
}

const barWords: Record<Bar, (world: World, p: PolicyState) => string> = {
  "in-force": () => "already in force",
  dropped: () => "adopted once and since dropped: it is not brought back",
  "no-proposer": () => "nobody can propose it",
  "no-power": (_, p) => `only the holder of the ${powerWords[p.proposer] ?? p.proposer} can propose it`,
  "too-early": (_, p) => `not before ${p.from}`,
  "no-congress": () => "only at a party congress",
  needs: (world, p) => `needs first: ${p.requires.map((r) => world.policies.find((x) => x.id === r)?.name ?? r).join(", ")}`,
  unanswered: (world, p) => `only in answer to a failure like “${failureExample(world, p.answers!)}”, and none has come since ${answerSince(world, p)}`,
  lately: () => "voted on lately: it cannot be put again yet",
};

/** A failure of a kind, in the words of the first event in the file that gives it (the scenario's check ensures one does). */
function failureExample(world: World, kind: string): string {
  return world.events.find((e) => e.effects.signal?.kind === kind && e.effects.signal.severity > 0)?.title ?? kind;
}

/** What each power is, in words, for a player told why he cannot propose something. */
const powerWords: Record<string, string> = {
  firstSecretary: "First Secretary's post",
  chairsPresidium: "chair of the Presidium",
  government: "Council of Ministers",
  secondSecretary: "Second Secretary's duties",
  cadres: "Secretariat's cadres work",
  security: "security organs",
  army: "Ministry of Defence",
  transport: "aircraft and special trains",
  archives: "archives",
  headOfState: "head of state's post",
  economy: "economic planning",
  ideology: "ideology portfolio",
  control: "control commission",
  diplomacy: "Foreign Ministry",
  republic: "leadership of a republic",
};

function congressThisWeek(world: World): boolean {
  const weekEnd = addDays(world.date, WEEK_DAYS);
  return world.congresses.some((c) => c.date >= world.date && c.date < weekEnd);
}

/** A policy someone may propose: one with a proposing power. */
type OpenPolicy = PolicyState & { proposer: PowerName };

/**
 * Whether the failure a policy answers has come: a public signal of its kind, and a bad one (a
 * record harvest is a signal too), since answerSince.
 */
export function answered(world: World, policy: PolicyState): boolean {
  const since = answerSince(world, policy);
  return world.signals.some((s) => s.kind === policy.answers && s.severity > 0 && s.date >= since);
}

/**
 * Since when a failure counts as one a policy answers: the start, or the week after the last of the
 * policies it requires was adopted in the run. Not the week itself: that week's events came before
 * the adoption (and a dated one may carry a later day of it), so its failure is the one the
 * prerequisite answered, not a new one.
 */
export function answerSince(world: World, policy: PolicyState): string {
  let since = world.start;
  for (const r of policy.requires) {
    const x = world.policies.find((q) => q.id === r);
    if (!x || !adoptedInRun(x)) continue;
    const after = addDays(x.adoptedOn!, WEEK_DAYS);
    if (after > since) since = after;
  }
  return since;
}

/** Drops the policies open to a proposal after one is proposed or adopted. */
function policiesChanged(world: World): void {
  openPoliciesMemo.delete(world);
}

function policyOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.policy;
  const a = world.principals[actor];
  let best: ScoredOption | null = null;
  let bestU = -Infinity;
  const candidates = proposable(world, actor);
  const recent = candidates.length ? recentReorganisations(world) : 0;
  for (const p of candidates) {
    const aggrieved = Object.entries(p.aggrieves).reduce((s, [who, w]) => s + (inPlay(world.principals[who]) ? w : 0), 0);
    const terms = [
      term("effort and risk of defeat", -k.cost),
      term(ownWords(world, actor).line, k.line * alignment(world, actor, p.line)),
      term("credit with the constituencies", k.credit * a.traits.ambition * credit(world, p)),
      term("prestige", k.prestige * p.prestige),
      term("colleagues it would anger", -k.aggrieves * aggrieved),
      ...exposureTerms(world, actor, p),
      term(ownWords(world, actor).hold, k.consolidation * powerShare(world, actor)),
      term("reorganisations the apparatus is still absorbing", p.reorganises ? -k.pace * recent : 0),
    ];
    const u = terms.reduce((s, t) => s + t.value, 0);
    if (u > bestU) {
      bestU = u;
      best = { choice: "propose-policy", target: p.id, label: `Propose: ${p.name}`, terms };
    }
  }
  return best;
}

/**
 * Reorganisations adopted during the run within the last `paceWeeks`: the apparatus is still
 * carrying them out, and the next one must wait its turn (Khrushchev's reforms came a year or two
 * apart, each announced as the answer to the last one's troubles).
 */
function recentReorganisations(world: World): number {
  const since = addDays(world.date, -world.params.governing.policy.paceWeeks * WEEK_DAYS);
  let n = 0;
  for (const p of world.policies) if (p.reorganises && adoptedInRun(p) && p.adoptedOn! > since) n++;
  return n;
}

function proposePolicy(ctx: DecisionContext, actor: Id, policyId: Id): void {
  const world = ctx.world;
  const k = world.params.governing.policy;
  const policy = world.policies.find((p) => p.id === policyId);
  if (!policy) return;
  world.memory.proposals[policy.id] = world.date;
  policiesChanged(world);
  const result = putToVote(ctx, {
    proposer: actor,
    // The name as the file writes it, quoted: lower-casing it would make 'Stalin's great construction
    // projects' read 'stalin's'.
    what: `“${policy.name}”`,
    key: `policy:${policy.id}`,
    termsFor: (v) => [
      term(`${chooserPronoun(world, v).his} own line`, k.voteLine * alignment(world, v, policy.line)),
      term(`what it does to ${chooserPronoun(world, v).his} clients' constituencies`, k.voteClients * clientsEffect(world, v, policy)),
      term(`it hurts ${chooserPronoun(world, v).him} personally`, -k.voteAggrieved * (policy.aggrieves[v] ?? 0)),
    ],
  });
  record(world, { type: "policy", audience: "public", actor, text: result.passed ? `The Presidium adopts ${nameOf(world, actor)}'s proposal: ${policy.name}.` : `${nameOf(world, actor)}'s proposal (${policy.name}) is voted down.`, data: { policy: policy.id, passed: result.passed } });
  if (!result.passed) {
    const a = world.principals[actor];
    a.prestige = clamp(a.prestige - k.defeat);
    return;
  }
  adopt(world, policy, actor, result.yes.filter((y) => y !== actor), result.no);
}

function clientsEffect(world: World, voter: Id, policy: PolicyState): number {
  let sum = 0;
  let n = 0;
  for (const c of world.cadres) {
    if (c.patron !== voter || c.seat === null || !rowMix(world, c.row)) continue;
    n++;
    sum += rowEffect(world, c.row, policy.effects);
  }
  return n ? sum / n : 0;
}

export function adopt(world: World, policy: PolicyState, champion: Id, supporters: Id[], opponents: Id[]): void {
  const k = world.params.governing.policy;
  policy.inForce = true;
  policy.champion = champion;
  policy.supporters = supporters;
  policy.opponents = opponents;
  policy.adoptedOn = world.date;
  for (const [c, effect] of Object.entries(policy.effects)) {
    moveMood(world, c, champion, effect);
    for (const s of supporters) moveMood(world, c, s, effect * k.supporterShare);
    for (const o of opponents) moveMood(world, c, o, -effect * k.opponentShare);
  }
  if (policy.globals.fear !== undefined) shiftFear(world, policy.globals.fear);
  if (policy.globals.ccArbiter !== undefined) world.globals.ccArbiter = clamp(world.globals.ccArbiter + policy.globals.ccArbiter);
  const c = world.principals[champion];
  c.prestige = clamp(c.prestige + policy.prestige);
  persuade(world, policy);
  for (const [who, weight] of Object.entries(policy.aggrieves)) {
    const p = world.principals[who];
    if (!p || !inPlay(p) || who === champion) continue;
    p.grievances.push({ against: champion, cause: policy.name, weight, date: world.date });
    p.regard[champion] = clamp(regardOf(p, champion) - k.aggrievedOpinion * weight, -1, 1);
  }
  exposePasts(world, policy);
  for (const other of world.policies) if (policy.replaces.includes(other.id)) other.inForce = false;
  policiesChanged(world);
  refreshPower(world);
}

/**
 * What a policy brings to light moves the men who read it, the full and candidate members of the Presidium and the
 * Secretariat, toward its line by `persuades`, never past it; a man already at or beyond its end of
 * the scale is not pulled back (the Pospelov commission's report of February 1956 moved even
 * Molotov to grant that "it must be said at the congress").
 */
function persuade(world: World, policy: PolicyState): void {
  const towards = Math.sign(policy.line);
  if (!policy.persuades || !towards) return;
  const moved: Id[] = [];
  for (const p of principalsInOrder(world)) {
    if (!inPlay(p) || (p.presidium === "none" && !p.secretary)) continue;
    const gap = policy.line - p.traits.ideology;
    if (Math.sign(gap) !== towards) continue;
    p.traits.ideology += towards * Math.min(Math.abs(gap), policy.persuades);
    moved.push(p.id);
  }
  // Each man knows his own mind changed; the others can only guess it from how he votes.
  for (const id of moved) record(world, { type: "persuaded", audience: [id], actor: id, text: `What “${policy.name}” brings to light moves ${nameOf(world, id)} toward its line.`, data: { policy: policy.id, line: world.principals[id].traits.ideology } });
}

/** The men a policy exposes who are still in play, in rank order, each with the part of his record it makes known. */
function exposedBy(world: World, policy: PolicyState): [Id, number][] {
  const exposed: [Id, number][] = [];
  for (const p of principalsInOrder(world)) {
    const amount = (policy.exposes[p.id] ?? 0) * p.record;
    if (inPlay(p) && amount > 0) exposed.push([p.id, amount]);
  }
  return exposed;
}

const NO_TERMS: readonly Reason[] = [];

function namesAnyone(shares: Record<Id, number>): boolean {
  for (const _ in shares) return true;
  return false;
}

/** A policy that lays the repressions open taints the men it names, as material used on them would. */
function exposePasts(world: World, policy: PolicyState): void {
  if (!namesAnyone(policy.exposes)) return;
  const exposed = exposedBy(world, policy);
  for (const [id, amount] of exposed) taint(world, id, amount);
  if (exposed.length) {
    const ids = exposed.map(([id]) => id);
    record(world, { type: "exposure", audience: "public", text: `With “${policy.name}”, the part ${listNames(world, ids)} played in the repressions comes out.`, data: { policy: policy.id, exposed: ids } });
  }
}

/**
 * How a proposer weighs what a policy exposes: each rival's taint as material used on him
 * (materialValue), his own as the prestige he would lose.
 */
function exposureTerms(world: World, actor: Id, policy: PolicyState): readonly Reason[] {
  // Most policies expose nobody, and every menu weighs every open policy: nothing is read or built for them.
  if (!namesAnyone(policy.exposes)) return NO_TERMS;
  const exposed = exposedBy(world, policy);
  if (!exposed.length) return NO_TERMS;
  const k = world.params.governing.kompromat;
  const a = world.principals[actor];
  let gain = 0;
  let own = 0;
  for (const [id, amount] of exposed) {
    if (id === actor) own = amount;
    else gain += amount * materialValue(world, a, id);
  }
  const terms = [term("rivals whose past it would expose", k.damageValue * gain)];
  if (own > 0) terms.push(term(`${chooserPronoun(world, actor).his} own past exposed`, -world.params.governing.policy.prestige * k.prestigeDamage * own));
  return terms;
}

// ------------------------------------------------------------------------------------------- trips

/**
 * The trip offers open today and not yet taken, in the scenario's order. Every principal asks every
 * week, and a long scenario has many trips: kept until the date moves or a trip is taken or lapses
 * (trips done are only ever added).
 */
export function openTrips(world: World): World["trips"] {
  const memo = openTripsMemo.get(world);
  if (memo && memo.date === world.date && memo.done === world.tripsDone.length) return memo.trips;
  const trips = world.trips.filter((t) => t.from <= world.date && world.date <= t.until && !world.tripsDone.includes(t.id));
  openTripsMemo.set(world, { date: world.date, done: world.tripsDone.length, trips });
  return trips;
}

const openTripsMemo = new WeakMap<World, { date: string; done: number; trips: World["trips"] }>();

function tripOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.travel;
  const a = world.principals[actor];
  if (a.location) return null;
  // Of the journeys open to him now, the most prestigious (the one that closes first on a tie).
  let offer: World["trips"][number] | null = null;
  for (const t of openTrips(world)) {
    if (!travellerMatches(world, t.traveller, actor)) continue;
    if (!offer || t.prestige > offer.prestige || (t.prestige === offer.prestige && t.until < offer.until)) offer = t;
  }
  if (!offer) return null;
  const danger = Math.max(0, ...Object.values(a.suspicion)) + (a.beliefs.some((b) => b.target === actor) ? k.knownMove : 0);
  return {
    choice: "travel",
    target: offer.id,
    label: `Go to ${offer.place} (${offer.days} days)`,
    terms: [
      term("appetite for travel", k.appetite * (a.travel - 0.5)),
      term("prestige of the journey", k.prestige * offer.prestige),
      term("contacts in the regions", offer.constituency !== undefined ? k.contacts : 0),
      term(ownWords(world, actor).away, -k.danger * danger * (1 - a.traits.overconfidence)),
      term("a standing reason to go", k.base),
    ],
  };
}

function travel(ctx: DecisionContext, actor: Id, tripId: Id): void {
  const world = ctx.world;
  const k = world.params.governing.travel;
  const offer = world.trips.find((t) => t.id === tripId);
  if (!offer) return;
  const a = world.principals[actor];
  world.tripsDone.push(offer.id);
  // One journey, however many of his posts it was offered to: a man who is both First Secretary and
  // Premier goes to Belgrade once, and the Premier's offer of it is spent with the party head's.
  for (const t of world.trips) {
    if (t.place === offer.place && t.from <= offer.until && offer.from <= t.until && !world.tripsDone.includes(t.id) && travellerMatches(world, t.traveller, actor)) world.tripsDone.push(t.id);
  }
  a.location = { place: offer.place, trip: offer.id, until: addDays(world.date, offer.days), returnDays: offer.returnDays };
  a.prestige = clamp(a.prestige + offer.prestige);
  if (offer.constituency !== undefined) moveMood(world, offer.constituency, actor, k.contactGain);
  record(world, { type: "trip", audience: "public", actor, text: `${nameOf(world, actor)} leaves Moscow for ${offer.place}.`, data: { trip: offer.id } });
}

/** Travellers whose trip is over come home. */
export function returnsHome(world: World): void {
  for (const id of world.order) {
    const p = world.principals[id];
    if (p.location && p.location.until <= world.date && !(world.crisis && world.crisis.phase === "waiting")) {
      record(world, { type: "trip", audience: "public", actor: id, text: `${nameOf(world, id)} is back in Moscow.` });
      p.location = null;
    }
  }
}

/** Trip offers that were not taken in time lapse. */
export function lapseTrips(world: World): void {
  for (const t of world.trips) if (!world.tripsDone.includes(t.id) && t.until < world.date) world.tripsDone.push(t.id);
}

// ------------------------------------------------------------------------------------------ kompromat

function kompromatOptions(world: World, actor: Id, out: ScoredOption[]): void {
  const k = world.params.governing.kompromat;
  const a = world.principals[actor];
  if (hasPower(world, actor, "archives")) {
    let best: { q: Id; v: number } | null = null;
    for (const other of principalsInOrder(world)) {
      const q = other.id;
      if (q === actor || !inPlay(other) || (a.kompromat[q] ?? 0) >= other.record) continue;
      const v = other.record * materialValue(world, a, q);
      if (!best || v > best.v) best = { q, v };
    }
    if (best && best.v > 0) {
      out.push({ choice: "gather-kompromat", target: best.q, label: `Have the archives searched for ${nameOf(world, best.q)}'s past`, terms: [term("effort", -k.cost), term("what might be found, and the use of it", k.value * best.v), term("boldness", k.boldness * (a.traits.boldness - 0.5))] });
    }
  }
  let use: { q: Id; v: number } | null = null;
  for (const [q, amount] of Object.entries(a.kompromat)) {
    if (amount <= 0 || !inPlay(world.principals[q]) || world.principals[q].posts.length === 0) continue;
    const v = amount * materialValue(world, a, q);
    if (!use || v > use.v) use = { q, v };
  }
  if (use) {
    out.push({ choice: "use-kompromat", target: use.q, label: `Bring ${nameOf(world, use.q)}'s past into the open`, terms: [term("effort and the risk of a scandal", -k.useCost), term(`the damage to ${pronoun(world, use.q).him}`, k.damageValue * use.v), term("restraint", -k.restraint * a.traits.restraint)] });
  }
}

/** What compromising material on q is worth to a: the danger q poses him and his ill will toward q. */
function materialValue(world: World, a: Principal, q: Id): number {
  const k = world.params.governing.kompromat;
  return k.threat * threat(world, a, q) + k.rivalry * Math.max(0, disaffection(world, a, q));
}

function gatherKompromat(ctx: DecisionContext, actor: Id, q: Id): void {
  const world = ctx.world;
  const a = world.principals[actor];
  const found = world.principals[q].record * world.params.governing.kompromat.findRate;
  a.kompromat[q] = clamp((a.kompromat[q] ?? 0) + found);
  record(world, { type: "kompromat", audience: [actor], actor, text: `${nameOf(world, actor)} has the archives searched; what they hold on ${nameOf(world, q)} grows.`, data: { target: q } });
}

function useKompromat(ctx: DecisionContext, actor: Id, q: Id): void {
  const world = ctx.world;
  const k = world.params.governing.kompromat;
  const a = world.principals[actor];
  const amount = a.kompromat[q] ?? 0;
  const target = world.principals[q];
  taint(world, q, amount);
  target.grievances.push({ against: actor, cause: `${pronoun(world, q).his} past dragged into the open`, weight: k.grievance, date: world.date });
  a.kompromat[q] = amount * k.keep;
  record(world, { type: "use-kompromat", audience: "public", actor, text: `${nameOf(world, actor)} brings ${nameOf(world, q)}'s part in the repressions before ${pronoun(world, actor).his} colleagues.`, data: { target: q } });
}

/** q's past made known, `amount` of it: his prestige falls, and so does every colleague's regard for him. */
function taint(world: World, q: Id, amount: number): void {
  const k = world.params.governing.kompromat;
  const target = world.principals[q];
  target.prestige = clamp(target.prestige - k.prestigeDamage * amount);
  for (const id of world.order) {
    const p = world.principals[id];
    if (id !== q && inPlay(p)) p.regard[q] = clamp(regardOf(p, q) - k.regardDamage * amount, -1, 1);
  }
}

// ------------------------------------------------------------------------------ Presidium business

/** Full seats below the size the Presidium had at the start are vacancies the first man must fill. */
export function vacancies(world: World): number {
  return Math.max(0, presidiumSize(world) - fullSeatCount(world));
}

/** fullSeats(world).length, without building the list: asked of most menus every week. */
function fullSeatCount(world: World): number {
  let n = 0;
  for (const p of principalsInOrder(world)) if (p.presidium === "full" && inPlay(p)) n++;
  return n;
}

/** The Presidium's size at the start (the seats as they stood are fixed at setup: kept per world's origin). */
export function presidiumSize(world: World): number {
  let n = presidiumSizes.get(world.origin.seats);
  if (n === undefined) {
    n = 0;
    for (const id in world.origin.seats) if (world.origin.seats[id] === "full") n++;
    presidiumSizes.set(world.origin.seats, n);
  }
  return n;
}

const presidiumSizes = new WeakMap<World["origin"]["seats"], number>();

/**
 * Who would be co-opted: the proposer's client among the candidates and secretaries, else the best
 * claim; and where the leadership has nobody left to offer, a member of the Central Committee
 * (cadres.ts, ccNominee): an empty seat is filled from below. A new seat (`ownMen`) goes only to one
 * of his clients among the candidate members and the secretaries, the party's reserve (most of the
 * men added in 1955 and 1957 came from it).
 */
function coOptee(world: World, proposer: Id, ownMen = false): Id | null {
  const pool = world.order.filter((id) => {
    const p = world.principals[id];
    if (!canAct(p) || p.presidium === "full") return false;
    if (ownMen) return p.patron === proposer && (p.presidium === "candidate" || p.secretary);
    return p.presidium === "candidate" || p.secretary || commandsOrgans(world, id) || p.posts.length > 0;
  });
  const leader = highestScoring(pool, (id) => (world.principals[id].patron === proposer ? world.params.governing.vacancy.client : 0) + (world.principals[id].presidium === "candidate" ? world.params.governing.vacancy.candidate : 0) + trustOf(world.principals[proposer], id) + (world.power[id] ?? 0));
  return leader ?? (ownMen ? null : (ccNominee(world, proposer)?.id ?? null));
}

/**
 * Of `ids`, the one `score` rates highest (the earlier on a tie), or null if there are none. Each is
 * scored once: a claim to a post weighs a man's every office, and the first man's menu asks weekly.
 */
function highestScoring(ids: readonly Id[], score: (id: Id) => number): Id | null {
  let best: Id | null = null;
  let bestScore = 0;
  for (const id of ids) {
    const s = score(id);
    if (best === null || s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  return best;
}

/** The vacant posts with powers that the Presidium fills on a proposal (a dead minister's post). */
function vacantPosts(world: World): Id[] {
  const out: Id[] = [];
  // Asked of every menu: who is acting in what is gathered once, and only if a post is empty.
  let acted: Set<Id> | null = null;
  for (const post of postsInOrder(world)) {
    if (post.holders.length > 0 || post.powers.length === 0) continue;
    acted ??= actedPosts(world);
    if (!acted.has(post.id)) out.push(post.id);
  }
  return out;
}

/** The posts someone able to act is doing the duties of. */
function actedPosts(world: World): Set<Id> {
  const out = new Set<Id>();
  for (const p of principalsInOrder(world)) if (canAct(p)) for (const postId of p.acting) out.add(postId);
  return out;
}

function businessOptions(world: World, actor: Id, out: ScoredOption[]): void {
  const k = world.params.governing.vacancy;
  const a = world.principals[actor];
  const first = world.primacy;
  const chairs = first === actor || (first === null && a.presidium === "full");
  if (chairs && vacancies(world) > 0) {
    const who = coOptee(world, actor);
    if (who) out.push({ choice: "co-opt", target: who, label: `Propose ${nomineeName(world, who)} for a full seat in the Presidium`, terms: [term("an empty seat", k.seat * vacancies(world)), term(`${pronoun(world, actor).his} own man`, nomineePatron(world, who) === actor ? k.ownMan : 0)] });
  } else if (first === actor) {
    const enlarge = consolidationOption(world, actor);
    if (enlarge) out.push(enlarge);
  }
  if (first === actor) {
    const claim = claimPostOption(world, actor);
    if (claim) out.push(claim);
  }
  const retryAfter = addDays(world.date, -k.retryWeeks * WEEK_DAYS);
  for (const postId of vacantPosts(world)) {
    const post = world.posts[postId];
    // A proposal voted down is not put again for a while (by anyone: the Presidium has just refused it).
    if ((world.memory.proposals[`fill:${postId}`] ?? "") > retryAfter) continue;
    const elected = post.powers.includes("firstSecretary");
    // The First Secretary's post is an opportunity anyone in the leadership may seize; others are filled by the first man.
    if (!elected && !chairs) continue;
    if (elected && a.presidium !== "full") continue;
    const candidate = elected ? actor : bestFor(world, postId, actor);
    if (candidate === null) continue;
    out.push({
      choice: "fill-post",
      target: postId,
      detail: candidate,
      label: elected ? `Put ${chooserPronoun(world, actor).himself} forward as ${post.title}` : `Propose ${nameOf(world, candidate)} as ${post.title}`,
      terms: [
        term("a vacant post", k.post * post.value),
        term("ambition", elected ? k.ambition * a.traits.ambition : 0),
        term("the risk of a rebuff", elected ? -k.rebuff * (1 - powerShare(world, actor) * k.shareScale) : 0),
        term(ownWords(world, actor).claim, elected ? k.claim * claimLead(world, actor, postId) : 0),
        term("the colleagues' dislike of one man holding two top posts", elected ? -k.cumulation * topPostValue(world, actor) : 0),
      ],
    });
  }
}

/**
 * The winner's consolidation: in the months after a contest his side won, the first man may put one
 * of his clients into a new full seat, enlarging the Presidium (as Khrushchev did after Malenkov's
 * demotion in 1955 and after the "Anti-Party Group" in June 1957). The fewer of the voters are his
 * men and the further he stands above the rest, the more he wants it; each seat beyond its size at the
 * start costs more. (With the defaults a first man wants a first new seat above dominance 0.17: Malenkov,
 * first among equals at about 0.3 in 1953, proposes one in some runs, which history did not see.)
 */
function consolidationOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.consolidation;
  const won = lastVictory(world, actor);
  if (won === null || daysBetween(won, world.date) > k.weeks * WEEK_DAYS) return null;
  // A new seat the Presidium refused is not asked for again for a while.
  if ((world.memory.proposals[`enlarge:${actor}`] ?? "") > addDays(world.date, -world.params.governing.vacancy.retryWeeks * WEEK_DAYS)) return null;
  const voters = presidiumVoters(world).filter((v) => v !== actor);
  const own = voters.filter((v) => world.principals[v].patron === actor).length;
  const need = k.need * dominance(world, actor) * (voters.length ? 1 - own / voters.length : 0);
  if (need <= 0) return null;
  const nominee = coOptee(world, actor, true);
  if (nominee === null) return null;
  const beyond = fullSeats(world).length + 1 - presidiumSize(world);
  return {
    choice: "co-opt",
    target: nominee,
    label: `Propose ${nameOf(world, nominee)} for a new full seat in the Presidium`,
    terms: [term(`a victory to consolidate: colleagues who are not ${chooserPronoun(world, actor).his} men`, need), term("a larger Presidium", -k.size * Math.max(0, beyond))],
  };
}

/**
 * The first man's bid for a colleague's top post, put openly to the Presidium (MODEL.md section 4,
 * "propose a change in the Presidium"): Stalin took the premiership from Molotov in 1941, Malenkov
 * held it with the Secretariat in March 1953, and Khrushchev took it from Bulganin in March 1958 on a
 * nomination from the floor (ERA 1e). The holder keeps his seat and his other posts. The bid is the
 * most valuable post another man holds, at least `minValue`, leaving out the organs (a first man with
 * the police or the Army in his hands is what every colleague fears: succession.share.organs) and the
 * First Secretary's post, which the CC elects and a plenum alone releases. He weighs the post and
 * his ambition by his odds of carrying it, and a refusal (prestige lost, governing.vacancy.rebuffCost,
 * with goodwill and the holder's grudge as for a refused purge: crisis.ts, rebuff), against the norm
 * that keeps two top posts apart and the cost of turning a colleague out; the voters weigh the same
 * norm, their regard for him and for the holder, fear, and the danger of a man grown stronger.
 * Nothing in it names a post or a man:
 * whether he can carry it comes from how many of the voters are his men and think well of him (in
 * the campaign he almost never can: docs/research.md, "Why the campaign's Khrushchev never becomes
 * Premier").
 */
function claimPostOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.claimPost;
  const v = world.params.governing.vacancy;
  const a = world.principals[actor];
  if (world.crisis || a.presidium !== "full") return null;
  const retryAfter = addDays(world.date, -k.retryWeeks * WEEK_DAYS);
  let best: Id | null = null;
  for (const post of postsInOrder(world)) {
    if (!transferable(world, post, actor, k.minValue, retryAfter) || outranks(world, actor, post.id) || world.memory.proposals[`gave-up:${actor}:${post.id}`]) continue;
    if (best === null || post.value > world.posts[best].value) best = post.id;
  }
  if (best === null) return null;
  const post = world.posts[best];
  const holder = post.holders[0];
  const carried = transferVoteOdds(world, actor, best);
  return {
    choice: "claim-post",
    target: best,
    detail: holder,
    label: `Propose that ${chooserPronoun(world, actor).he} take the post of ${post.title} from ${nameOf(world, holder)}`,
    odds: carried,
    terms: [
      term("if carried: a top post", carried * k.post * post.value),
      term("if carried: ambition served", carried * v.ambition * a.traits.ambition),
      term("if refused: prestige and goodwill lost", -(1 - carried) * k.refusal),
      term("the colleagues' dislike of one man holding two top posts", -v.cumulation * topPostValue(world, actor)),
      term(`the cost of turning ${nameOf(world, holder)} out`, -displaceCost(world, a, holder)),
    ],
  };
}

/**
 * Whether the first man may propose a change of this post's holder: a post worth at least
 * `minValue`, held by a colleague able to act, neither the organs (a first man with the police or
 * the Army in his hands, or his man's, is what every colleague fears: succession.share.organs) nor
 * the First Secretary's post (the CC elects him, and a plenum alone releases him), and no change of
 * it proposed since `retryAfter`.
 */
function transferable(world: World, post: World["posts"][Id], actor: Id, minValue: number, retryAfter: string): boolean {
  if (post.value < minValue || post.holders.length === 0 || post.holders.includes(actor)) return false;
  if (post.powers.includes("firstSecretary") || postCommandsForce(world, post.id)) return false;
  return canAct(world.principals[post.holders[0]]) && (world.memory.proposals[`claim:${post.id}`] ?? "") <= retryAfter;
}

/** What turning a colleague out of a post costs the first man: the act, and the trust he puts in him. */
function displaceCost(world: World, a: Principal, holder: Id): number {
  return world.params.governing.claimPost.displace + world.params.governing.purge.trust * Math.max(0, trustOf(a, holder));
}

/**
 * The first man's reshuffle of a colleague (MODEL.md section 4, "propose a change in the Presidium or
 * Secretariat"): he proposes that a colleague be relieved of a post and another man take it, the
 * colleague keeping his seat. It is how a first man checks a man grown strong beside him without a
 * purge: Malenkov lost the premiership to Bulganin in February 1955 and stayed in the Presidium, and
 * Aristov, Furtseva, Ignatov and Pospelov left the Secretariat in May 1960. He weighs the danger
 * that leaves with the post (its value times the colleague's danger to him), less what it brings the
 * new man, against his odds and the cost of turning a colleague out, as for a bid for the post
 * himself (claimPostOption). Of the posts he may move (transferable) held by a colleague whose danger
 * to him is at least governing.reassign.threshold, each with the man he would propose for it were it
 * vacant (bestFor), he takes the one where that net gain is largest. Under Khrushchev in 1964 no colleague is that dangerous (fear is low, and he
 * trusts the men he promoted), so Brezhnev's move from the head of state's chair in July 1964 is not
 * something this rule makes: docs/research.md, "A reshuffle".
 */
function reassignOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.reassign;
  const c = world.params.governing.claimPost;
  const a = world.principals[actor];
  if (world.primacy !== actor || world.crisis || a.presidium !== "full") return null;
  const retryAfter = addDays(world.date, -c.retryWeeks * WEEK_DAYS);
  const dangerOf = dangersTo(world, a);
  let best: { post: Id; holder: Id; who: Id; checked: number } | null = null;
  for (const post of postsInOrder(world)) {
    if (!transferable(world, post, actor, k.minValue, retryAfter)) continue;
    const holder = post.holders[0];
    // As a purge waits on suspicion, a reshuffle waits on danger: a colleague who is no threat is left where he is.
    const danger = dangerOf(holder);
    if (danger < k.threshold) continue;
    const who = bestFor(world, post.id, actor, holder);
    if (who === null) continue;
    // What he gains is the danger that leaves with the post, less what it brings to the new man.
    const checked = post.value * (danger - dangerOf(who));
    if (best === null || checked > best.checked) best = { post: post.id, holder, who, checked };
  }
  if (best === null) return null;
  const { post, holder, who, checked } = best;
  const carried = transferVoteOdds(world, actor, post, who);
  return {
    choice: "reassign",
    target: post,
    detail: who,
    label: `Propose that ${nameOf(world, who)} take the post of ${world.posts[post].title} from ${nameOf(world, holder)}`,
    odds: carried,
    terms: [
      term(`if carried: ${nameOf(world, holder)}'s power checked, less what ${nameOf(world, who)} gains`, carried * k.check * checked),
      term("if refused: prestige and goodwill lost", -(1 - carried) * c.refusal),
      term(`the cost of turning ${nameOf(world, holder)} out`, -displaceCost(world, a, holder)),
    ],
  };
}

/**
 * The first man's chance of carrying a change of a post's holder (`who` taking `postId`, by default
 * himself), as anyone could judge it: each other voter's yes is the vote's own utility
 * (transferVoteTerms and the routine terms of putToVote, leaving out the danger each sees in him and
 * in the new holder, which is his own) with his regard for the first man and for the holder read
 * from the one tie everyone can see, whose client he is (a client counted at full regard, anyone
 * else at none); the voters' chances add up vote by vote, as the roll-call does.
 */
export function transferVoteOdds(world: World, actor: Id, postId: Id, who: Id = actor): number {
  const kv = world.params.presidium.vote;
  const holder = world.posts[postId].holders[0];
  const voters = presidiumVoters(world);
  const others = voters.filter((id) => id !== actor);
  const temperature = world.params.ai.vote.temperature;
  const chances = others.map((id) => {
    const p = world.principals[id];
    const publicRegard = (q: Id) => (p.patron === q ? 1 : 0);
    // The danger a voter sees in a stronger man is his own: no outsider can count it.
    const terms = transferVoteTerms(world, id, who, holder, publicRegard(holder), 0);
    return logistic((kv.routine + kv.fear * world.globals.fear + kv.regard * publicRegard(actor) + terms.reduce((s, t) => s + t.value, 0)) / temperature);
  });
  return atLeastOf(tallyDistribution(chances), majorityOf(voters.length) - (voters.includes(actor) ? 1 : 0));
}

/**
 * What a Presidium voter weighs on giving `who` a colleague's post, beyond the proposal's routine
 * terms: the norm against two top posts in one man's hands, the danger of a man grown stronger
 * (`danger`: the voter's threat from him, as he or a reader of him sees it), his regard for the
 * holder (the holder himself votes to keep it, the new holder to take it).
 */
export function transferVoteTerms(world: World, voter: Id, who: Id, holder: Id, regardForHolder: number, danger: number): Reason[] {
  const k = world.params.governing.claimPost;
  const v = world.params.governing.vacancy;
  const terms = [
    term("two top posts in one man's hands", -v.cumulation * topPostValue(world, who)),
    term("the nominee's power would grow", -v.rivalPower * danger),
    term(`regard for ${nameOf(world, holder)}`, voter === holder ? 0 : -k.holderRegard * regardForHolder),
    term("losing one's own post", voter === holder ? -k.keep : 0),
  ];
  // Only a reshuffle's new man has a vote on his own promotion (the first man bidding for himself has none).
  if (voter === who) terms.push(term("the post for oneself", k.keep));
  return terms;
}

/**
 * Puts to the Presidium that `holder` be relieved of `postId` and `who` take it (the first man's bid
 * for the post himself, or his reshuffle of a colleague). Refused, it costs the proposer as a refused
 * purge does: prestige, goodwill, and the holder's grudge. Carried, the holder keeps his seat and the
 * grudge all the same.
 */
function transferPost(ctx: DecisionContext, proposer: Id, postId: Id, holder: Id, who: Id): void {
  const world = ctx.world;
  const post = world.posts[postId];
  if (!post.holders.includes(holder) || post.holders.includes(who)) return;
  const k = world.params.governing.claimPost;
  const himself = who === proposer;
  const he = pronoun(world, proposer).he;
  const his = pronoun(world, holder).his;
  world.memory.proposals[`claim:${postId}`] = world.date;
  const result = putToVote(ctx, {
    proposer,
    what: `that ${nameOf(world, holder)} be relieved of the post of ${post.title} and ${himself ? pronoun(world, proposer).himself : nameOf(world, who)} take it`,
    key: `claim:${postId}`,
    termsFor: (v) => transferVoteTerms(world, v, who, holder, regardOf(world.principals[v], holder), threat(world, world.principals[v], who)),
  });
  const cause = himself ? `${he} tried to take ${his} post of ${post.title}` : `${he} tried to have ${pronoun(world, holder).him} relieved of ${his} post of ${post.title}`;
  if (!result.passed) return rebuff(world, proposer, holder, world.params.governing.vacancy.rebuffCost, cause, { post: postId });
  leavePost(world, holder, postId);
  takePost(world, who, postId);
  world.principals[holder].grievances.push({ against: proposer, cause: himself ? `${he} took ${his} post of ${post.title}` : `${he} had ${pronoun(world, holder).him} relieved of ${his} post of ${post.title}`, weight: k.grievance, date: world.date });
  record(world, { type: "relieved", audience: "public", actor: holder, text: `${nameOf(world, holder)} is relieved of the post of ${post.title}; ${pronoun(world, holder).he} keeps ${pronoun(world, holder).his} seat.`, data: { post: postId } });
  announcePosts(world, { [postId]: who });
  updatePrimacy(world);
}

/** The date of the last contest settled in favour of the side `who` was on (a purge he won counts), or null. */
function lastVictory(world: World, who: Id): string | null {
  for (let i = world.contests.length - 1; i >= 0; i--) {
    const c = world.contests[i];
    if (c.open === "health") continue;
    if ((c.target === who && c.winner === "target") || (c.members.includes(who) && c.winner === "move")) return c.endedOn;
  }
  return null;
}

/**
 * How far a man's claim to a post exceeds the strongest other claim (negative when someone's is
 * stronger): the man who runs the Secretariat has the best claim to lead it. `voter` may exclude
 * himself from the comparison, as a rival weighing the nominee would not.
 */
function claimLead(world: World, who: Id, postId: Id, voter: Id | null = null): number {
  let rival = -Infinity;
  for (const id of world.order) {
    if (id === who || id === voter || !canAct(world.principals[id]) || world.principals[id].presidium !== "full") continue;
    rival = Math.max(rival, claimScore(world, id, postId));
  }
  return rival === -Infinity ? 0 : claimScore(world, who, postId) - rival;
}

/** The man the proposer would put into a post: the best claim, his own client first; never himself, nor the man who holds it now (`holder`). */
function bestFor(world: World, postId: Id, proposer: Id, holder: Id | null = null): Id | null {
  const pool = world.order.filter((id) => canAct(world.principals[id]) && id !== proposer && id !== holder && !outranks(world, id, postId));
  return highestScoring(pool, (id) => claimScore(world, id, postId) - organsHeldTooPenalty(world, id, postId) + (world.principals[id].patron === proposer ? world.params.governing.vacancy.client : 0));
}

function coOpt(ctx: DecisionContext, actor: Id, who: Id): void {
  const world = ctx.world;
  const k = world.params.governing.vacancy;
  const enlarging = vacancies(world) === 0;
  const result = putToVote(ctx, { proposer: actor, what: `to make ${nomineeName(world, who)} a full member of the Presidium`, key: `co-opt:${who}`, termsFor: (v) => [term("regard for the nominee", k.nomineeRegard * regardOf(world.principals[v], who)), term("it adds to the first man's following", -k.balance * (nomineePatron(world, who) === actor ? 1 : 0) * (1 - world.globals.fear))] });
  if (!result.passed) {
    if (enlarging) world.memory.proposals[`enlarge:${actor}`] = world.date;
    return;
  }
  // A member of the CC put up for the seat enters the leadership with it.
  const fromCc = world.principals[who] ? null : cadreById(world, who);
  const p = fromCc ? raiseFromCc(ctx, fromCc) : world.principals[who];
  if (!p) throw new Error(`co-option of "${who}": neither a principal nor a member of the CC`);
  p.presidium = "full";
  p.regard[actor] = clamp(regardOf(p, actor) + k.gratitude, -1, 1);
  record(world, { type: "promotion", audience: "public", actor: p.id, text: `${nameOf(world, p.id)} becomes a full member of the Presidium.` });
  refreshPower(world);
}

/**
 * What a Presidium voter weighs on putting `who` into a vacant post, beyond the proposal's routine
 * terms: his regard for the nominee (as the voter holds it, or as a player reads it), and, for the
 * post the CC elects, the nominee's danger, his claim and a second top post in one man's hands.
 */
export function fillVoteTerms(world: World, voter: Id, who: Id, postId: Id, regard: number): Reason[] {
  const k = world.params.governing.vacancy;
  const elected = world.posts[postId].powers.includes("firstSecretary");
  return [
    term("regard for the nominee", k.nomineeRegard * regard),
    term("the nominee's power would grow", -k.rivalPower * (elected ? threat(world, world.principals[voter], who) : 0)),
    term(`${pronoun(world, who).his} claim against the strongest other`, elected ? k.claim * claimLead(world, who, postId, voter) : 0),
    term("two top posts in one man's hands", elected ? -k.cumulation * topPostValue(world, who) : 0),
  ];
}

function fillPost(ctx: DecisionContext, actor: Id, postId: Id, who: Id): void {
  const world = ctx.world;
  const post = world.posts[postId];
  if (post.holders.length > 0) return;
  const k = world.params.governing.vacancy;
  const elected = post.powers.includes("firstSecretary");
  world.memory.proposals[`fill:${postId}`] = world.date;
  const result = putToVote(ctx, {
    proposer: actor,
    what: elected && who === actor ? `${pronoun(world, actor).himself} as ${post.title}` : `${nameOf(world, who)} as ${post.title}`,
    key: `fill:${postId}`,
    termsFor: (v) => fillVoteTerms(world, v, who, postId, regardOf(world.principals[v], who)),
  });
  if (!result.passed) {
    if (elected) world.principals[actor].prestige = clamp(world.principals[actor].prestige - k.rebuffCost);
    return;
  }
  takePost(world, who, postId);
  if (elected) {
    record(world, { type: "plenum-ratifies", audience: "public", text: `A Central Committee plenum elects ${nameOf(world, who)} ${post.title}.`, data: { post: postId } });
    learnFromRatification(world);
  }
  record(world, { type: "appointment", audience: "public", actor: who, text: `${nameOf(world, who)} becomes ${post.title}.`, data: { post: postId } });
  refreshPower(world);
  updatePrimacy(world);
}

// ---------------------------------------------------------------------------- purges and retirement

/** The first man may put a suspect's removal to the Presidium (never by decree), or, where fear allows and he commands organs, have him arrested. */
function purgeOptions(world: World, actor: Id, out: ScoredOption[]): void {
  const k = world.params.governing.purge;
  const a = world.principals[actor];
  if (world.primacy !== actor || world.crisis) return;
  let top: Id | null = null;
  for (const [q, s] of Object.entries(a.suspicion)) {
    const other = world.principals[q];
    if (!other || !inPlay(other) || other.posts.length === 0 || s < k.threshold) continue;
    if ((world.memory.proposals[`purge:${q}`] ?? "") > addDays(world.date, -k.retryWeeks * WEEK_DAYS)) continue;
    if (top === null || s > (a.suspicion[top] ?? 0)) top = q;
  }
  if (top === null) return;
  const s = a.suspicion[top];
  const fear = world.globals.fear;
  // What he gains if it goes through, weighed by his chance of it; a refusal costs him.
  const danger = k.suspicion * (s - 0.5) + k.threat * threat(world, a, top);
  const carried = removalVoteOdds(world, actor, top);
  out.push({
    choice: "purge",
    target: top,
    label: `Ask the Presidium to remove ${nameOf(world, top)}`,
    odds: carried,
    terms: [
      term("if carried: a suspect and a danger removed", carried * danger),
      term("if refused: prestige and goodwill lost", -(1 - carried) * k.refusal),
      term("cost of turning on a colleague", -k.cost - k.trust * Math.max(0, trustOf(a, top))),
    ],
  });
  if (commandsOrgans(world, actor) && !commandsOrgans(world, top)) {
    const seized = arrestChance(world, actor, top);
    out.push({
      choice: "purge-arrest",
      target: top,
      label: `Have the organs arrest ${nameOf(world, top)}`,
      odds: seized,
      terms: [
        term("if it succeeds: a suspect and a danger removed", seized * danger),
        term(`if it fails: the others turn on ${chooserPronoun(world, actor).him}`, -expectedLoss(world, seized, k.arrestFailure)),
        term("the norm against arrests", -k.arrestNorm * (1 - fear)),
        term(`fear, and ${chooserPronoun(world, actor).his} dominance, make it thinkable`, k.arrestFear * fear * dominance(world, actor)),
      ],
    });
  }
}

function healthOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.health;
  if (world.crisis) return null;
  const a = world.principals[actor];
  if (a.presidium !== "full" && world.primacy !== actor) return null;
  let best: { q: Id; u: number } | null = null;
  const retryAfter = addDays(world.date, -k.retryWeeks * WEEK_DAYS);
  for (const p of principalsInOrder(world)) {
    const q = p.id;
    if (q === actor || !inPlay(p) || p.incapacitatedSince === null || p.posts.length === 0) continue;
    if (movedAgainst(world, q)) continue;
    // A proposal voted down is not put again for a while.
    if ((world.memory.proposals[`retire:${q}`] ?? "") > retryAfter) continue;
    const weeks = daysBetween(p.incapacitatedSince, world.date) / WEEK_DAYS;
    if (weeks < k.minWeeks) continue;
    let value = 0;
    for (const x of p.posts) value += world.posts[x].value;
    const u = k.weeks * Math.min(k.weeksCap, weeks / k.weeksScale) + k.posts * value + (world.primacy === actor ? k.first : 0);
    if (!best || u > best.u) best = { q, u };
  }
  if (!best) return null;
  return { choice: "retire-ill", target: best.q, label: `Propose that ${nameOf(world, best.q)}, long ill, be retired "for reasons of age and health"`, terms: [term("baseline", -k.cost), term("a post left to an acting man", best.u)] };
}

/** Whether a move against him is forming or under way: his retirement is then the move's business. */
function movedAgainst(world: World, q: Id): boolean {
  for (const m of world.moves) if (m.target === q && (m.stage === "forming" || m.stage === "launched")) return true;
  return false;
}

// ------------------------------------------------------------------------------------------ reports

function reportOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.report;
  const a = world.principals[actor];
  const belief = a.beliefs.find((b) => b.source !== "member" && formingWithout(world, b.move, actor) && b.target !== actor && inPlay(world.principals[b.target]) && !reported(world, actor, b.move));
  if (!belief) return null;
  const t = belief.target;
  return {
    choice: "report",
    target: belief.move,
    label: `Tell ${nameOf(world, t)} what ${isHuman(world, actor) ? "you know" : `${pronoun(world, actor).he} knows`} of the move against ${pronoun(world, t).him}`,
    terms: [term(`tie to ${pronoun(world, t).him}`, k.tie * tie(world, a, t)), term("reward if it fails", k.reward * a.traits.ambition), term(`disaffection with ${pronoun(world, t).him}`, -k.disaffection * disaffection(world, a, t)), term("informing on colleagues", -k.informing)],
  };
}

/** Whether the move is still forming, without him among its members. */
function formingWithout(world: World, moveId: string, actor: Id): boolean {
  for (const m of world.moves) if (m.id === moveId && isActive(m) && !m.members.includes(actor)) return true;
  return false;
}

function reported(world: World, actor: Id, move: string): boolean {
  return world.memory.reports.includes(`${move}:${actor}`);
}

// --------------------------------------------------------------------------------------- demands

function demandOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.demand;
  const a = world.principals[actor];
  const first = world.primacy;
  if (first === null || first === actor || a.presidium === "full" || !canAct(world.principals[first]) || vacancies(world) === 0) return null;
  if ((world.memory.demands[actor] ?? "") > addDays(world.date, -k.retryWeeks * WEEK_DAYS)) return null;
  return {
    choice: "demand-seat",
    target: first,
    label: `Ask ${nameOf(world, first)} for a full seat in the Presidium`,
    terms: [term("ambition", k.ambition * a.traits.ambition), term(`${chooserPronoun(world, actor).his} standing with the first man`, k.regard * regardOf(world.principals[first], actor)), term("risk of a rebuff", -k.risk)],
  };
}

function demandSeat(ctx: DecisionContext, actor: Id, first: Id): void {
  const world = ctx.world;
  const k = world.params.governing.demand;
  const f = world.principals[first];
  const a = world.principals[actor];
  const grant = regardOf(f, actor) + trustOf(f, actor) + (a.patron === first ? k.client : 0) - k.threshold - k.rivalry * threat(world, f, actor);
  world.memory.demands[actor] = world.date;
  record(world, { type: "demand", audience: [actor, first], actor, text: `${nameOf(world, actor)} asks ${nameOf(world, first)} for a full seat in the Presidium; ${grant > 0 ? `${pronoun(world, first).he} agrees to propose it` : `${pronoun(world, actor).he} is put off`}.`, data: { granted: grant > 0 } });
  // A seat filled earlier in the week leaves nothing to propose, but he agreed: no grudge for that.
  if (grant > 0) {
    if (vacancies(world) > 0) coOpt(ctx, first, actor);
  } else a.grievances.push({ against: first, cause: `refused a seat ${pronoun(world, actor).he} asked for`, weight: k.grievance, date: world.date });
}

// ------------------------------------------------------------------------------------- overruling

/**
 * The first man may overrule a colleague in the colleague's own domain: impose his line on the
 * colleague's ministry, region or department. It carries his line and costs the colleague face. A
 * bold, overconfident man far above the others does it often (Khrushchev's "harebrained schemes"
 * and public rebukes; Stalin's humiliations); a restrained one, or one among equals, rarely.
 */
function overruleOption(world: World, actor: Id): ScoredOption | null {
  const k = world.params.governing.overrule;
  if (world.primacy !== actor || world.crisis) return null;
  const a = world.principals[actor];
  let best: { q: Id; gap: number } | null = null;
  for (const p of principalsInOrder(world)) {
    const q = p.id;
    if (q === actor || !canAct(p) || p.posts.length === 0 || p.presidium === "none") continue;
    // Where their lines differ most, spread over the colleagues: one already slighted often is spared a while.
    const gap = Math.abs(a.traits.ideology - p.traits.ideology) / IDEOLOGY_SPAN / (1 + grievanceAgainst(p, actor) / k.grievance);
    if (!best || gap > best.gap) best = { q, gap };
  }
  if (!best) return null;
  return {
    choice: "overrule",
    target: best.q,
    label: `Overrule ${nameOf(world, best.q)} in ${menuNames[genderOf(world, best.q)].domain} and impose ${chooserPronoun(world, actor).his} line`,
    terms: [
      term(ownWords(world, actor).carried, k.line * best.gap),
      term(ownWords(world, actor).judgement, k.confidence * a.traits.overconfidence),
      term("standing far above the others", k.dominance * dominance(world, actor)),
      term("restraint", -k.restraint * a.traits.restraint),
      term("the colleague's power", -k.power * powerShare(world, best.q)),
      term("effort", -k.cost),
    ],
  };
}

function overrule(ctx: DecisionContext, actor: Id, q: Id): void {
  const world = ctx.world;
  const k = world.params.governing.overrule;
  const p = world.principals[q];
  p.grievances.push({ against: actor, cause: `overruled in ${pronoun(world, q).his} own domain`, weight: k.grievance, date: world.date });
  p.regard[actor] = clamp(regardOf(p, actor) - k.regardLoss, -1, 1);
  record(world, { type: "overrule", audience: "public", actor, text: `${nameOf(world, actor)} overrules ${nameOf(world, q)} in ${pronoun(world, q).his} own domain.`, data: { target: q } });
}

/**
 * The first man may give up his second post, proposing a successor: the answer
 * the norm of collective leadership asked of Malenkov in March 1953, who left the Secretariat within
 * days of taking it beside the premiership. His dominance falls, so the wear of collective.ts stops,
 * and his colleagues take it as a gesture. A man sure of his own judgement does not see the need, and
 * an ambitious one does not give power away: the Khrushchev of 1964 kept both posts.
 */
function giveUpOption(world: World, actor: Id): ScoredOption | null {
  const a = world.principals[actor];
  if (world.primacy !== actor || world.crisis || a.posts.length < 2) return null;
  // Only while the norm bites: a first among equals has nothing to answer.
  const beyond = beyondTheNorm(world, actor);
  if (beyond <= 0) return null;
  const k = world.params.governing.giveUp;
  // The post that answers it is his second: shedding a sinecure leaves him as far above the rest.
  const [, second] = [...a.posts].sort((x, y) => world.posts[y].value - world.posts[x].value);
  const nominee = bestFor(world, second, actor);
  if (nominee === null) return null;
  const post = world.posts[second];
  return {
    choice: "give-up-post",
    target: second,
    detail: nominee,
    label: `Give up the post of ${post.title}, proposing ${nameOf(world, nominee)} in ${chooserPronoun(world, actor).his} place`,
    terms: [
      term("colleagues resent one man standing so far above them", k.norm * beyond * (1 - world.globals.fear) * (1 - a.traits.overconfidence)),
      term("restraint", k.restraint * a.traits.restraint),
      term("the post's worth", -k.worth * post.value),
      term("ambition", -k.ambition * a.traits.ambition),
      term("it cannot be taken back", -k.cost),
    ],
  };
}

function giveUpPost(ctx: DecisionContext, actor: Id, postId: Id, nominee: Id): void {
  const world = ctx.world;
  const a = world.principals[actor];
  if (!a.posts.includes(postId)) return;
  // The bigger the post, the bigger the gesture: shedding a sinecure buys no goodwill.
  const gesture = world.params.governing.giveUp.gesture * world.posts[postId].value * (1 - world.globals.fear);
  leavePost(world, actor, postId);
  // Given up for good: he does not ask for it back (claimPostOption skips a post he gave up).
  world.memory.proposals[`gave-up:${actor}:${postId}`] = world.date;
  for (const id of world.order) {
    const p = world.principals[id];
    if (id === actor || !inPlay(p) || (p.presidium === "none" && !p.secretary)) continue;
    p.regard[actor] = clamp(regardOf(p, actor) + gesture, -1, 1);
  }
  record(world, { type: "gives-up-post", audience: "public", actor, text: `${nameOf(world, actor)} gives up the post of ${world.posts[postId].title}: no one man should hold all the power.`, data: { post: postId } });
  fillPost(ctx, actor, postId, nominee);
  // If the Presidium refuses his man the post stays empty, and he is the weaker for it all the same.
  updatePrimacy(world);
}

// ------------------------------------------------------------------------------------- the menu

/** Every option a principal has this week, with its terms. */
export function weeklyOptions(world: World, actor: Id): ScoredOption[] {
  const a = world.principals[actor];
  const lowRisk = world.params.governing.lieLow;
  const options: ScoredOption[] = [{ choice: "lie-low", label: "Lie low this week", terms: [term("nothing risked", lowRisk.base)] }];
  if (!canAct(a) || a.location) return options;
  // The verbs that may offer several options add them to the menu as they find them.
  courtOptions(world, actor, options);
  offer(options, appointOption(world, actor));
  offer(options, policyOption(world, actor));
  offer(options, tripOption(world, actor));
  kompromatOptions(world, actor, options);
  businessOptions(world, actor, options);
  purgeOptions(world, actor, options);
  offer(options, healthOption(world, actor));
  offer(options, reportOption(world, actor));
  offer(options, confrontOption(world, actor));
  offer(options, demandOption(world, actor));
  offer(options, overruleOption(world, actor));
  offer(options, giveUpOption(world, actor));
  offer(options, reassignOption(world, actor));
  return options;
}

/** Adds a verb's option to the menu, if it has one this week. */
function offer(options: ScoredOption[], option: ScoredOption | null): void {
  if (option) options.push(option);
}

/** Carries out a governing verb (conspiring verbs are handled by the turn). */
export function perform(ctx: DecisionContext, actor: Id, option: ScoredOption): void {
  const t = option.target!;
  switch (option.choice) {
    case "court":
      return court(ctx, actor, t);
    case "court-constituency":
      return courtConstituency(ctx, actor, t);
    case "appoint":
      return appoint(ctx, actor, t);
    case "propose-policy":
      return proposePolicy(ctx, actor, t);
    case "travel":
      return travel(ctx, actor, t);
    case "gather-kompromat":
      return gatherKompromat(ctx, actor, t);
    case "use-kompromat":
      return useKompromat(ctx, actor, t);
    case "co-opt":
      return coOpt(ctx, actor, t);
    case "fill-post":
      return fillPost(ctx, actor, t, option.detail!);
    case "claim-post":
      return transferPost(ctx, actor, t, option.detail!, actor);
    case "reassign": {
      const holder = ctx.world.posts[t].holders[0];
      return holder === undefined ? undefined : transferPost(ctx, actor, t, holder, option.detail!);
    }
    case "purge":
      // Put openly to the Presidium: each member votes his own mind (the first man's weight counts there).
      startMove(ctx, actor, t, [], "purge");
      return;
    case "purge-arrest": {
      const world = ctx.world;
      if (world.crisis) return;
      const move = startMove(ctx, actor, t, [], "purge");
      move.members.push(...world.order.filter((id) => id !== actor && id !== t && commandsOrgans(world, id) && world.principals[id].patron === actor && canAct(world.principals[id])));
      return launch(ctx, move, actor, "force");
    }
    case "retire-ill":
      ctx.world.memory.proposals[`retire:${t}`] = ctx.world.date;
      startMove(ctx, actor, t, [], "health");
      return;
    case "report": {
      const move = ctx.world.moves.find((m) => m.id === t);
      if (move) warn(ctx, move, knownMembersOf(ctx.world, actor, move).filter((m) => m !== actor), actor, ctx.world.params.moves.soundOut.reportCredibility);
      return;
    }
    case "confront":
      return confront(ctx, actor, t, option.detail!);
    case "demand-seat":
      return demandSeat(ctx, actor, t);
    case "overrule":
      return overrule(ctx, actor, t);
    case "give-up-post":
      return giveUpPost(ctx, actor, t, option.detail!);
  }
}

