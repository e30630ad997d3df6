// The scenario format (MODEL.md section 6). Data files are validated against this before the engine
// sees them; the engine never hard-codes a name, a date or an outcome: everything it knows about a
// period comes from here. Starting values are judgement calls, each with its reason.
import { z } from "zod";
import { parameterOverridesSchema } from "../model/parameter-schemas.js";
import type { ModelParameters } from "../model/parameters.js";
import { genders, powerNames } from "./names.js";

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

const count = (what: string, max: number, why: string) =>
  z
    .number({ error: (i) => `expected ${what} (a whole number), got ${show(i.input)}` })
    .int({ error: (i) => `expected ${what} (a whole number), got ${show(i.input)}` })
    .min(0, { error: (i) => `expected ${what} of at least 0, got ${show(i.input)}` })
    .max(max, { error: (i) => `expected ${what} of at most ${max} (${why}), got ${show(i.input)}` });

const reason = z.string({ error: "expected a one-line reason (text)" }).min(3, { error: "expected a one-line reason" });

/** A judgement call: the value and why it was chosen. */
const judged = <T extends z.ZodType>(value: T) => z.strictObject({ value, reason, source: z.string().optional() });

const year = z
  .number({ error: (i) => `expected a year (integer), got ${show(i.input)}` })
  .int({ error: (i) => `expected a year (integer), got ${show(i.input)}` })
  .min(1850, { error: (i) => `expected a year between 1850 and 1950, got ${show(i.input)}` })
  .max(1950, { error: (i) => `expected a year between 1850 and 1950, got ${show(i.input)}` });

const traits = z.strictObject({
  /** Appetite for higher office. */
  ambition: judged(unit("ambition")),
  /** Willingness to take risks (the opposite of caution). */
  boldness: judged(unit("boldness")),
  /** Disposition to stay loyal to a patron and to colleagues once committed. */
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
  powers: z.array(z.enum(powerNames)).default([]),
  /** How much the post is worth to hold (0..1): what claimants weigh and what power it gives. */
  value: unit("a post value"),
  /** The post this one is deputy to (a First Deputy Premier's to the Premier's): no one is his own deputy. */
  deputyOf: id.optional(),
});

const character = z.strictObject({
  name: z.string().min(2),
  nameRu: z.string().min(2),
  /** What the texts call the character (he or she); absent, a man, as all but one of the leadership were. */
  gender: z.enum(genders, { error: (i) => `expected male or female, got ${show(i.input)}` }).optional(),
  born: year,
  died: z.number({ error: (i) => `expected a year (integer), got ${show(i.input)}` }).int().min(1850).max(2030).optional(),
  bio: z.string().min(3),
  faction: z.string().min(2),
  sources: z.array(z.string()).default([]),
  health: judged(unit("health")),
  /** Out of action at the start (a stroke): he cannot act or vote until retired. */
  incapacitated: judged(z.boolean()).optional(),
  presidium: z.enum(["full", "candidate", "none"], { error: (i) => `expected full, candidate or none, got ${show(i.input)}` }),
  secretary: z.boolean().default(false),
  /**
   * He starts outside the leadership, in a post that gives no say in its politics (a region, a
   * ministry's department): he neither acts nor is courted or moved against until an appointment,
   * a co-option or a share-out brings him in (nobody enters by date).
   */
  startsOutside: z.boolean().default(false),
  posts: z.array(id).default([]),
  patron: id.nullable().default(null),
  traits,
  /** His political opinion of colleagues (-1..1); unlisted colleagues are seen neutrally. */
  opinions: z.record(id, judged(signedUnit("an opinion"))).default({}),
  /** Personal trust toward other principals, -1..1; unlisted pairs are neutral. */
  trust: z.record(id, signedUnit("trust")).default({}),
  grievances: z.array(grievance).default([]),
  /** Standing in the party and the country (0..1); by default middling. */
  prestige: judged(unit("prestige")).optional(),
  /**
   * His own belief that the Central Committee decides contests, from what he has seen before the
   * start (by default the scenario's ccArbiter). A value chosen to produce the scenario's outcome is
   * a defect: the reason must come from his situation before the start date.
   */
  believesCcDecides: judged(unit("a belief that the CC decides")).optional(),
  /** Compromising material he holds on others (0..1), e.g. signatures on Terror-era lists. */
  kompromat: z.record(id, judged(unit("compromising material"))).default({}),
  /** His own record of sending rivals to prison or death (0..1): what others fear if he is spared. */
  record: judged(unit("a record of repression")).optional(),
  /** Appetite for travel (0..1); by default middling. */
  travel: judged(unit("an appetite for travel")).optional(),
  /** Share of CC seats in each constituency whose holders count this character as patron. */
  clients: z.record(id, unit("a client share")).default({}),
});

