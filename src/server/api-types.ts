// The JSON the server sends and receives: shared by the server and the browser (types only).
import type { SaveSummary } from "../saves/store.js";
import type { Gender } from "../engine/scenario/names.js";
import type { Awaiting, BoardRow, CcRowEstimate, LogEntry, MoveEstimate, PlenumTally, PrincipalView, PublicOutcome, Read, RowView, SeatEstimates, SeatView } from "../engine/index.js";
import type { Goal, GoalReport, OptionOutcome, VoteCount } from "../engine/player.js";
import type { CrisisView, DeskView, JourneyView, OrganView, PolicyView, SlotView } from "../engine/view.js";

export interface ScenarioListing {
  id: string;
  title: string;
  summary: string;
  start: string;
  end: string;
  whatIfs: { id: string; title: string; description: string }[];
  /** A campaign's chapters that this server offers as scenarios of their own: a campaign can start at any of them. */
  chapters: { id: string; title: string; scenario: string }[];
}

export interface CharacterDossier {
  id: string;
  name: string;
  nameRu: string;
  born: number;
  ageAtStart: number;
  bio: string;
  faction: string;
  presidium: "full" | "candidate" | "none";
  secretary: boolean;
  /** Outside the leadership at the start: he acts only once an appointment brings him in, if ever. */
  startsOutside: boolean;
  /** Post titles at the start. */
  posts: string[];
  /** Works cited, with a link where the citation is an address. */
  sources: { key: string; text: string; url?: string }[];
  patron: string | null;
  /** The scenario's judgement of him at the start, each trait with its reason (public: the scenario file is). */
  traits: { name: string; value: number; reason: string; sources: { key: string; text: string; url?: string }[] }[];
  health: { value: number; reason: string };
  prestige: { value: number; reason: string } | null;
  grievances: { against: string; cause: string; date: string | null }[];
  died: number | null;
  /** What history records of him in the scenario's window. */
  history: string[];
  /** The scenario's gender, where it gives one (absent: a man): texts about the character take their pronouns from it. */
  gender?: Gender;
}

export interface ScenarioInfo extends ScenarioListing {
  characters: CharacterDossier[];
  /** Central Committee constituencies (the rows of its composition) and their labels. */
  constituencies: Record<string, string>;
  history: {
    summary: string;
    timeline: { date: string; text: string }[];
    /** Each contest as history records it, with the works the scenario cites for it. */
    contests: { date: string; target: string; demand: string[]; venue: string; movedBy: string[]; outcome: string; fate: string; text: string; sources: { key: string; text: string; url?: string }[] }[];
    primacyAtEnd: string;
  };
}

export interface NewGameRequest {
  scenario: string;
  character: string;
  /** Omitted: the server draws one. */
  seed?: number;
  whatIfs?: string[];
  /** Model parameters to override, as the command line's --set model.NAME=V. */
  settings?: { path: string; value: number }[];
}

/** What a seat is told about the game it sits in. */
export interface GameInfo {
  id: string;
  scenario: string;
  /**
   * Only once the game is over. With the seed, the scenario and its own decisions a player could
   * re-run the game offline and see everything hidden from the seat.
   */
  seed?: number;
  whatIfs: string[];
  /** Model parameters set for this game (the new game's advanced options), as `model.NAME` paths. */
  settings: { path: string; value: number }[];
  seat: string;
  humanSeats: string[];
  decisions: number;
  /** The week and date of the last autosave. */
  autosave: { week: number; date: string } | null;
}

export interface SeatResponse {
  game: GameInfo;
  /**
   * The seat's view; `log` holds only the entries from `logFrom` on (the client asked `since`).
   * `turnFrom`: how much of the seat's log there was when the game's last decision was asked; the
   * entries after it are the last turn's news, whose crises a reloaded page shows. Before any
   * decision it is the whole log: what came before the first question is no turn's news.
   */
  view: Omit<SeatView, "log"> & { log: LogEntry[]; logFrom: number; logLength: number; turnFrom: number };
  estimates: SeatEstimates;
  /** What each option of the seat's question would bring, with the seat's own odds (same order as the options). */
  outcomes: OptionOutcome[];
  /** The character's goals and how far they are met. */
  goals: GoalReport;
  /** Speeches heard, as prose, by their place in the seat's log (only those from `logFrom` on). */
  speeches: Record<number, string>;
  outcome: PublicOutcome | null;
}

/** A model parameter the advanced options may set. */
export interface ParameterListing {
  path: string;
  value: number;
  range: [number, number];
  integer: boolean;
  meaning: string;
}

/** Returned when a game starts or a save is loaded: the seat tokens are shown once, here. */
export interface GameCreated {
  gameId: string;
  seat: string;
  /** One secret token per human seat; each request for a seat must carry its token. */
  tokens: Record<string, string>;
  state: SeatResponse;
}

export interface ActionRequest {
  seat: string;
  kind: string;
  choice: string;
  target?: string;
  detail?: string;
  key: string;
  /** The number of decisions the game had when the question was asked (GameInfo.decisions): a resent decision is refused, not applied twice. */
  turn: number;
}

/** A save as listed to the browser: the store's own summary, already plain JSON. */
export type SaveSummaryJson = SaveSummary;

export interface ApiError {
  error: { status: number; code: string; message: string };
}

export type { Awaiting, BoardRow, CcRowEstimate, RowView, CrisisView, DeskView, Goal, GoalReport, JourneyView, LogEntry, MoveEstimate, OptionOutcome, OrganView, PlenumTally, PolicyView, PrincipalView, PublicOutcome, Read, SeatEstimates, SeatView, SlotView, VoteCount };
