// The world: everything a run needs, and nothing else. Plain data (JSON-safe), so a world can be
// cloned, hashed, saved and sent over the wire. MODEL.md section 2 describes what it holds.
import type { RngState } from "./rng.js";
import type { ModelParameters } from "./model/parameters.js";
import type { CongressData, ChapterData, EventData, PolicyData, TripData } from "./scenario/schema.js";
import type { PowerName, TraitName } from "./scenario/names.js";

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

/** A promise made while recruiting: a post if the move wins. */
export interface Obligation {
  from: Id;
  to: Id;
  post: Id;
  move: string;
  date: string;
}

/** What one principal knows or suspects about a move. */
export interface MoveBelief {
  move: string;
  target: Id;
  /** Members this principal knows of (its own knowledge, not the truth). */
  knownMembers: Id[];
  /** How sure he is that the move is real (1 for members). */
  certainty: number;
  source: "member" | "approached" | "warning" | "investigation" | "told";
  since: string;
}

export interface Whereabouts {
  place: string;
  trip: Id;
  /** Last day away (a trip may be cut short). */
  until: string;
  returnDays: number;
}

export interface Principal {
  id: Id;
  name: string;
  nameRu: string;
  born: number;
  health: number;
  alive: boolean;
  /** Since when he has been unable to work (a stroke), or null. */
  incapacitatedSince: string | null;
  presidium: "full" | "candidate" | "none";
  secretary: boolean;
  /** Still outside the leadership (see queries.active); cleared for good once he enters it. */
  outside: boolean;
  posts: Id[];
  /** Posts he fills in for an incapacitated holder. */
  acting: Id[];
  patron: Id | null;
  traits: Traits;
  /** Political opinion of each colleague (-1..1). */
  regard: Record<Id, number>;
  /** Personal trust (-1..1). */
  trust: Record<Id, number>;
  grievances: Grievance[];
  believesCcDecides: number;
  prestige: number;
  kompromat: Record<Id, number>;
  /** His own record of repression (0..1). */
  record: number;
  travel: number;
  beliefs: MoveBelief[];
  /** How strongly he suspects each colleague of moving against him (0..1). */
  suspicion: Record<Id, number>;
  location: Whereabouts | null;
  /** Set once he has lost a contest (or retired for health). */
  fate: Fate | null;
  /** Roll-call order (0 = first). */
  rank: number;
  /** Set only for a woman (the scenario's gender), so that the worlds of scenarios without one are as before. */
  gender?: "female";
  /** Set only for a man raised from the CC during the run: the id he had as a CC member (rules/cadres.ts, raiseFromCc). */
  formerly?: Id;
}

/** A member of the wider elite: a job slot's holder, a CC member, or both. */
export interface Cadre {
  id: Id;
  name: string | null;
  /** His seat in the CC elected at the last congress, if any. */
  seat: "voting" | "candidate" | null;
  /** The job slot he holds now, if any. */
  slot: Id | null;
  row: Id;
  region: string;
  distance: "near" | "mid" | "far";
  patron: Id | null;
  /**
   * His own regard for particular principals on top of his constituency's mood: owing one his post
   * (+), a grudge against one who displaced him (-), a personal lean toward the first man.
   */
  debts: Record<Id, number>;
  /** The move he has pledged his vote to, if any. */
  pledge: string | null;
  /** Moves that sounded him out and were refused, with the date. */
  refused: Record<string, string>;
}

export interface Slot {
  id: Id;
  row: Id;
  seat: "voting" | "candidate";
  holder: Id | null;
}

export interface Row {
  id: Id;
  label: string;
  /** One holder of the row's slots in words ("a commander"), where the scenario gives it. */
  one?: string;
  mix: Record<Id, number>;
  distance: { near: number; mid: number; far: number };
  appointedBy: "cadres" | "government" | "army" | "none";
  senior: boolean;
}

export type MoveStage = "forming" | "launched" | "succeeded" | "failed" | "disbanded";

export interface Move {
  id: string;
  target: Id;
  /** The posts demanded; empty: all of them. */
  demand: Id[];
  initiator: Id;
  /** In order of joining. */
  members: Id[];
  /** Principals who said no, with when. */
  refusals: { id: Id; date: string }[];
  startedOn: string;
  stage: MoveStage;
  /** How much of it has leaked (0..max). */
  exposure: number;
  /** How sure the members are that the target is on to them (0..1). */
  alarm: number;
  /** An open proposal by the holder of primacy (a purge put to the vote), or a retirement for health. */
  open: "purge" | "health" | null;
  launchedOn: string | null;
  launchedWhileAway: boolean;
}

