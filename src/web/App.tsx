// The page: the home screen (new game, saved games, continue) or the game of the seat this browser
// holds; "How to play" is reachable from both. A skip link leads past the header to the main content
// on every screen.
import { useState } from "preact/hooks";
import type { GameCreated } from "../server/api-types.js";
import { api, type Seat } from "./api.js";
import { GameScreen } from "./game/GameScreen.js";
import { HelpDialog } from "./Help.js";
import { NewGame, type Prefill } from "./home/NewGame.js";
import { SavedGames } from "./home/SavedGames.js";
import { loadSeat, storeSeat } from "./session.js";

function prefillFromUrl(): Prefill {
  const q = new URLSearchParams(location.search);
  return { scenario: q.get("scenario") ?? undefined, seed: q.get("seed") ?? undefined, as: q.get("as") ?? undefined, whatIfs: q.getAll("whatIf"), settings: q.getAll("set") };
}

export function App() {
  const [seat, setSeat] = useState<Seat | null>(loadSeat);
  const [playing, setPlaying] = useState(seat !== null);
  const [notice, setNotice] = useState("");
  const [help, setHelp] = useState<{ open: boolean; term: string | null }>({ open: false, term: null });
  const openHelp = (term?: string) => setHelp({ open: true, term: term ?? null });

  function enter(created: GameCreated) {
    const s = { gameId: created.gameId, seat: created.seat, token: created.tokens[created.seat] };
    storeSeat(s);
    setSeat(s);
    setNotice("");
    setPlaying(true);
  }

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      {playing && seat ? (
        <GameScreen
          key={seat.gameId}
          seat={seat}
          onHelp={openHelp}
          onLeave={() => setPlaying(false)}
          onLost={(message) => {
            storeSeat(null);
            setSeat(null);
            setPlaying(false);
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
            <h1>Choose your game</h1>
            {notice ? (
              <p role="alert" class="error">
                {notice}
              </p>
            ) : null}
            {seat ? (
              <section class="panel continue" aria-labelledby="continue-title">
                <h2 id="continue-title">Your game</h2>
                <button type="button" class="primary" onClick={() => setPlaying(true)}>
                  Continue your game
                </button>
              </section>
            ) : null}
            <div class="home-grid">
              <NewGame prefill={prefillFromUrl()} onStart={async (request) => enter(await api.newGame(request))} />
              <SavedGames onLoaded={enter} />
            </div>
          </main>
        </>
      )}
      <HelpDialog open={help.open} term={help.term} onClose={() => setHelp({ open: false, term: null })} />
    </>
  );
}
