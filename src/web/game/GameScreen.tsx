// The game for one seat: the week (where things stand, the decision, the wire, the board, the CC,
// the plots), a crisis when one breaks, and the end. The log is fetched once and then only its new
// entries; a turn (request, engine step, render) is timed as the "presidium-turn" measure.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Awaiting, LogEntry, ScenarioInfo, SeatResponse } from "../../server/api-types.js";
import { api, ApiFailure, type Seat } from "../api.js";
import { downloadText } from "../download.js";
import { longDate, namesOf } from "../format.js";
import { Board } from "./Board.js";
import { CentralCommittee } from "./CentralCommittee.js";
import { Crisis, crisisTypes, revealSteps } from "./Crisis.js";
import { DecisionPanel } from "./DecisionPanel.js";
import { EndScreen } from "./EndScreen.js";
import { NewsWire } from "./NewsWire.js";
import { Plots } from "./Plots.js";
import { SavePanel } from "./SavePanel.js";

interface CrisisState {
  entries: LogEntry[];
  shown: number;
  dismissed: boolean;
}

/** Decisions taken inside a session: while one is awaited, the session stays on screen. */
const sessionKinds = new Set(["align", "session-tactic", "speech", "vote", "answer", "concession", "plenum-date"]);

export const TURN_MEASURE = "presidium-turn";
const TURN_START = "presidium-turn-start";

