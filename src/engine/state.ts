// The world: everything a run needs, and nothing else. Plain data (JSON-safe), so a world can be
// cloned, hashed, saved and sent over the wire.
import type { RngState } from "./rng.js";
import type { TraitName, PolicyData, ScheduledEventData, TripData } from "./scenario/schema.js";
import type { ModelParameters } from "./model/parameters.js";

export type Id = string;
export type Traits = Record<TraitName, number>;
export const fateLadder = ["retired", "demoted", "expelled", "imprisoned", "executed"] as const;
export type Fate = (typeof fateLadder)[number];

export interface Grievance {
  against: Id;
  cause: string;
  weight: number;
  date: string;
}

/** What one principal knows or suspects about a plot. */
export interface PlotBelief {
  plotId: string;
  /** Members this principal knows of (its own knowledge, not the truth). */
  knownMembers: Id[];
  /** How sure they are that the plot is real (1 for members). */
  certainty: number;
  source: "member" | "approached" | "warning" | "investigation";
  since: string;
}

export interface Principal {
  id: Id;
  name: string;
  nameRu: string;
  born: number;
  health: number;
  alive: boolean;
  incapacitated: boolean;
  presidium: "full" | "candidate" | "none";
  secretary: boolean;
  posts: Id[];
  patron: Id | null;
  traits: Traits;
  opinionOfLeader: number;
  trust: Record<Id, number>;
  grievances: Grievance[];
  believesCcDecides: number;
  /** Share of each constituency's CC seats whose holders count this principal as patron. */
  clients: Record<Id, number>;
  beliefs: PlotBelief[];
  /** Leader only: how strongly each principal is suspected of plotting (0..1). */
  suspicion: Record<Id, number>;
  /** Set once the principal has lost a contest. */
  fate: Fate | null;
  /** Roll-call order (0 = first). */
  rank: number;
}

export interface CcMember {
  id: Id;
  name: string | null;
  seat: "voting" | "candidate";
  row: Id;
  mix: Record<Id, number>;
  region: string;
  distance: "near" | "mid" | "far";
  patron: Id | null;
  baseLean: number;
  /** The plot that has secured this member's vote, if any. */
  whippedBy: string | null;
}

export type PlotStage = "forming" | "recruiting" | "launched" | "exposed" | "disbanded" | "succeeded" | "failed";

export interface Plot {
  id: string;
  target: Id;
  initiator: Id;
  members: Id[];
  /** Principals who were approached and said no, with when (they may be asked again once the plot has grown). */
  refusedBy: { id: Id; date: string }[];
  startedOn: string;
  stage: PlotStage;
  exposure: number;
  /** 0..1: how sure the plotters are that the leader is on to them. */
  alarm: number;
  whippedCount: number;
  launchedOn: string | null;
  launchedWhileAway: boolean;
}

export interface PostState {
  id: Id;
  title: string;
  powers: string[];
  value: number;
  holders: Id[];
}

export interface Location {
  place: string;
  tripId: string;
  returnDays: number;
}

export interface ContestRecord {
  date: string;
  plotId: string;
  target: Id;
  initiator: Id;
  plotMembers: Id[];
  kind: "session" | "exposed" | "pre-emption" | "arrest";
  launchedWhileAway: boolean;
  presidium: { for: number; against: number; voters: number } | null;
  presidiumMajorityAgainstLeader: boolean;
  leaderChoice: "resign" | "plenum" | null;
  plenum: { forLeader: number; againstLeader: number; present: number; winningShare: number } | null;
  force: boolean;
  winner: "leader" | "plot";
  fates: Record<Id, Fate>;
  newFirstSecretary: Id;
  successorWasPlotter: boolean;
}

export interface Reason {
  term: string;
  value: number;
}

export interface LogEntry {
  seq: number;
  date: string;
  type: string;
  /** Who may know of it: "public", or the ids of the principals who do. */
  audience: "public" | Id[];
  text: string;
  actor?: Id;
  data?: Record<string, unknown>;
  /** For decisions and votes: the option compared, with the terms that add up to its utility. */
  options?: { option: string; utility: number; terms: Reason[] }[];
  chosen?: string;
}

/** A choice made for a human-held seat. */
export interface Decision {
  seat: Id;
  kind: string;
  choice: string;
  target?: Id;
}

export interface Awaiting {
  seat: Id;
  kind: string;
  prompt: string;
  options: { choice: string; target?: Id; label: string; odds?: number; terms?: Reason[] }[];
}

export interface World {
  scenarioId: string;
  /** The model parameters of this run (defaults, scenario overrides, command-line settings). */
  params: ModelParameters;
  seed: number;
  whatIfs: string[];
  start: string;
  end: string;
  date: string;
  week: number;
  globals: { fear: number; ccArbiter: number; prestige: number };
  signals: { kind: string; severity: number; date: string }[];
  principals: Record<Id, Principal>;
  /** Principal ids in rank order: the only iteration order the rules use. */
  order: Id[];
  posts: Record<Id, PostState>;
  postOrder: Id[];
  cc: CcMember[];
  policies: (PolicyData & { inForce: boolean })[];
  events: ScheduledEventData[];
  trips: TripData[];
  leaderLocation: Location | null;
  /** Trips the leader cut short or called off after taking a warning seriously. */
  cancelledTrips: string[];
  firstLeader: Id;
  plots: Plot[];
  contests: ContestRecord[];
  rng: RngState;
  log: LogEntry[];
  humanSeats: Id[];
  /** Decisions made by human seats this week (the week is re-run from `weekStart` as they arrive). */
  pending: Decision[];
  awaiting: Awaiting | null;
  done: boolean;
}
