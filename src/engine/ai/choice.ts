// Every choice, by the AI or for a human seat, goes through here: options carry the terms of their
// utility, the AI picks by quantal response (softmax), a human seat's recorded decision is taken
// instead, and the log keeps the compared utilities with their terms.
import type { Rng } from "../rng.js";
import type { Decision, Id, Reason, World } from "../state.js";
import { termValue } from "../precision.js";

export interface ScoredOption {
  choice: string;
  target?: Id;
  label: string;
  terms: Reason[];
  /** The chooser's own estimate of success, when the option has one. */
  odds?: number;
}

export function utility(terms: readonly Reason[]): number {
  let u = 0;
  for (const t of terms) u += t.value;
  return u;
}

export { termValue } from "../precision.js";

export function term(name: string, value: number): Reason {
  return { term: name, value: termValue(value) };
}

/** Thrown when a human-held seat must decide before the week can go on. */
export class DecisionNeeded extends Error {
  constructor(
    readonly seat: Id,
    readonly kind: string,
    readonly prompt: string,
    readonly options: ScoredOption[],
  ) {
    super(`${seat} must decide: ${kind}`);
  }
}

export interface DecisionContext {
  world: World;
  rng: Rng;
  /** Decisions of human seats for this week, consumed in order. */
  decisions: Decision[];
  used: number;
}

export function choose(ctx: DecisionContext, seat: Id, kind: string, prompt: string, options: ScoredOption[], temperature = ctx.world.params.ai.choice.temperature): ScoredOption {
  if (ctx.world.humanSeats.includes(seat)) {
    const next = ctx.decisions[ctx.used];
    if (!next) throw new DecisionNeeded(seat, kind, prompt, options);
    const match = options.find((o) => o.choice === next.choice && (o.target ?? null) === (next.target ?? null));
    if (next.seat !== seat || next.kind !== kind || !match) {
      throw new Error(`decision ${JSON.stringify(next)} does not answer ${seat}'s ${kind} (options: ${options.map((o) => o.choice + (o.target ? ":" + o.target : "")).join(", ")})`);
    }
    ctx.used++;
    return match;
  }
  if (options.length === 1) return options[0];
  const us = options.map((o) => utility(o.terms));
  const max = Math.max(...us);
  const weights = us.map((u) => Math.exp((u - max) / temperature));
  return options[ctx.rng.weighted("ai", weights)];
}

export function optionsForLog(options: readonly ScoredOption[]) {
  return options.map((o) => ({ option: o.target ? `${o.choice}:${o.target}` : o.choice, utility: termValue(utility(o.terms)), terms: o.terms }));
}
