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
