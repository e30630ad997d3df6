// The JSON the server sends and receives: shared by the server and the browser (types only).
import type { SaveSummary } from "../saves/store.js";
import type { Awaiting, BoardRow, LogEntry, MoveEstimate, PlenumTally, PrincipalView, PublicOutcome, Read, SeatEstimates, SeatView } from "../engine/index.js";

export interface ScenarioListing {
  id: string;
  title: string;
  summary: string;
  start: string;
  end: string;
  whatIfs: { id: string; title: string; description: string }[];
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
  /** Post titles at the start. */
  posts: string[];
  sources: { key: string; text: string }[];
}

export interface ScenarioInfo extends ScenarioListing {
  characters: CharacterDossier[];
  /** Central Committee constituencies (the rows of its composition) and their labels. */
  constituencies: Record<string, string>;
  history: {
    summary: string;
    timeline: { date: string; text: string }[];
    contests: { date: string; target: string; demand: string[]; venue: string; movedBy: string[]; outcome: string; fate: string; text: string }[];
    primacyAtEnd: string;
  };
}

export interface NewGameRequest {
  scenario: string;
  character: string;
  /** Omitted: the server draws one. */
  seed?: number;
  whatIfs?: string[];
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
  seat: string;
  humanSeats: string[];
  decisions: number;
  /** The week and date of the last autosave. */
  autosave: { week: number; date: string } | null;
}

export interface SeatResponse {
  game: GameInfo;
  /** The seat's view; `log` holds only the entries from `logFrom` on (the client asked `since`). */
  view: Omit<SeatView, "log"> & { log: LogEntry[]; logFrom: number; logLength: number };
  estimates: SeatEstimates;
  outcome: PublicOutcome | null;
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

export type { Awaiting, BoardRow, LogEntry, MoveEstimate, PlenumTally, PrincipalView, PublicOutcome, Read, SeatEstimates, SeatView };
