// The page: the home screen (new game, saved games, continue) or the game of the seat this browser
// holds; "How to play" is reachable from both. A skip link leads past the header to the main content
// on every screen. Moving between screens (home, the game's screens, "How to play") makes an entry in
// the browser's history, so Back returns to the screen before (navigation.ts).
import { useEffect, useRef, useState } from "preact/hooks";
import type { GameCreated } from "../server/api-types.js";
import { api, type Seat } from "./api.js";
import { GameScreen } from "./game/GameScreen.js";
import { HelpDialog } from "./Help.js";
import { NewGame } from "./home/NewGame.js";
import { SavedGames } from "./home/SavedGames.js";
import { initialPlace, isSharedLink, placeOf, prefillOf, pushPlace, replacePlace, type Place } from "./navigation.js";
import { loadSeat, storeSeat } from "./session.js";

export function App() {
  const [seat, setSeat] = useState<Seat | null>(loadSeat);
  // A shared link opens its new-game form even in a browser that holds a game (the game stays in the saves list).
  const [place, setPlaceState] = useState<Place>(() => initialPlace(history.state, seat !== null, isSharedLink(location.search)));
  // The place as the latest event left it (the dialog's close events may come before a render).
  const current = useRef(place);
  const seatRef = useRef(seat);
  seatRef.current = seat;
  const [notice, setNotice] = useState("");
  const playing = place.screen === "game" && seat !== null;

  function setPlace(p: Place) {
    current.current = p;
    setPlaceState(p);
  }

  /** Moves to another screen, as a new entry in the browser's history. */
  function go(change: Partial<Place>) {
    const next = { ...current.current, ...change };
    pushPlace(next);
    setPlace(next);
  }

  useEffect(() => {
    // The entry the page opened on holds where it is, so that Back to it finds it.
    replacePlace(current.current);
    const onPop = (e: PopStateEvent) => {
      const p = placeOf(e.state);
      if (!p) return;
      if (p.screen === "game" && seatRef.current === null) {
        // The game this entry showed is gone (lost, or this browser holds none any more): home instead.
        const home: Place = { ...p, screen: "home" };
        replacePlace(home);
        setPlace(home);
        return;
      }
      setPlace(p);
    };
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);

  // Home again (by "Main menu", the end screen's "New game", Back, or a game lost): the button that
  // brought the player here is gone with the game, and the keyboard with it; it goes to the home
  // screen's heading, as it goes to the game's after Start, instead of the page's start.
  const shownScreen = useRef(playing ? "game" : "home");
  const screenNow = playing ? "game" : "home";
  useEffect(() => {
    if (shownScreen.current === screenNow) return;
    shownScreen.current = screenNow;
    if (screenNow === "home") document.getElementById("home-title")?.focus();
  }, [screenNow]);

  const openHelp = (term?: string) => go({ help: true, term: term ?? null });
  function closeHelp() {
    if (!current.current.help) return;
    setPlace({ ...current.current, help: false, term: null });
    // Closed by its button or Escape: leave its entry, so that Back does not open it again.
    if (placeOf(history.state)?.help) history.back();
  }

  function enter(created: GameCreated) {
    const s = { gameId: created.gameId, seat: created.seat, token: created.tokens[created.seat] };
    storeSeat(s);
    setSeat(s);
    seatRef.current = s;
    setNotice("");
    go({ screen: "game", tab: "week", help: false, term: null });
  }

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus moves past the header without a new entry in the history (a bare #main would make one).
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to main content
      </a>
      {playing && seat ? (
        <GameScreen
          key={seat.gameId}
          seat={seat}
          tab={place.tab}
          onTab={(tab) => go({ tab })}
          onHelp={openHelp}
          onLeave={() => go({ screen: "home" })}
          onLost={(message) => {
            storeSeat(null);
            setSeat(null);
            seatRef.current = null;
            const home: Place = { ...current.current, screen: "home", tab: "week" };
            replacePlace(home);
            setPlace(home);
            setNotice(`Your game could not be resumed: ${message}`);
          }}
        />
      ) : (
        <>
          <header class="home-header">
            <div class="brand">Presidium</div>
            <p class="tagline">Power struggles in the Soviet leadership after Stalin, 1953–1964</p>
            <div class="header-buttons">
              <button type="button" class="leave" onClick={() => openHelp()}>
                How to play
              </button>
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            <h1 id="home-title" tabIndex={-1}>
              Choose your game
            </h1>
            {notice ? (
              <p role="alert" class="error">
                {notice}
              </p>
            ) : null}
            {seat ? (
              <section class="panel continue" aria-labelledby="continue-title">
                <h2 id="continue-title">Your game</h2>
                <button type="button" class="primary" onClick={() => go({ screen: "game", tab: "week" })}>
                  Continue your game
                </button>
              </section>
            ) : null}
            <div class="home-grid">
              <NewGame prefill={prefillOf(location.search)} onStart={async (request) => enter(await api.newGame(request))} />
              <SavedGames onLoaded={enter} />
            </div>
          </main>
        </>
      )}
      <HelpDialog open={place.help} term={place.term} onClose={closeHelp} />
    </>
  );
}
