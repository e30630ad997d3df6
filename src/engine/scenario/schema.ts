// The scenario format (MODEL.md section 6). Data files are validated against this before the engine
// sees them; the engine never hard-codes a name, a date or an outcome: everything it knows about a
// crisis comes from here.
import { z } from "zod";
import { parameterOverridesSchema, type ModelParameters } from "../model/parameters.js";

const id = z
  .string({ error: (i) => `expected an id (lower-case letters, digits and dashes), got ${show(i.input)}` })
  .regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `expected an id (lower-case letters, digits and dashes), got ${show(i.input)}` });

export const isoDate = z
  .string({ error: (i) => `expected a date (YYYY-MM-DD), got ${show(i.input)}` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (i) => `expected a date (YYYY-MM-DD), got ${show(i.input)}` })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: (i) => `expected a real calendar date (YYYY-MM-DD), got ${show(i.input)}`,
  });

const unit = (what: string) =>
  z.number({ error: (i) => `expected ${what} (a number from 0 to 1), got ${show(i.input)}` }).min(0, {
    error: (i) => `expected ${what} from 0 to 1, got ${show(i.input)}`,
  }).max(1, { error: (i) => `expected ${what} from 0 to 1, got ${show(i.input)}` });

const signedUnit = (what: string) =>
  z.number({ error: (i) => `expected ${what} (a number from -1 to 1), got ${show(i.input)}` }).min(-1, {
    error: (i) => `expected ${what} from -1 to 1, got ${show(i.input)}`,
  }).max(1, { error: (i) => `expected ${what} from -1 to 1, got ${show(i.input)}` });

const reason = z.string({ error: "expected a one-line reason (text)" }).min(3, { error: "expected a one-line reason" });

/** A judgement call: the value and why it was chosen. */
const judged = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, reason, source: z.string().optional() });

const year = z
  .number({ error: (i) => `expected a year (integer), got ${show(i.input)}` })
  .int({ error: (i) => `expected a year (integer), got ${show(i.input)}` })
  .min(1850, { error: (i) => `expected a year between 1850 and 1950, got ${show(i.input)}` })
  .max(1950, { error: (i) => `expected a year between 1850 and 1950, got ${show(i.input)}` });

export const traitNames = ["ambition", "boldness", "loyalty", "competence", "overconfidence", "restraint", "ideology"] as const;
export type TraitName = (typeof traitNames)[number];

const traits = z.strictObject({
  /** Appetite for higher office. */
  ambition: judged(unit("ambition")),
  /** Willingness to take risks (the opposite of caution). */
  boldness: judged(unit("boldness")),
  /** Disposition to stay loyal to a patron and to the leader once committed. */
  loyalty: judged(unit("loyalty")),
  competence: judged(unit("competence")),
  /** How readily warnings and bad news are dismissed. */
  overconfidence: judged(unit("overconfidence")),
  /** Reluctance to bring the organs one commands (Army, KGB) into a political contest. */
  restraint: judged(unit("restraint")),
  /** -1 reformer ... +1 orthodox. */
  ideology: judged(signedUnit("ideology")),
});

const grievance = z.strictObject({
  against: id,
  cause: z.string().min(3),
  weight: unit("a grievance weight"),
  date: isoDate.optional(),
  source: z.string().optional(),
});

export const postSchema = z.strictObject({
  title: z.string().min(2),
  /** What holding the post lets one do; rules read these powers, never the post's id. */
  powers: z
    .array(z.enum(["leader", "government", "secondSecretary", "cadres", "security", "army", "headOfState", "economy", "ideology", "control", "diplomacy", "republic"]))
    .default([]),
  /** Weight of the post when successors share out the spoils (0..1). */
  value: unit("a post value"),
});

const character = z.strictObject({
  name: z.string().min(2),
  nameRu: z.string().min(2),
  born: year,
  died: z.number({ error: (i) => `expected a year (integer), got ${show(i.input)}` }).int().min(1850).max(2030).optional(),
  bio: z.string().min(3),
  faction: z.string().min(2),
  sources: z.array(z.string()).default([]),
  health: judged(unit("health")),
  incapacitated: judged(z.boolean()).optional(),
  presidium: z.enum(["full", "candidate", "none"], { error: (i) => `expected full, candidate or none, got ${show(i.input)}` }),
  secretary: z.boolean().default(false),
  posts: z.array(id).default([]),
  patron: id.nullable().default(null),
  traits,
  opinionOfLeader: judged(signedUnit("an opinion of the leader")),
  /** Trust toward other principals, -1..1; unlisted pairs are neutral. */
  trust: z.record(id, signedUnit("trust")).default({}),
  grievances: z.array(grievance).default([]),
  /** Overrides the global belief that the CC decides contests (ccArbiter) for this character. */
  believesCcDecides: judged(unit("a belief that the CC decides")).optional(),
  /** Share of CC seats in each constituency whose holders count this character as patron. */
  clients: z.record(id, unit("a client share")).default({}),
});

const ccRow = z.strictObject({
  constituency: id,
  label: z.string().min(2),
  voting: z.number().int().min(0),
  candidates: z.number().int().min(0),
  /** Fractional membership in constituencies, summing to 1. */
  mix: z.record(id, unit("a constituency share")),
  /** Baseline lean toward the leader, before policies and patrons (-1..1). */
  lean: judged(signedUnit("a lean toward the leader")),
  /** Share of seats at each distance band from Moscow. */
  distance: z.strictObject({ near: unit("a share"), mid: unit("a share"), far: unit("a share") }),
});

