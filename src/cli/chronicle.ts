// The chronicle: a run's log told as dated lines a history student can follow. Decisions carry their
// main reasons (the largest terms of the compared utilities). Routine lines are left out: each CC
// member's plenum vote (the tally is shown), the plotters' weekly choice of what to do (its effect,
// an approach or a lobbying round, has its own line), and all but the first lobbying round of a plot.
import { TREND_STEP, type LogEntry, type Trends } from "../engine/index.js";

/** Entry types never shown. Anything not listed is shown, so new kinds of event appear by default. */
const routine = new Set(["plenum-vote", "player-decision"]);

/** Terms smaller than this do not explain a choice (they print as 0.00 anyway). */
const NEGLIGIBLE = 0.05;

/** Terms that are constants of a rule rather than reasons a reader can weigh. */
const notReasons = new Set(["baseline"]);

export interface ChronicleOptions {
  /** Last date shown (inclusive). */
  until?: string;
  /** How many reasons to show per decision. */
  reasons?: number;
}

export function chronicleLines(entries: readonly LogEntry[], options: ChronicleOptions = {}): string[] {
  const lines: string[] = [];
  const lobbied = new Set<string>();
  // The log holds entries in the order the engine made them, and a week's turn records some events
  // under their own later day (a scheduled event, a new chapter) before the week's moves: a reader
  // follows dates, so they are told by date, in log order within a day (the sort is stable).
  const byDate = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const entry of byDate) {
    if (options.until !== undefined && entry.date > options.until) break;
    if (routine.has(entry.type)) continue;
    if (entry.type === "lobby") {
      const move = typeof entry.data?.move === "string" ? entry.data.move : "";
      if (lobbied.has(move)) continue;
      lobbied.add(move);
    }
    lines.push(chronicleLine(entry, options.reasons ?? 3));
  }
  return lines;
}

export function chronicleLine(entry: LogEntry, maxReasons = 3): string {
  let text = `${entry.date}  ${entry.text}`;

  const why = mainReasons(entry, maxReasons);
  return why ? `${text}  [${why}]` : text;
}

/**
 * The main reasons for a decision: the largest terms (by absolute value) of the option chosen. When
 * the chosen option is the neutral baseline (all its terms zero, e.g. "vote to keep him"), the reasons
 * are those that made the best alternative unattractive.
 */
export function mainReasons(entry: LogEntry, max = 3): string | null {
  if (!entry.options || entry.options.length === 0 || entry.chosen === undefined) return null;
  const chosen = entry.options.find((o) => o.option === entry.chosen);
  if (!chosen) return null;
  const top = topTerms(chosen.terms, max);
  // A chosen option whose terms are all negligible is the neutral default ("keep out of it"): what
  // explains it is what made the alternative unattractive.
  const weight = Math.max(0, ...chosen.terms.filter((t) => !notReasons.has(t.term)).map((t) => Math.abs(t.value)));
  if (top.length > 0 && weight >= NEGLIGIBLE) return top.join("; ");
  const rivals = entry.options.filter((o) => o !== chosen && topTerms(o.terms, 1).length > 0);
  if (rivals.length === 0) return top.length > 0 ? top.join("; ") : null;
  const best = rivals.reduce((a, b) => (b.utility > a.utility ? b : a));
  return `why not "${best.option}" (${signed(best.utility)}): ${topTerms(best.terms, max).join("; ")}`;
}

function topTerms(terms: readonly { term: string; value: number }[], max: number): string[] {
  return terms
    .filter((t) => Math.abs(t.value) >= 0.005 && Number.isFinite(t.value) && !notReasons.has(t.term))
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.i - b.i)
    .slice(0, max)
    .map((t) => `${t.term} ${signed(t.value)}`);
}

function signed(x: number): string {
  const s = x.toFixed(2);
  return x >= 0 ? `+${s}` : s;
}

/** Width in characters of a bar standing for 100%. */
const BAR = 40;

/**
 * The epilogue's charts as text: who was first from when to when, then FEAR and the first man's
 * clients' share of the voting CC as dated bars, one a point of the series (the same figures that
 * `--json` gives as epilogue.trends).
 */
export function trendLines(trends: Trends, name: (id: string) => string): string[] {
  const pct = (v: number) => `${Math.round(v * 100)}%`.padStart(4);
  const bar = (v: number) => "#".repeat(Math.round(v * BAR));
  const firstOn = (date: string) => trends.primacy.filter((p) => p.from <= date).at(-1)?.who ?? null;
  const step = Math.round(TREND_STEP * 100);
  return [
    "Who was first:",
    ...trends.primacy.map((p) => `  ${p.from} to ${p.to}  ${p.who === null ? "nobody" : name(p.who)}`),
    "",
    `FEAR (a point each time it moved by ${step} points or more):`,
    ...trends.fear.map((p) => `  ${p.date}  ${pct(p.value)}  ${bar(p.value)}`),
    "",
    `The first man's clients' share of the voting Central Committee (a point each time it moved by ${step} points or more, or the first man changed):`,
    ...trends.leaderShare.map((p) => {
      const who = firstOn(p.date);
      return p.value === null || who === null ? `  ${p.date}     -  (nobody stood first)` : `  ${p.date}  ${pct(p.value)}  ${bar(p.value)}${bar(p.value) ? " " : ""}(${name(who)})`;
    }),
  ];
}
