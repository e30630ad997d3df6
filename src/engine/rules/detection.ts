// How word of a move travels: leaks from approaches and lobbying, reports, and the organs' own
// watch. A warning reaches the target only through people; a security chief in the move buries what
// reaches him, and the target's overconfidence may dismiss what gets through.
import { choose, optionsForLog, term, type DecisionContext } from "../ai/choice.js";
import { chooserPronoun, listNames, nameOf, pronoun, record } from "../log.js";
import { activeMoves, canAct, holdersOf, inPlay, regardOf, trustOf } from "../queries.js";
import { disaffection, tie } from "../relations.js";
import type { Id, Move } from "../state.js";
import { learnOfMove } from "./moves.js";

export type LeakChannel = "report" | "cc-member" | "refuser" | "investigation" | "told";

/**
 * Word of `move` naming `named` starts from `source` (a principal, or null for a CC member). It goes
 * to the security organs unless the source reports straight to the target.
 */
export function leak(ctx: DecisionContext, move: Move, named: readonly Id[], source: Id | null, channel: LeakChannel, credibility: number): void {
  const world = ctx.world;
  const k = world.params.detection.leak;
  move.exposure = Math.min(world.params.moves.exposure.max, move.exposure + k.exposure);
  if (channel === "report" && source) return warn(ctx, move, named, source, credibility);
  const chiefs = holdersOf(world, "security").filter((c) => canAct(world.principals[c]) && c !== move.target);
  const outsideChief = chiefs.find((c) => !move.members.includes(c));
  if (outsideChief) {
    const chief = world.principals[outsideChief];
    const target = move.target;
    const passTerms = [term("routine duty", k.routine), term("tie to the target", k.tie * tie(world, chief, target)), term("opinion of the target", k.opinion * regardOf(chief, target))];
    const buryTerms = [
      term("sympathy with the movers", k.sympathy * Math.max(0, disaffection(world, chief, target))),
      term("doubt about the rumour", k.doubt * (1 - credibility)),
      term(`${chooserPronoun(world, outsideChief).his} patron among the accused`, chief.patron !== null && named.includes(chief.patron) ? k.patronAccused + chief.traits.loyalty : 0),
    ];
    const options = [
      { choice: "pass-on", label: `Pass the report to ${nameOf(world, target)}`, terms: passTerms },
      { choice: "bury", label: "Sit on it", terms: buryTerms },
    ];
    learnOfMove(world, outsideChief, move, named, "warning", credibility);
    const pick = choose(ctx, { seat: outsideChief, kind: "organs-report", key: `w${world.week}:organs-report:${move.id}:${named.join(",")}`, prompt: `Your officers report talk of a move against ${nameOf(world, target)}, naming ${listNames(world, named)}.`, options });
    record(world, {
      type: "organs-report",
      audience: [outsideChief],
      actor: outsideChief,
      text: `The organs hear talk of a move against ${nameOf(world, target)} naming ${listNames(world, named)}; ${nameOf(world, outsideChief)} ${pick.choice === "pass-on" ? "passes it on" : "sits on it"}.`,
      data: { move: move.id, channel },
      options: optionsForLog(options),
      chosen: pick.choice,
    });
    if (pick.choice === "pass-on") warn(ctx, move, named, outsideChief, Math.min(k.maxCredibility, credibility + k.passedCredibility));
    return;
  }
  // The organs are in the move (or the target holds them himself and they are blind to it): a rumour
  // reaches him only by a side door (family, a bodyguard).
  if (ctx.rng.chance("detection", k.sideDoor)) {
    record(world, { type: "rumour", audience: [move.target], text: `A rumour of a move against ${nameOf(world, move.target)} reaches ${pronoun(world, move.target).him} by a side door.`, data: { move: move.id, channel } });
    warn(ctx, move, named, null, credibility * k.sideDoorCredibility);
  }
}