const namedMember = z.strictObject({
  id,
  name: z.string().min(2),
  seat: z.enum(["voting", "candidate"]),
  constituency: id,
  region: z.string().min(2),
  distance: z.enum(["near", "mid", "far"]),
  patron: id.nullable().default(null),
  lean: signedUnit("a lean toward the leader").optional(),
  note: z.string().optional(),
  source: z.string().optional(),
});

const policy = z.strictObject({
  id,
  name: z.string().min(2),
  enacted: isoDate,
  inForce: z.boolean().default(true),
  /** Effect on each constituency's lean toward the leader while in force (-1..1). */
  effects: z.record(id, signedUnit("a policy effect")),
  /** Principals personally aggrieved by the policy, with weight. */
  aggrieves: z.record(id, unit("a grievance weight")).default({}),
  note: z.string().min(3),
  source: z.string().optional(),
});

const eventEffects = z.strictObject({
  prestige: signedUnit("a prestige change").optional(),
  fear: signedUnit("a fear change").optional(),
  /** A policy becomes law: the id of an entry in `policies` with inForce false. */
  enact: id.optional(),
  /** A policy is withdrawn. */
  repeal: id.optional(),
  /** Public signal of failure (or success, with negative severity). */
  signal: z.strictObject({ kind: z.string().min(2), severity: signedUnit("a severity") }).optional(),
  grievances: z.array(z.strictObject({ who: id, weight: unit("a grievance weight"), cause: z.string().min(3) })).default([]),
  postChanges: z.array(z.strictObject({ who: id, add: z.array(id).default([]), remove: z.array(id).default([]) })).default([]),
  death: id.optional(),
});

const scheduledEvent = z.strictObject({
  id,
  date: isoDate,
  /** The event is this character's own doing as leader: it happens only while he holds the leadership. */
  onlyWhileLeader: id.optional(),
  title: z.string().min(3),
  effects: eventEffects,
  note: z.string().min(3),
  source: z.string().optional(),
});

const trip = z.strictObject({
  id,
  /** Whose trip it is; by default the leader's at the start. Nobody else makes it. */
  traveller: id.optional(),
  from: isoDate,
  to: isoDate,
  place: z.string().min(2),
  /** Travel time back to Moscow in days. */
  returnDays: z.number().int().min(0).max(14),
  note: z.string().min(3),
  source: z.string().optional(),
});

const patchOp = z.union([
  z.strictObject({ set: z.string().min(1), value: z.unknown(), reason: z.string().optional() }),
  z.strictObject({ remove: z.string().min(1), reason: z.string().optional() }),
]);

const whatIf = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(3),
  patch: z.array(patchOp).min(1),
});

const historyOutcome = z.strictObject({
  /** When the contest that decided the outcome was settled. */
  date: isoDate,
  /** When the Presidium first moved against the leader, if it did. */
  presidiumMovedOn: isoDate.optional(),
  leaderRemoved: z.boolean(),
  means: z.enum(["vote", "force", "none"]),
  presidiumMovedAgainstLeader: z.boolean(),
  survivedViaPlenum: z.boolean(),
  newFirstSecretary: id,
  leaderFate: z.enum(["none", "retired", "demoted", "expelled", "imprisoned", "executed"]),
});

export const scenarioSchema = z.strictObject({
  id,
  title: z.string().min(3),
  summary: z.string().min(3),
  sources: z.record(z.string(), z.string()).default({}),
  start: isoDate,
  end: isoDate,
  globals: z.strictObject({
    fear: judged(unit("fear")),
    ccArbiter: judged(unit("ccArbiter")),
    prestige: judged(unit("prestige")),
  }),
  posts: z.record(id, postSchema),
  constituencies: z.record(id, z.strictObject({ label: z.string().min(2), note: z.string().optional() })),
  characters: z.record(id, character),
  centralCommittee: z.strictObject({
    note: z.string().min(3),
    composition: z.array(ccRow).min(1),
    named: z.array(namedMember).default([]),
  }),
  policies: z.array(policy).default([]),
  events: z.array(scheduledEvent).default([]),
  trips: z.array(trip).default([]),
  whatIfs: z.record(id, whatIf).default({}),
  /** Overrides of model parameters (model/parameters.yaml) for this scenario, each with its reason. */
  parameters: parameterOverridesSchema.default({}),
  history: z.strictObject({
    summary: z.string().min(3),
    timeline: z.array(z.strictObject({ date: isoDate, text: z.string().min(3) })).min(1),
    outcome: historyOutcome,
  }),
});

/** A scenario file as validated. */
export type ScenarioFile = z.infer<typeof scenarioSchema>;
/** What the engine runs: a validated scenario with its model parameters resolved. */
export type Scenario = ScenarioFile & { model: ModelParameters };
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type CharacterData = ScenarioFile["characters"][string];
export type PostData = ScenarioFile["posts"][string];
export type PolicyData = ScenarioFile["policies"][number];
export type ScheduledEventData = ScenarioFile["events"][number];
export type TripData = ScenarioFile["trips"][number];
export type CcRowData = ScenarioFile["centralCommittee"]["composition"][number];
export type WhatIfData = ScenarioFile["whatIfs"][string];

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}
