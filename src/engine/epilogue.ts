// How a finished run differs from what really happened: a few dated lines for the end of the
// chronicle, the end screen and `run --json`. It compares the run's contests with the scenario's
// `history` block; it never feeds back into the rules.
import type { Scenario } from "./scenario/schema.js";
import { nameOf } from "./log.js";
import { summarize } from "./summary.js";
import type { ContestRecord, World } from "./state.js";

export interface EpilogueLine {
  date: string;
  text: string;
}

export interface Epilogue {
  /** The same headline outcome as history: the leader fell (or held on) as he did then. */
  sameOutcome: boolean;
  lines: EpilogueLine[];
}

export function epilogue(world: World, history: Scenario["history"]): Epilogue {
  const run = summarize(world);
  const h = history.outcome;
  const leader = nameOf(world, run.startingLeader);
  const lines: EpilogueLine[] = [];
  const contests = world.contests.filter((c) => c.target === run.startingLeader);
  for (const c of contests) lines.push({ date: c.date, text: `In this run: ${describe(world, c)}` });
  if (!contests.length) lines.push({ date: run.endDate, text: `In this run: no plot against ${leader} came to a head.` });

  if (h.presidiumMovedOn) {
    const first = contests.find((c) => c.presidiumMajorityAgainstLeader);
    lines.push({
      date: h.presidiumMovedOn,
      text: first
        ? `In history the Presidium turned on ${leader} on this day; in this run it did so on ${first.date}${first.date < h.presidiumMovedOn ? ", earlier" : first.date > h.presidiumMovedOn ? ", later" : ""}.`
        : `In history the Presidium turned on ${leader} on this day; in this run it never did.`,
    });
  }
  const means = h.means === "vote" ? "by a vote" : h.means === "force" ? "by force" : "";
  const fate = h.leaderFate === "none" ? "" : ` and was ${h.leaderFate}`;
  const historyText = h.leaderRemoved
    ? `In history ${leader} was removed ${means}${fate}; ${nameOf(world, h.newFirstSecretary)} became First Secretary.`
    : `In history ${leader} kept his post${h.survivedViaPlenum ? ", saved by the Central Committee plenum" : ""}.`;
  const runText = run.leaderRemoved
    ? `Here ${nameOf(world, run.firstSecretary)} holds the post at the end${run.removedByForce ? ", taken by force" : ""}.`
    : `Here he still holds it at the end${run.survivedViaPlenum ? ", saved by a plenum" : ""}.`;
  lines.push({ date: h.date, text: `${historyText} ${runText}` });
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { sameOutcome: run.leaderRemoved === h.leaderRemoved && (!h.leaderRemoved || run.firstSecretary === h.newFirstSecretary || run.removedByVote === (h.means === "vote")), lines };
}

function describe(world: World, c: ContestRecord): string {
  const leader = nameOf(world, c.target);
  const plotters = c.plotMembers.map((m) => nameOf(world, m)).join(", ");
  const fates = Object.entries(c.fates).map(([who, f]) => `${nameOf(world, who)} ${f}`).join(", ");
  switch (c.kind) {
    case "exposed":
    case "pre-emption":
      return `${leader} unmasked the plot of ${plotters}${c.force ? " and had them arrested" : ""} (${fates}).`;
    case "arrest":
      return `the plotters (${plotters}) had ${leader} arrested (${fates}).`;
    case "session": {
      const tally = c.presidium ? `${c.presidium.for}-${c.presidium.against}` : "";
      const where = c.launchedWhileAway ? " while he was away" : " in Moscow";
      if (!c.presidiumMajorityAgainstLeader) return `the plot of ${plotters} struck${where} but the Presidium stood by ${leader} (${tally}); ${fates}.`;
      const answer = c.leaderChoice === "resign" ? "he stepped down" : "he appealed to the Central Committee";
      const plenum = c.plenum ? `, the plenum voted ${c.plenum.forLeader}-${c.plenum.againstLeader} for him` : "";
      return `the plot of ${plotters} struck${where}; the Presidium voted ${tally} against ${leader}; ${answer}${plenum}; ${fates || "no one punished"}${c.winner === "plot" ? `; ${nameOf(world, c.newFirstSecretary)} took his place` : ""}.`;
    }
  }
}
