// Every choice, by the AI or for a human seat, goes through here: options carry the terms of their
// utility, the AI picks by quantal response (softmax), a human seat's recorded decision is taken
// instead, and the log keeps the compared utilities with their terms. A decision is keyed by the
// question it answers (week and decision point), not by its place in a queue, so several human
// seats can be asked at once and a resent answer is recognised.
import type { Rng } from "../rng.js";
import type { Awaiting, Decision, Id, Reason, World } from "../state.js";
import { termValue } from "../precision.js";

export { termValue } from "../precision.js";

/** Where a rule writes the terms of a sum: the log's reasons, or a running total. */
export type RuleSink = (name: string, value: number) => void;

export interface ScoredOption {
  choice: string;
  target?: Id;
  detail?: string;
  label: string;
  terms: Reason[];
  /** The chooser's own estimate that this option's result comes about, when it has one. */
  odds?: number;
}

export function utility(terms: readonly Reason[]): number {
  let u = 0;
  for (const t of terms) u += t.value;
  return u;
}

export function term(name: string, value: number): Reason {
  return { term: name, value: termValue(value) };
}

/** Builds terms through a sink, so one formula serves the log and the hot path alike. */
export function termsOf(build: (add: RuleSink) => void): Reason[] {
  const out: Reason[] = [];
  build((name, value) => out.push(term(name, value)));
  return out;
}

/**
 * The sum of the same terms, each rounded as `term` rounds it, without building them. One sink
 * serves many sums in a row (reset `total` between them): the hot path weighs every colleague
 * every few weeks, and a total kept in an object's field is updated in place, where a captured
 * local would be boxed afresh at every term.
 */
export class TermSum {
  total = 0;
  readonly add: RuleSink = (_name, value) => {
    this.total += termValue(value);
  };
}

/** A question for a human seat. */
export interface Question {
  seat: Id;
  kind: string;
  key: string;
  prompt: string;
  options: ScoredOption[];
}

/** Thrown when human seats must decide before the week can go on; carries every open question. */
export class DecisionNeeded extends Error {
  constructor(readonly questions: Question[]) {
    super(`${questions.map((q) => `${q.seat} must decide: ${q.kind}`).join("; ")}`);
  }
}

export interface DecisionContext {
  world: World;
  rng: Rng;
  /** Decisions of human seats for this week, by key. */
  decisions: Decision[];
  /** Keys of the decisions used so far (each must be used exactly once). */
  used: Set<string>;
  /**
   * Answers human seats' questions on the spot (scripted players, a replay), those asked together
   * at once, in the order the answers were made; without it the questions stop the week.
   */
  respond?: (questions: readonly Question[]) => Decision[];
}

export function isHuman(world: World, seat: Id): boolean {
  return world.humanSeats.includes(seat);
}

export function decisionKey(world: World, kind: string, point: string): string {
  return `w${world.week}:${kind}:${point}`;
}

/** The recorded answer to a question, or null if the seat has not answered yet. */
function answerOf(ctx: DecisionContext, q: Question): ScoredOption | null {
  const d = ctx.decisions.find((x) => x.seat === q.seat && x.key === q.key);
  if (!d) return null;
  const match = q.options.find((o) => o.choice === d.choice && (o.target ?? null) === (d.target ?? null) && (o.detail ?? null) === (d.detail ?? null));
  if (d.kind !== q.kind || !match) {
    throw new Error(`decision ${JSON.stringify(d)} does not answer ${q.seat}'s ${q.kind} (options: ${q.options.map(optionId).join(", ")})`);
  }
  ctx.used.add(d.key + "\u0000" + d.seat);
  return match;
}

/** A scripted player's answer, given on the spot and recorded like any other decision of the week. */
function respondNow(ctx: DecisionContext, q: Question): ScoredOption | null {
  if (!ctx.respond) return null;
  ctx.decisions.push(...ctx.respond([q]));
  return answerOf(ctx, q);
}

export function optionId(o: { choice: string; target?: string; detail?: string }): string {
  let id = o.choice;
  if (o.target !== undefined) id += `:${o.target}`;
  if (o.detail !== undefined) id += `:${o.detail}`;
  return id;
}

/**
 * The chance that the AI picks `choice` among `options` at `temperature`: the same quantal response
 * as its pick, read as a probability (a man reckoning with another's choice, without drawing it).
 */
export function choiceChance(options: readonly ScoredOption[], choice: string, temperature: number): number {
  const weights = quantalWeights(options, temperature);
  const total = weights.reduce((s, w) => s + w, 0);
  return options.reduce((s, o, i) => (o.choice === choice ? s + weights[i] : s), 0) / total;
}

/** Each option's weight in the quantal response: exp(utility / temperature), scaled by the best. */
function quantalWeights(options: readonly ScoredOption[], temperature: number): number[] {
  let max = -Infinity;
  const us = options.map((o) => {
    const u = utility(o.terms);
    if (u > max) max = u;
    return u;
  });
  return us.map((u) => Math.exp((u - max) / temperature));
}

/** The AI's pick: quantal response over the options' utilities. */
function aiPick(ctx: DecisionContext, options: readonly ScoredOption[], temperature: number): ScoredOption {
  if (options.length === 1) return options[0];
  return options[ctx.rng.weighted("ai", quantalWeights(options, temperature))];
}

/** One choice by one seat. */
export function choose(ctx: DecisionContext, q: Question, temperature = ctx.world.params.ai.choice.temperature): ScoredOption {
  if (isHuman(ctx.world, q.seat)) {
    const answer = answerOf(ctx, q) ?? respondNow(ctx, q);
    if (!answer) throw new DecisionNeeded([q]);
    return answer;
  }
  return aiPick(ctx, q.options, temperature);
}

/**
 * Several seats choosing at the same point (a roll-call's ballots, the week's orders): every human
 * seat is asked together, and only once all have answered does anyone's choice take effect. The AI
 * seats choose in the order given.
 */
export function chooseTogether(ctx: DecisionContext, questions: readonly Question[], temperature = ctx.world.params.ai.choice.temperature): ScoredOption[] {
  const open = questions.filter((q) => isHuman(ctx.world, q.seat) && !ctx.decisions.some((d) => d.seat === q.seat && d.key === q.key));
  if (open.length > 0 && !ctx.respond) throw new DecisionNeeded(open);
  if (open.length > 0) ctx.decisions.push(...ctx.respond!(open));
  return questions.map((q) => (isHuman(ctx.world, q.seat) ? answerOf(ctx, q)! : aiPick(ctx, q.options, temperature)));
}

export function optionsForLog(options: readonly ScoredOption[]) {
  return options.map((o) => ({ option: optionId(o), utility: termValue(utility(o.terms)), terms: o.terms }));
}

export function toAwaiting(q: Question): Awaiting {
  return {
    seat: q.seat,
    kind: q.kind,
    key: q.key,
    prompt: q.prompt,
    options: q.options.map((o) => ({ choice: o.choice, ...(o.target !== undefined ? { target: o.target } : {}), ...(o.detail !== undefined ? { detail: o.detail } : {}), label: o.label, odds: o.odds, terms: o.terms })),
  };
}
