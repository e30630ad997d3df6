// How a finished run differs from what really happened: dated lines for the end of the chronicle,
// the end screen and `run --json`, and the series its charts draw (trends.ts). It compares the run's
// contests and primacy with the scenario's `history` block; it never feeds back into the rules.
import type { HistoricalContest, ScenarioFile } from "./scenario/schema.js";
import { nameOf, pronoun } from "./log.js";
import { summarize, type ContestSummary } from "./summary.js";
import type { World } from "./state.js";
import { runTrends, type Trends } from "./trends.js";

export interface EpilogueLine {
  date: string;
  text: string;
}

export interface Epilogue {
  /** The run ended as history did: the same man first, and each historical contest's target met the same end. */
  sameOutcome: boolean;
  lines: EpilogueLine[];
  /** Who held primacy when, FEAR and the first man's clients' share of the CC, from start to end. */
  trends: Trends;
}

export function epilogue(world: World, history: ScenarioFile["history"]): Epilogue {
  const run = summarize(world);
  const lines: EpilogueLine[] = [];
  for (const c of run.contests) lines.push({ date: c.date, text: `In this run: ${describe(world, c)}` });
  // A contest still being fought when the run ends (a plenum yet to meet) came to a head but is undecided.
  const undecided = run.undecided;
  if (undecided !== null) lines.push({ date: run.endDate, text: `In this run: the contest over ${nameOf(world, undecided)} was still undecided when the run ended.` });
  else if (!run.contests.length) lines.push({ date: run.endDate, text: "In this run: no contest came to a head." });
  let matches = 0;
  for (const h of history.contests) {
    const same = run.contests.find((c) => c.target === h.target);
    const removed = run.removed[h.target] !== undefined;
    const ok = (h.outcome === "removed") === removed;
    if (ok) matches++;
    const they = pronoun(world, h.target);
    lines.push({ date: h.date, text: `In history: ${h.text} ${same ? `In this run ${they.his} contest came on ${same.date}${same.date < h.date ? ", earlier" : same.date > h.date ? ", later" : ""}, ${same.winner === "move" ? `and ${they.he} lost it` : `and ${they.he} won it`} (${venueText(same.venue)}).` : removed ? `In this run ${they.he} fell another way.` : undecided === h.target ? `In this run the contest over ${they.him} was still undecided at the end.` : `In this run no move against ${they.him} came to a head.`}` });
  }
  for (const e of world.log) if (e.type === "chapter") lines.push({ date: e.date, text: e.text });
  const first = run.leader;
  const historyFirst = history.primacyAtEnd;
  lines.push({ date: world.end, text: `In history ${nameOf(world, historyFirst)} was first at the end; in this run ${first === null ? "nobody stands first" : first === historyFirst ? `so is ${pronoun(world, first).he}` : `${nameOf(world, first)} is`}.` });
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { sameOutcome: first === historyFirst && matches === history.contests.length, lines, trends: runTrends(world) };
}

function venueText(v: ContestSummary["venue"]): string {
  return v === "force" ? "by force" : v === "plenum" ? "in the plenum" : "in the Presidium";
}

function describe(world: World, c: ContestSummary): string {
  const target = nameOf(world, c.target);
  const movers = c.firstThree.map((m) => nameOf(world, m)).join(", ");
  const fates = c.fates.map((f) => `${nameOf(world, f.who)} ${f.fate}${f.proposedBy !== f.who ? ` (proposed by ${nameOf(world, f.proposedBy)})` : ""}`).join(", ");
  if (c.open === "health") return c.winner === "move" ? `${target}, long ill, was retired by a vote.` : `a proposal to retire ${target}, long ill, was voted down.`;
  if (c.open === "purge") return `${target}'s removal was put to the Presidium by ${nameOf(world, c.initiator)}: ${c.winner === "move" ? "carried" : "rejected"}${fates ? ` (${fates})` : ""}.`;
  if (c.venue === "force") return c.winner === "move" ? `${movers} had ${target} arrested (${fates}).` : `an attempt by ${movers} to arrest ${target} failed (${fates}).`;
  const tally = c.presidium ? `${c.presidium.for}-${c.presidium.against}` : "";
  const they = pronoun(world, c.target);
  const where = c.launchedWhileAway ? ` while ${they.he} was away` : "";
  const answer = c.answer === "resign" ? `${they.he} stepped down` : c.answer === "plenum" ? `${they.he} appealed to the Central Committee` : c.answer === "concede" ? `${they.he} gave up part of ${they.his} posts` : "";
  const plenum = c.plenum ? `, the plenum voted ${c.plenum.forTarget} for ${they.him} and ${c.plenum.againstTarget} against` : "";
  return `${movers} moved against ${target}${where}; the Presidium voted ${tally}${answer ? `; ${answer}` : ""}${plenum}; ${c.winner === "move" ? `${they.he} lost` : `${they.he} held on`}${fates ? ` (${fates})` : ""}.`;
}

export type { HistoricalContest };