/** The target weighs a warning: take it seriously (suspect the accused, come back to Moscow) or dismiss it. */
export function warn(ctx: DecisionContext, move: Move, named: readonly Id[], source: Id | null, credibility: number): void {
  const world = ctx.world;
  const target = world.principals[move.target];
  if (!canAct(target)) return;
  // Only the living and the still-standing can be named: a dead or fallen man conspires no more.
  const accused = named.filter((n) => n !== target.id && world.principals[n] && inPlay(world.principals[n]));
  if (!accused.length) return;
  const k = world.params.detection.warning;
  const trustInAccused = accused.reduce((s, a) => s + trustOf(target, a), 0) / accused.length;
  const priorSuspicion = accused.reduce((s, a) => Math.max(s, target.suspicion[a] ?? 0), 0);
  const options = [
    {
      choice: "take-seriously",
      label: "Take it seriously",
      terms: [
        term("credibility of the source", k.credibility * credibility),
        term(`it comes from ${chooserPronoun(world, target.id).his} own man`, source && world.principals[source].patron === target.id ? k.ownMan : 0),
        term("trust in the source", source ? k.trustSource * trustOf(target, source) : 0),
        term("suspicion already held", k.priorSuspicion * priorSuspicion),
        term("fear of a conspiracy", k.fearOfConspiracy),
      ],
    },
    { choice: "dismiss", label: "Dismiss it", terms: [term("overconfidence", k.overconfidence * target.traits.overconfidence), term("trust in the accused", k.trustAccused * trustInAccused)] },
  ];
  if (source) world.memory.reports.push(`${move.id}:${source}`);
  const pick = choose(ctx, {
    seat: target.id,
    kind: "warning",
    key: `w${world.week}:warning:${move.id}:${accused.join(",")}`,
    // Who brings the warning is part of what it is worth (trust in the source weighs on it).
    prompt: `${source ? `${nameOf(world, source)} warns you` : "A rumour reaches you"}: ${listNames(world, accused)} ${accused.length > 1 ? "are" : "is"} said to be working against you.`,
    options,
  });
  record(world, {
    type: "warning",
    audience: source ? [target.id, source] : [target.id],
    actor: target.id,
    text: `${source ? nameOf(world, source) : "A rumour"} warns ${nameOf(world, target.id)} that ${listNames(world, accused)} ${accused.length > 1 ? "are" : "is"} working against ${pronoun(world, target.id).him}; ${pronoun(world, target.id).he} ${pick.choice === "take-seriously" ? "takes it seriously" : "dismisses it"}.`,
    data: { move: move.id, accused, source, credibility },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  if (pick.choice !== "take-seriously") return;
  for (const a of accused) target.suspicion[a] = Math.min(1, (target.suspicion[a] ?? 0) + k.suspicionBase + k.suspicionCredibility * credibility);
  learnOfMove(world, target.id, move, accused, "warning", credibility);
  if (target.location) {
    record(world, { type: "trip-cut-short", audience: "public", actor: target.id, text: `${nameOf(world, target.id)} cuts short ${pronoun(world, target.id).his} stay in ${target.location.place} and returns to Moscow.` });
    target.location = null;
  }
  // Asking around alerts the accused: those in the move now know the target suspects them.
  if (accused.some((a) => move.members.includes(a))) move.alarm = 1;
}

/**
 * Weekly: a security chief outside a move may uncover it, and a target who is in Moscow and not
 * blinded by his own confidence may read the signs himself.
 */
export function detectionPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.detection.watch;
  for (const move of activeMoves(world)) {
    if (move.open) continue;
    const target = world.principals[move.target];
    if (canAct(target) && !target.location && ctx.rng.chance("detection", Math.min(k.noticeMax, k.noticeRate * (1 - target.traits.overconfidence) * move.exposure))) {
      record(world, { type: "notices", audience: [target.id], text: `${nameOf(world, target.id)} notices colleagues behaving strangely.`, data: { move: move.id } });
      warn(ctx, move, [move.members[0]], null, k.noticeCredibility);
    }
    if (!activeMoves(world).includes(move)) continue;
    for (const chief of holdersOf(world, "security")) {
      if (move.members.includes(chief) || chief === move.target || !canAct(world.principals[chief])) continue;
      // A chief devoted to the target digs; an indifferent one waits for reports to come to him.
      const diligence = k.diligenceBase + k.diligenceTie * tie(world, world.principals[chief], move.target);
      if (ctx.rng.chance("detection", Math.min(k.diligenceMax, diligence * move.exposure))) {
        const named = move.members.filter((_, i) => i < 1 + Math.floor(ctx.rng.next("detection") * move.members.length));
        leak(ctx, move, named, null, "investigation", k.investigationCredibility);
        break;
      }
    }
  }
}