/** A contest in progress: a session, a plenum, or an arrest, over one or more days. */
export interface Crisis {
  move: string;
  venue: "session" | "force";
  phase: "waiting" | "session" | "plenum-called" | "plenum" | "done";
  /** Days since the launch. */
  day: number;
  startedOn: string;
  /** The target's answer once the Presidium has voted against him. */
  answer: "resign" | "plenum" | "concede" | null;
  sessionDays: number;
  /** Day the session provoking a plenum ended. */
  sessionEndedDay: number | null;
  /** Presidium tally of the decisive session. */
  tally: { for: number; against: number; voters: number } | null;
  /** Which side each organ chief took. */
  sides: Record<Id, "target" | "move" | "neutral">;
  /** CC members in Moscow, with the day each arrived (by cadre id). */
  arrived: Record<Id, number>;
  /** Cadres who signed the demand for an immediate plenum. */
  signatures: Id[];
  /** Day the plenum opens, once called. */
  plenumDay: number | null;
  /** Posts the target offered to give up (a partial concession), if any. */
  conceded: Id[];
  /** Full Presidium members in the move when it was launched. */
  fullMembers: number;
  /** Who commanded the Army when it was launched. */
  army: Id[];
}

export interface PostState {
  id: Id;
  title: string;
  powers: PowerName[];
  value: number;
  holders: Id[];
  /** The post this one is deputy to: no one holds both. */
  deputyOf?: Id;
}

