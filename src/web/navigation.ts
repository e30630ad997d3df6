// In-app navigation through the browser's history: each screen the player moves to (the home screen
// with its new game and saves, the game and each of its screens, "How to play") is an entry of the
// History API, so the browser's Back and Forward move between them instead of leaving the app, and a
// reload keeps the screen (the browser keeps an entry's state across a reload). The address does not
// change: the server serves one page, and a shared link's query (a scenario, a seed) stays as it is.

export type Tab = "week" | "board" | "network" | "map" | "timeline" | "cc" | "news" | "people";
export const TABS: readonly Tab[] = ["week", "board", "network", "map", "timeline", "cc", "news", "people"];

/** Where the player is: the screen, the game's tab, and "How to play" open over it (with a term of its glossary). */
export interface Place {
  screen: "home" | "game";
  tab: Tab;
  help: boolean;
  term: string | null;
}

const KEY = "presidium";

/** The place an entry of the history holds, or null for an entry the app did not make. */
export function placeOf(state: unknown): Place | null {
  const p = state !== null && typeof state === "object" ? (state as Record<string, unknown>)[KEY] : undefined;
  if (p === null || typeof p !== "object") return null;
  const { screen, tab, help, term } = p as Record<string, unknown>;
  if (screen !== "home" && screen !== "game") return null;
  return { screen, tab: TABS.includes(tab as Tab) ? (tab as Tab) : "week", help: help === true, term: typeof term === "string" ? term : null };
}

/**
 * Where the page opens: the place its history entry holds (after a reload), "How to play" closed,
 * since its entry is the one Back would leave; else the game when this browser holds a seat, unless
 * the page was opened by a shared link (`shared`: its address names a game to start), which opens
 * the new-game form it fills in (the game held is still in the saves list and can be continued).
 * A game without a seat (lost, or never started here) is the home screen.
 */
export function initialPlace(state: unknown, hasSeat: boolean, shared = false): Place {
  const saved = placeOf(state);
  const screen = saved ? (saved.screen === "game" && !hasSeat ? "home" : saved.screen) : hasSeat && !shared ? "game" : "home";
  return { screen, tab: saved?.tab ?? "week", help: false, term: null };
}

/** The query keys of a shared link (the end screen's): a scenario, a seed, a character, what-ifs, settings. */
const SHARED_KEYS = ["scenario", "seed", "as", "whatIf", "set"];

/** Whether an address's query (`location.search`) is a shared link's, naming a game to start. */
export function isSharedLink(search: string): boolean {
  const q = new URLSearchParams(search);
  return SHARED_KEYS.some((k) => q.has(k));
}

/** The new-game form as a shared link fills it in (texts as typed in the form; settings one `PATH=VALUE` each). */
export interface Prefill {
  scenario?: string;
  seed?: string;
  as?: string;
  whatIfs?: string[];
  settings?: string[];
}

/** A finished game as the end screen shares it: everything that, with the same choices, gives the same run. */
export interface SharedGame {
  scenario: string;
  seed: number;
  as: string;
  whatIfs: readonly string[];
  settings: readonly { path: string; value: number }[];
}

/**
 * The end screen's link to a game: its scenario, seed, character, what-ifs and model settings (one
 * `set=PATH=VALUE` each, as the form's advanced options take them), so that the form it opens
 * (prefillOf) starts the same game; without the settings a shared run would not be reproduced.
 */
export function sharedLink(origin: string, game: SharedGame): string {
  const q = new URLSearchParams({ scenario: game.scenario, seed: String(game.seed), as: game.as });
  for (const w of game.whatIfs) q.append("whatIf", w);
  for (const s of game.settings) q.append("set", `${s.path}=${s.value}`);
  return `${origin}/?${q}`;
}

/** The new-game form a shared link's query (`location.search`) fills in. */
export function prefillOf(search: string): Prefill {
  const q = new URLSearchParams(search);
  return { scenario: q.get("scenario") ?? undefined, seed: q.get("seed") ?? undefined, as: q.get("as") ?? undefined, whatIfs: q.getAll("whatIf"), settings: q.getAll("set") };
}

export function entryOf(place: Place): Record<string, Place> {
  return { [KEY]: place };
}

/** A new entry: the player moved to another screen. */
export function pushPlace(place: Place): void {
  history.pushState(entryOf(place), "");
}

/** The entry the page is on, rewritten (where it opens, or a screen it had to leave). */
export function replacePlace(place: Place): void {
  history.replaceState(entryOf(place), "");
}