export function GameScreen({ seat, onLeave, onLost }: { seat: Seat; onLeave: () => void; onLost: (message: string) => void }) {
  const [state, setState] = useState<SeatResponse | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [scenario, setScenario] = useState<ScenarioInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [crisis, setCrisis] = useState<CrisisState | null>(null);
  const measuring = useRef(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const first = await api.state(seat, 0);
        const info = await api.scenario(first.game.scenario);
        if (cancelled) return;
        setScenario(info);
        setLog(first.view.log);
        setState(first);
        setCrisis(ongoingSession(first.view.log, first.view.awaiting, first.view.date));
      } catch (err) {
        if (!cancelled) onLost(err instanceof ApiFailure ? err.message : "The game could not be loaded.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [seat.gameId, seat.token]);

  useLayoutEffect(() => {
    if (!measuring.current) return;
    measuring.current = false;
    performance.measure(TURN_MEASURE, TURN_START);
  }, [state]);

  async function decide(option: Awaiting["options"][number]) {
    if (!state?.view.awaiting || busy) return;
    const awaiting = state.view.awaiting;
    setBusy(true);
    setError("");
    performance.mark(TURN_START);
    try {
      const next = await api.act(seat, { seat: seat.seat, kind: awaiting.kind, key: awaiting.key, choice: option.choice, ...(option.target ? { target: option.target } : {}), ...(option.detail ? { detail: option.detail } : {}), turn: state.game.decisions }, log.length);
      const merged = [...log.slice(0, next.view.logFrom), ...next.view.log];
      const fresh = merged.slice(log.length);
      setCrisis((c) => updateCrisis(c, fresh, next.view.date));
      setLog(merged);
      measuring.current = true;
      setState(next);
      const reports = fresh.filter((e) => e.type !== "plenum-vote" && e.type !== "player-decision").length;
      setAnnouncement(`${next.view.done ? "The run is over." : `Week ${next.view.week}, ${longDate(next.view.date)}.`} ${reports ? `${reports} new report${reports > 1 ? "s" : ""} on the wire.` : ""}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The decision could not be sent.");
      // The game moved on without this page (another tab, a resent click): show where it stands.
      if (err instanceof ApiFailure && err.status === 409) {
        try {
          const fresh = await api.state(seat, 0);
          setLog(fresh.view.log);
          setState(fresh);
        } catch {
          // keep the message above; the next attempt will tell more
        }
      }
    } finally {
      setBusy(false);
    }
  }

  async function exportSave() {
    try {
      const text = await api.exportGame(seat);
      downloadText(`presidium-${state?.game.scenario ?? "game"}-week-${state?.view.week ?? 0}.json`, text);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The save file could not be made.");
    }
  }

  if (!state || !scenario) {
    return (
      <main id="main" tabIndex={-1} aria-busy="true">
        <p>Loading the game…</p>
      </main>
    );
  }

  const view = state.view;
  const names = namesOf(view.principals);
  const me = view.principals.find((p) => p.id === seat.seat)!;
  const revealing = crisis && !crisis.dismissed ? revealSteps(crisis.entries).length - crisis.shown : 0;
  const shownLog = revealing > 0 && crisis ? withoutUnrevealed(log, crisis) : log;
  const inSession = view.awaiting !== null && sessionKinds.has(view.awaiting.kind);
  const showCrisis = crisis !== null && (!crisis.dismissed || inSession);
  const decision = view.awaiting ? <DecisionPanel awaiting={view.awaiting} busy={busy} turn={state.game.decisions} onDecide={decide} /> : null;

  return (
    <>
      <header class="game-header">
        <div class="brand">Presidium</div>
        <dl class="status-bar">
          <div>
            <dt>Date</dt>
            <dd>
              <time dateTime={view.date}>{longDate(view.date)}</time> (week {view.week})
            </dd>
          </div>
          <div>
            <dt>The leader</dt>
            <dd>
              {view.leader === null ? "nobody stands first" : `${names(view.leader)}, ${leaderAway(view) ?? "in Moscow"}`}
            </dd>
          </div>
          <div>
            <dt>You</dt>
            <dd>
              {me.name}
              {me.fate ? ` (${me.fate})` : ""}
            </dd>
          </div>
          {state.game.seed !== undefined ? (
            <div>
              <dt>Seed</dt>
              <dd>{state.game.seed}</dd>
            </div>
          ) : null}
        </dl>
        <button type="button" class="leave" onClick={onLeave}>
          Main menu
        </button>
      </header>
      <main id="main" tabIndex={-1} aria-busy={busy ? "true" : "false"} data-week={view.week} data-done={view.done ? "true" : "false"}>
        <h1 class="visually-hidden">
          {scenario.title}: {me.name}
        </h1>
        <p class="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {error ? (
          <p role="alert" class="error">
            {error}
          </p>
        ) : null}
        {view.done && state.outcome && revealing === 0 ? (
          <EndScreen outcome={state.outcome} scenario={scenario} me={me} log={log} seed={state.game.seed} whatIfs={state.game.whatIfs} names={names} onExport={exportSave} onNewGame={onLeave} />
        ) : null}
        <div class="week-grid">
          <div class="area-act">
            {showCrisis && crisis ? (
              <Crisis
                entries={crisis.entries}
                shown={crisis.shown}
                names={names}
                labels={scenario.constituencies}
                tallies={state.estimates.plenums}
                onNext={() => setCrisis({ ...crisis, shown: crisis.shown + 1 })}
                onAll={() => setCrisis({ ...crisis, shown: revealSteps(crisis.entries).length })}
                onClose={inSession ? null : () => setCrisis({ ...crisis, dismissed: true })}
              >
                {inSession ? decision : null}
              </Crisis>
            ) : null}
            {!inSession && revealing === 0 ? decision : null}
            {!view.awaiting && !view.done ? <p class="muted">Waiting for another player's decision.</p> : null}
          </div>
          <div class="area-side">
            <Plots plots={state.estimates.moves} names={names} />
            <SavePanel seat={seat} autosave={state.game.autosave} onExport={exportSave} />
          </div>
          <div class="area-board">
            <Board principals={view.principals} rows={state.estimates.board} leader={view.leader ?? ""} />
          </div>
          <div class="area-wire">
            <NewsWire log={shownLog} names={names} seat={seat.seat} />
          </div>
          <div class="area-cc">
            <CentralCommittee cc={state.estimates.cc} labels={scenario.constituencies} />
          </div>
        </div>
      </main>
    </>
  );
}

/** Entries of the crisis not yet revealed are held back from the wire too. */
function withoutUnrevealed(log: readonly LogEntry[], crisis: CrisisState): LogEntry[] {
  const hidden = new Set(revealSteps(crisis.entries).slice(crisis.shown).flatMap((step) => step.map((e) => e.seq)));
  return log.filter((e) => !hidden.has(e.seq));
}

/**
 * New entries that belong to a crisis extend the one on screen (same week, no new launch) or start a
 * new one; once the week has moved on without a crisis, the one on screen is put away.
 */
function updateCrisis(current: CrisisState | null, fresh: readonly LogEntry[], today: string): CrisisState | null {
  const first = fresh.findIndex((e) => crisisTypes.has(e.type));
  if (first < 0) return current && current.entries[0] && current.entries[0].date < today ? { ...current, dismissed: true } : current;
  // A crisis resolves within its week; later weeks (when the run goes on without you) are on the wire.
  const date = fresh[first].date;
  const added = fresh.slice(first).filter((e) => e.date === date && e.type !== "player-decision");
  if (current && !current.dismissed && current.entries[0]?.date === date && !added.some((e) => e.type === "launch")) {
    return { ...current, entries: [...current.entries, ...added] };
  }
  return { entries: added, shown: 1, dismissed: false };
}

/** On loading mid-session (after a reload), the session so far is on screen, fully revealed. */
function ongoingSession(log: readonly LogEntry[], awaiting: Awaiting | null, date: string): CrisisState | null {
  if (!awaiting || !sessionKinds.has(awaiting.kind)) return null;
  let start = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    if (log[i].type === "launch" && log[i].date === date) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const entries = log.slice(start).filter((e) => crisisTypes.has(e.type));
  return { entries, shown: revealSteps(entries).length, dismissed: false };
}

/** Where the first man is, if away from Moscow. */
function leaderAway(view: { leader: string | null; principals: readonly { id: string; away: string | null }[] }): string | null {
  const p = view.principals.find((x) => x.id === view.leader);
  return p?.away ? `away: ${p.away}` : null;
}