export interface ContestRecord {
  date: string;
  /** When it was settled. */
  endedOn: string;
  move: string;
  target: Id;
  demand: Id[];
  initiator: Id;
  members: Id[];
  /** Where it was decided. */
  venue: "session" | "plenum" | "force";
  open: Move["open"];
  launchedWhileAway: boolean;
  presidium: { for: number; against: number; voters: number } | null;
  answer: Crisis["answer"];
  plenum: { forTarget: number; againstTarget: number; present: number; days: number } | null;
  winner: "target" | "move";
  /** Fates, with who proposed each. */
  fates: { who: Id; fate: Fate; proposedBy: Id; softenedBy: Id[] }[];
  /** Posts that changed hands, and to whom. */
  posts: Record<Id, Id>;
  /** Who decided it by force or transport, if an organ did. */
  kingmakers: Id[];
  /** Full Presidium members in the move at its launch. */
  fullMembers: number;
  /** The side the Army's chief took ("none" if nobody commanded it). */
  armySide: "target" | "move" | "neutral" | "none";
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

/** A choice made for a human-held seat, keyed by the point that asked for it. */
export interface Decision {
  seat: Id;
  kind: string;
  /** Which question it answers (week, the decision point); makes a resent answer recognisable. */
  key: string;
  choice: string;
  target?: Id;
  /** A second argument (a post offered, a policy). */
  detail?: string;
}

export interface OptionView {
  choice: string;
  target?: Id;
  detail?: string;
  label: string;
  /** The chooser's own estimate that this option's result comes about. */
  odds?: number;
  terms?: Reason[];
}

export interface Awaiting {
  seat: Id;
  kind: string;
  key: string;
  prompt: string;
  options: OptionView[];
}

export interface PolicyState extends PolicyData {
  champion?: Id;
  /** Who voted for and against its adoption. */
  supporters: Id[];
  opponents: Id[];
  /** When it was adopted: the start for a policy in force then (see inForceAtStart). */
  adoptedOn: string | null;
  /** In force when the run began: history, nobody's doing in the run (a policy can be adopted in the first week too). */
  inForceAtStart: boolean;
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
  /**
   * fear: how much losing a contest is feared (0..1). climate: the part of the fear it drifts toward
   * that the organs' standing does not explain, a memory that fades over years (learning.ts).
   */
  globals: { fear: number; ccArbiter: number; climate: number };
  signals: { kind: string; severity: number; date: string }[];
  principals: Record<Id, Principal>;
  /** Principal ids in rank order: the only iteration order the rules use. */
  order: Id[];
  posts: Record<Id, PostState>;
  postOrder: Id[];
  rows: Row[];
  /** Each constituency's regard for each principal (-1..1), moved by policies, appointments, tours. */
  mood: Record<Id, Record<Id, number>>;
  cadres: Cadre[];
  slots: Slot[];
  /** When the CC in office was elected. */
  ccElected: string;
  congresses: CongressData[];
  /** A long scenario's chapters, by date (see the scenario schema). */
  chapters: ChapterData[];
  policies: PolicyState[];
  events: EventData[];
  /** Random events that have happened (those that happen once). */
  eventsDone: Id[];
  trips: TripData[];
  /** Trips made or refused (offers are taken at most once). */
  tripsDone: Id[];
  outsidePatron: { name: string; weight: number; stance: Record<Id, number> } | null;
  /** Surnames for CC members the file does not name who are raised into the leadership (rules/cadres.ts, raiseFromCc). */
  surnames: readonly string[];
  /** Everyone's power as last read (see power.ts), and its total. */
  power: Record<Id, number>;
  powerTotal: number;
  /**
   * Claims to posts as last read with the week's readings (see readTheWeek and claimRanking):
   * each claimant's claim before the fit to a post, and each post's claimants, strongest first.
   * Filled the first time a rule asks.
   */
  claims: { base: Record<Id, number>; ranking: Record<Id, readonly Id[]> };
  /** Who holds primacy now, and since when. */
  primacy: Id | null;
  primacySince: string;
  primacyHistory: { who: Id | null; from: string }[];
  moves: Move[];
  crisis: Crisis | null;
  contests: ContestRecord[];
  promises: Obligation[];
  /** The week's influence already spent, by principal (reset each week). */
  spent: Record<Id, number>;
  /**
   * Readings every actor's options use: whom each would most want to move against, whom he would
   * court and which slot he would fill (each revised every few weeks, or at once after a contest
   * or a change of primacy), and the CC's seats per row (read weekly).
   */
  weekly: {
    targets: Record<Id, { target: Id; motive: number } | null>;
    courtTargets: Record<Id, Id | null>;
    appointTargets: Record<Id, { slot: Id; value: number } | null>;
    seatsByRow: Record<Id, number>;
    /** The primacy and the number of contests when last read: a change makes everyone read afresh. */
    epoch: string;
  };
  /** What the rules remember of recent acts (so they need not search the log). */
  memory: {
    /** Last date each policy was put to the vote. */
    proposals: Record<Id, string>;
    /** Last date each principal asked for a seat. */
    demands: Record<Id, string>;
    /** Recent appointments, by row and date (older ones are dropped). */
    shakeUps: { row: Id; date: string }[];
    /** Who has told a move's target about it ("move:reporter"). */
    reports: string[];
    /** Whom a move's target has confronted with it ("move:accused"): each man is asked once. */
    confronted: string[];
    /** Who came clean to whom, and when: for a while he neither starts nor is drawn into a move against him. */
    cameClean: { man: Id; to: Id; date: string }[];
    /** The last first man the news said was breaking the norm of collective leadership (it says so once for each). */
    normBites: Id | null;
  };
  /** Counter behind opaque move ids (drawn from the `ids` stream, so no id reveals a count). */
  rng: RngState;
  log: LogEntry[];
  humanSeats: Id[];
  /** Decisions made by human seats this week (the week is re-run from its start as they arrive). */
  pending: Decision[];
  /** What each human seat must decide before the week can go on (one question per seat). */
  awaiting: Awaiting[];
  /** Human seats letting quiet weeks pass until something concerns them. */
  skipping: Id[];
  /** How things stood at the start (for the run's summary and epilogue). */
  origin: {
    posts: Record<Id, Id[]>;
    seats: Record<Id, "full" | "candidate" | "secretary" | "none">;
    /** Each principal's tie to each other at the start. */
    ties: Record<Id, Record<Id, number>>;
    /** Each patron's clients' share of the voting CC. */
    clients: Record<Id, number>;
    fear: number;
    /** Who was already ill, since when. */
    ill: Record<Id, string>;
    /** Each principal's line (ideology) at the start: what a policy may later persuade him of moves it. */
    lines: Record<Id, number>;
  };
  /** Series the summary reads: the full Presidium's size when it changes, the CC belief around plenums. */
  trace: {
    fullSeats: { date: string; count: number }[];
    beliefs: { date: string; before: number; after: number }[];
    congresses: { date: string; shares: Record<Id, number> }[];
    /** FEAR and the first man's clients' share of the voting CC, sparsely, for the epilogue's charts (trends.ts). */
    fear: { date: string; value: number }[];
    leaderShare: { date: string; who: Id | null; value: number | null }[];
  };
  done: boolean;
}
