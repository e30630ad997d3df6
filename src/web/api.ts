// Talking to the server. Every game request carries the seat token; a refused request becomes an
// ApiFailure holding the server's message, which the page shows as it is.
import type { ActionRequest, ApiError, GameCreated, NewGameRequest, ParameterListing, SaveSummaryJson, ScenarioInfo, ScenarioListing, SeatResponse } from "../server/api-types.js";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Seat {
  gameId: string;
  seat: string;
  token: string;
}

/**
 * `json` is sent serialized, `jsonText` (a save file's own text) as it is; every request that changes
 * something is sent as JSON, with the body {} when it has nothing to say, as the server requires.
 */
async function call<T>(method: string, url: string, init: { json?: unknown; jsonText?: string; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (init.json !== undefined || init.jsonText !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = init.jsonText ?? JSON.stringify(init.json);
  }
  if (init.token) headers["x-seat-token"] = init.token;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch {
    throw new ApiFailure(0, "The server cannot be reached. Is `npm start` still running?");
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (data as ApiError | null)?.error?.message ?? `the server answered ${response.status}`;
    throw new ApiFailure(response.status, message.charAt(0).toUpperCase() + message.slice(1));
  }
  return data as T;
}

export const api = {
  scenarios: () => call<ScenarioListing[]>("GET", "/api/scenarios"),
  scenario: (id: string) => call<ScenarioInfo>("GET", `/api/scenarios/${encodeURIComponent(id)}`),
  parameters: () => call<ParameterListing[]>("GET", "/api/parameters"),
  newGame: (request: NewGameRequest) => call<GameCreated>("POST", "/api/games", { json: request }),
  state: (seat: Seat, since: number) => call<SeatResponse>("GET", `/api/games/${seat.gameId}?since=${since}`, { token: seat.token }),
  act: (seat: Seat, action: ActionRequest, since: number) => call<SeatResponse>("POST", `/api/games/${seat.gameId}/actions?since=${since}`, { json: action, token: seat.token }),
  save: (seat: Seat, name: string) => call<SaveSummaryJson>("POST", `/api/games/${seat.gameId}/saves`, { json: { name }, token: seat.token }),
  saves: () => call<SaveSummaryJson[]>("GET", "/api/saves"),
  loadSave: (id: number) => call<GameCreated>("POST", `/api/saves/${id}/load`, { json: {} }),
  deleteSave: (id: number) => call<void>("DELETE", `/api/saves/${id}`, { json: {} }),
  importSave: (text: string) => call<GameCreated & { save: SaveSummaryJson }>("POST", "/api/saves/import", { jsonText: text }),
  /** The current game's save file, for download. */
  exportGame: async (seat: Seat): Promise<string> => {
    const response = await fetch(`/api/games/${seat.gameId}/save-file`, { headers: { "x-seat-token": seat.token } });
    if (!response.ok) throw new ApiFailure(response.status, "The save file could not be made.");
    return response.text();
  },
};