const ccRow = z.strictObject({
  constituency: id,
  label: z.string().min(2),
  /** One holder of these slots in a sentence ("a commander"): the label may name a body, not its men. */
  one: z.string().min(2).optional(),
  voting: count("a number of voting seats", 2000, "no CC ever had more than a few hundred members"),
  candidates: count("a number of candidate seats", 2000, "no CC ever had more than a few hundred members"),
  /** Fractional membership in constituencies, summing to 1. */
  mix: z.record(id, unit("a constituency share")),
  /** How the row regards the holder of primacy at the start, before patrons and policies (-1..1). */
  lean: judged(signedUnit("a lean toward the leader")),
  /** Share of seats at each distance band from Moscow. */
  distance: z.strictObject({ near: unit("a share"), mid: unit("a share"), far: unit("a share") }),
  /** The power that appoints the holders of these job slots (none: elected or ex officio). */
  appointedBy: z.enum(["cadres", "government", "army", "none"]).default("none"),
  /** Appointments to these slots need the Presidium's consent. */
  senior: z.boolean().default(false),
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

const congress = z.strictObject({
  id,
  date: isoDate,
  title: z.string().min(3),
  /** The congress elects a new CC from the holders of the job slots on that day. */
  electsCc: z.boolean().default(true),
  /** New numbers of seats per constituency (others keep theirs). */
  seats: z.record(id, z.strictObject({ voting: count("a number of voting seats", 2000, "bounded as in composition"), candidates: count("a number of candidate seats", 2000, "bounded as in composition") })).default({}),
  note: z.string().min(3),
  source: z.string().optional(),
});

const policy = z.strictObject({
  id,
  name: z.string().min(2),
  /** The power whose holder may propose it (none: it cannot be proposed, only be in force). */
  proposer: z.enum([...powerNames, "none"]),
  /** Earliest date it can be proposed. */
  from: isoDate.optional(),
  /** It can be proposed only to a party congress (the Secret Speech, the statute's turnover rule). */
  atCongress: z.boolean().default(false),
  /**
   * It reorganises an apparatus or the economy's management (a ministry, the farms, the army, the
   * party's committees): the apparatus must carry it out, so it waits on the reorganisations before
   * it. A speech, an inquiry, an amnesty or a line abroad is not one.
   */
  reorganises: z.boolean().default(false),
  /** Policies that must be in force first. */
  requires: z.array(id).default([]),
  /**
   * The kind of public failure it answers (an event's signal, e.g. "harvest"): it can be proposed
   * only once such a failure has come since the policies it requires were adopted (or since the
   * start), as the split of the party committees answered the farm failures and the note of July
   * 1964 the harvest of 1963.
   */
  answers: z.string().min(2).optional(),
  /** Policies it cannot coexist with (proposing it repeals them). */
  replaces: z.array(id).default([]),
  inForce: z.boolean().default(false),
  /** For a policy in force at the start: who is remembered as its champion. */
  champion: id.optional(),
  /** Where it sits (-1 reform .. +1 orthodox): what each man's ideology makes of it. */
  line: signedUnit("a policy's line"),
  /** Change in each constituency's regard for its champion while in force (-1..1). */
  effects: z.record(id, signedUnit("a policy effect")),
  /** Changes of the globals when adopted. */
  globals: z.strictObject({ fear: signedUnit("a fear change").optional(), ccArbiter: signedUnit("a change of the CC's authority").optional() }).default({}),
  /** Multipliers of random events' chances while in force. */
  risks: z.record(id, z.number().min(0).max(200)).default({}),
  /** Principals personally aggrieved (against its champion), with weight. */
  aggrieves: z.record(id, unit("a grievance weight")).default({}),
  /**
   * Principals whose part in the repressions it makes known to their colleagues, each with the share
   * of his record (0..1) it exposes: each loses prestige and his colleagues' regard as when material
   * on him is used, and its proposer weighs that as such material on them.
   */
  exposes: z.record(id, unit("a share of a record exposed")).default({}),
  /**
   * How far (on the -1..1 scale of lines) it moves toward its own line, never past it, the line of
   * every full or candidate member of the Presidium and every secretary on the other side of it when it is adopted:
   * what it brings to light changes the minds of those who read it (0 for most; a policy of line 0
   * moves nobody).
   */
  persuades: unit("a shift of line").default(0),
  /** The prestige its champion gains (or loses) at adoption. */
  prestige: signedUnit("a prestige change").default(0),
  /** When history adopted it, if it did. */
  historical: isoDate.optional(),
  note: z.string().min(3),
  source: z.string().optional(),
});

const eventEffects = z.strictObject({
  /** Prestige change of the holder of primacy (a failure or success of the regime). */
  prestige: signedUnit("a prestige change").optional(),
  /** Policies whose champions share the blame (or credit): their prestige moves by the same change. */
  blame: z.array(id).default([]),
  fear: signedUnit("a fear change").optional(),
  /** Public signal of failure (or success, with negative severity). */
  signal: z.strictObject({ kind: z.string().min(2), severity: signedUnit("a severity") }).optional(),
  grievances: z.array(z.strictObject({ who: id, against: id.optional(), weight: unit("a grievance weight"), cause: z.string().min(3) })).default([]),
  /** Change of the outside patron's stance toward principals. */
  stance: z.record(id, signedUnit("a stance change")).default({}),
});

const event = z.strictObject({
  id,
  /** A dated event; or give `chance` for one that may happen, with odds that follow the state. */
  date: isoDate.optional(),
  /**
   * The event is this character's own doing while he is the first man (an outburst, a slight): it
   * happens only while he holds primacy, and its grievances are against him.
   */
  onlyWhileFirst: id.optional(),
  chance: z
    .strictObject({
      /** Weekly chance, before the multipliers of policies in force. */
      weekly: unit("a weekly chance"),
      from: isoDate.optional(),
      until: isoDate.optional(),
      /** Only while all of these policies are in force. */
      requires: z.array(id).default([]),
      /** Not once any of these events has happened (a year's harvest fails or is good, not both). */
      unless: z.array(id).default([]),
      /** At most once in a run. */
      once: z.boolean().default(true),
    })
    .optional(),
  title: z.string().min(3),
  effects: eventEffects,
  note: z.string().min(3),
  source: z.string().optional(),
});

const trip = z.strictObject({
  id,
  /** A character's id, or a power whose holder may make it (e.g. firstSecretary). */
  traveller: z.string().min(2),
  place: z.string().min(2),
  /** Earliest and latest day to set out. */
  from: isoDate,
  until: isoDate,
  days: count("a trip's length in days", 120, "no trip of the period lasted longer"),
  /** Travel time back to Moscow in days. */
  returnDays: z.number().int().min(0).max(14),
  /** Prestige the traveller gains from it. */
  prestige: signedUnit("a prestige change").default(0),
  /** Constituency whose regard he gains by touring it. */
  constituency: id.optional(),
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

const outsidePatron = z.strictObject({
  name: z.string().min(2),
  /** How much its consent weighs in the actors' estimates (0..1). */
  weight: judged(unit("the outside patron's weight")),
  /** Its stance toward principals (-1 wants him gone .. +1 backs him). */
  stance: z.record(id, judged(signedUnit("a stance"))).default({}),
  note: z.string().min(3),
});

const historicalContest = z.strictObject({
  date: isoDate,
  target: id,
  /** The posts at stake; empty: all of his posts. */
  demand: z.array(id).default([]),
  venue: z.enum(["session", "plenum", "force"]),
  movedBy: z.array(id).default([]),
  outcome: z.enum(["removed", "survived"]),
  /** What became of the loser(s). */
  fate: z.enum(["none", "retired", "demoted", "expelled", "imprisoned", "executed"]),
  text: z.string().min(3),
  /** Keys of the file's sources, comma-separated: kept out of the text, which players read. */
  source: z.string().optional(),
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
  }),
  posts: z.record(id, postSchema),
  constituencies: z.record(id, z.strictObject({ label: z.string().min(2), note: z.string().optional() })),
  characters: z.record(id, character),
  /** Cadres waiting for a post (named historical figures who may be appointed). */
  reserve: z
    .array(z.strictObject({ id, name: z.string().min(2), constituency: id, patron: id.nullable().default(null), region: z.string().min(2), distance: z.enum(["near", "mid", "far"]), note: z.string().optional(), source: z.string().optional() }))
    .default([]),
  centralCommittee: z.strictObject({
    note: z.string().min(3),
    /** When the congress that elected this CC met. */
    elected: isoDate,
    composition: z.array(ccRow).min(1),
    named: z.array(namedMember).default([]),
    /**
     * Surnames for members the file does not name, should one be raised into the leadership (a
     * Presidium seat with nobody left in the leadership to fill it): common ones, not historical
     * persons, and none a character's.
     */
    surnames: z.array(z.string().regex(/^\S{2,}$/, "a surname is one word of at least two letters (the log calls a man by the last word of his name)")).default([]),
  }),
  congresses: z.array(congress).default([]),
  policies: z.array(policy).default([]),
  events: z.array(event).default([]),
  trips: z.array(trip).default([]),
  outsidePatron: outsidePatron.optional(),
  whatIfs: z.record(id, whatIf).default({}),
  /** Overrides of model parameters (model/parameters.yaml) for this scenario, each with its reason. */
  parameters: parameterOverridesSchema.default({}),
  history: z.strictObject({
    summary: z.string().min(3),
    timeline: z.array(z.strictObject({ date: isoDate, text: z.string().min(3) })).min(1),
    contests: z.array(historicalContest).default([]),
    /** Who held primacy at the end of the period. */
    primacyAtEnd: id,
  }),
  /**
   * A long scenario's chapters: dated points (each the start of a shipped scenario that can also be
   * played on its own) at which the run is set beside history: who holds primacy then, against who
   * did.
   */
  chapters: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(3),
        date: isoDate,
        /** The shipped scenario that starts here. */
        scenario: id,
        /** Who held primacy on that date in history. */
        primacy: id,
        note: z.string().optional(),
      }),
    )
    .default([]),
});

/** A scenario file as validated. */
export type ScenarioFile = z.infer<typeof scenarioSchema>;
/** What the engine runs: a validated scenario with its model parameters resolved. */
export type Scenario = ScenarioFile & { model: ModelParameters };
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type CharacterData = ScenarioFile["characters"][string];
export type PostData = ScenarioFile["posts"][string];
export type PolicyData = ScenarioFile["policies"][number];
export type EventData = ScenarioFile["events"][number];
export type TripData = ScenarioFile["trips"][number];
export type CcRowData = ScenarioFile["centralCommittee"]["composition"][number];
export type CongressData = ScenarioFile["congresses"][number];
export type WhatIfData = ScenarioFile["whatIfs"][string];
export type HistoricalContest = ScenarioFile["history"]["contests"][number];
export type ChapterData = ScenarioFile["chapters"][number];

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}
