// The game for one seat. Screens: this week (the decision with each option's odds, a digest of the
// weeks that passed, the desk, the moves, the goals), the board, the network, the map, the timeline,
// the Central Committee, the news and the people; a crisis takes over "this week" as a scene; the
// end screen closes the run. The log is fetched once and then only its new entries; a turn (request,
// engine step, render) is timed as the "presidium-turn" measure.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Awaiting, LogEntry, ScenarioInfo, SeatResponse } from "../../server/api-types.js";
import { api, ApiFailure, type Seat } from "../api.js";
import { markScenesPutAway, scenesPutAway } from "../session.js";
import type { Tab } from "../navigation.js";
import { downloadText } from "../download.js";
import { longDate, namesOf, percent, runDate, type Names } from "../format.js";
import { crisisKinds, lexiconOf } from "../labels.js";
import { Board } from "./Board.js";
import { boardRowsForSeat } from "./board-reads.js";
import { CentralCommittee } from "./CentralCommittee.js";
import { Crisis } from "./Crisis.js";
import { DecisionPanel } from "./DecisionPanel.js";
import { Desk } from "./Desk.js";
import { Dossiers, withNewcomers } from "./Dossiers.js";
import { EndScreen } from "./EndScreen.js";
import { Goals, GoalsAfterFall } from "./Goals.js";
import { Moves } from "./Moves.js";
import { Network } from "./Network.js";
import { NewsWire, wireText } from "./NewsWire.js";
import { SavePanel } from "./SavePanel.js";
import { headerWhileRevealing, principalsAsRevealed, revealedLength, type HeaderFacts } from "./reveal.js";
import { crisesToShow, crisisEntries, crisisSettled, crisisSteps, crisisTypes, digestOf, moveOf, routineNote, type Digest } from "./story.js";
import { Timeline } from "./Timeline.js";
import { UnionMap } from "./UnionMap.js";

export interface CrisisState {
  entries: LogEntry[];
  shown: number;
  dismissed: boolean;
  /** The turn's later crises, each waiting for its own scene once the player leaves this one. */
  queued: LogEntry[][];
}

export type { Tab };
const tabs: { id: Tab; label: string }[] = [
  { id: "week", label: "This week" },
  { id: "board", label: "Board" },
  { id: "network", label: "Network" },
  { id: "map", label: "Map" },
  { id: "timeline", label: "Timeline" },
  { id: "cc", label: "Central Committee" },
  { id: "news", label: "News" },
  { id: "people", label: "People" },
];

export const TURN_MEASURE = "presidium-turn";
const TURN_START = "presidium-turn-start";

/** `tab` is the screen on show, kept in the browser's history by the page (`onTab` moves to another). */
export function GameScreen({ seat, tab, onTab, onLeave, onLost, onHelp }: { seat: Seat; tab: Tab; onTab: (tab: Tab) => void; onLeave: () => void; onLost: (message: string) => void; onHelp: (term?: string) => void }) {
  const [state, setState] = useState<SeatResponse | null>(null);
  /** The state before the last turn: what the page shows, beside the crisis scene, while it is replayed. */
  const [prior, setPrior] = useState<SeatResponse | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [speeches, setSpeeches] = useState<Record<number, string>>({});
  const [scenario, setScenario] = useState<ScenarioInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [crisis, setCrisis] = useState<CrisisState | null>(null);
  const [digest, setDigest] = useState<Digest | null>(null);
  const [person, setPerson] = useState(seat.seat);
  const measuring = useRef(false);
  /** A turn's answer is being shown: the keyboard goes on to what it brought. */
  const turnTaken = useRef(false);
  const view = useRef<HTMLDivElement>(null);
  const shownTab = useRef(tab);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const first = await api.state(seat, 0);
        const info = await api.scenario(first.game.scenario);
        if (cancelled) return;
        setScenario(info);
        setLog(first.view.log);
        setSpeeches(first.speeches);
        setState(first);
        setCrisis(restoredCrisis(first.view.log, first.view.turnFrom, first.view.awaiting, first.view.crisis !== null, first.view.done, scenesPutAway(seat.gameId, first.game.decisions)));
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

  /** The keyboard goes to the screen's first heading (on this week's screen, the question's). */
  function focusHeading() {
    const heading = view.current?.querySelector<HTMLElement>("h2");
    heading?.setAttribute("tabindex", "-1");
    heading?.focus();
  }

  // Another screen, by its button or the browser's Back and Forward: the keyboard goes to its heading.
  useEffect(() => {
    if (shownTab.current === tab) return;
    shownTab.current = tab;
    focusHeading();
  }, [tab]);

  // After a turn the submit button stays where it was, below what the turn brought: the keyboard (and
  // the page) go to the screen's first heading (the digest's, the next question's, a crisis's, the end's).
  useEffect(() => {
    if (!turnTaken.current) return;
    turnTaken.current = false;
    focusHeading();
  }, [state]);

  // The button that brought the player here ("Start as …", a save's "Load", "Continue your game") is
  // gone with the home screen, and the keyboard with it: it goes to the week's first heading instead
  // of the page's start. A heading that took it already (a crisis's) keeps it.
  const shown = state !== null && scenario !== null;
  useEffect(() => {
    if (shown && (document.activeElement === null || document.activeElement === document.body)) focusHeading();
  }, [shown]);

  function openTab(t: Tab) {
    if (t !== tab) onTab(t);
  }

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
      setCrisis((c) => updateCrisis(c, merged, fresh, next.view.awaiting));
      const nextCrisis = updateCrisis(crisis, merged, fresh, next.view.awaiting);
      // (A crisis that ended the run is a scene to the end too: its last step comes before the end screen.)
      const replaying = nextCrisis !== null && !nextCrisis.dismissed && (stepsToReveal(nextCrisis) > 0 || next.view.done);
      setPrior(state);
      setDigest(digestOf(fresh, state.view.week, next.view.week, state.view.date, next.view.date, seat.seat));
      setLog(merged);
      setSpeeches((s) => ({ ...s, ...next.speeches }));
      measuring.current = true;
      turnTaken.current = true;
      setState(next);
      const reports = fresh.filter((e) => e.type !== "plenum-vote" && e.type !== "player-decision").length;
      // A crisis replayed step by step tells its own story (its heading takes the focus); the date the
      // turn reached, or that the run is over, would give its end away.
      setAnnouncement(replaying ? "A crisis: it is shown step by step." : `${next.view.done ? "The run is over." : `Week ${next.view.week}, ${longDate(next.view.date)}.`} ${reports ? `${reports} new report${reports > 1 ? "s" : ""}.` : ""}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The decision could not be sent.");
      // The game moved on without this page (another tab, a resent click): show where it stands.
      if (err instanceof ApiFailure && err.status === 409) {
        try {
          const fresh = await api.state(seat, 0);
          setLog(fresh.view.log);
          setSpeeches(fresh.speeches);
          setPrior(null);
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

  const v = state.view;
  const names = namesOf(v.principals);
  const lexicon = lexiconOf(v, names, scenario.constituencies);
  const me = v.principals.find((p) => p.id === seat.seat)!;
  const steps = crisis ? crisisSteps(crisis.entries).length : 0;
  const revealing = crisis && !crisis.dismissed ? stepsToReveal(crisis) : 0;
  // A question in a crisis comes with the turn's last scene: the earlier ones lead on to the next.
  const nextScene = crisis && !crisis.dismissed && crisis.queued.length ? () => setCrisis({ entries: crisis.queued[0], shown: 1, dismissed: false, queued: crisis.queued.slice(1) }) : null;
  const inCrisis = v.awaiting !== null && crisisKinds.has(v.awaiting.kind) && nextScene === null;
  const showCrisis = crisis !== null && (!crisis.dismissed || inCrisis);
  // A crisis that ended the run stays on screen once its last step is shown, until the player goes on
  // to the end screen (before, the end screen took its place as the last step came, unseen).
  const runEnding = v.done && crisis !== null && !crisis.dismissed;
  // While a crisis is replayed, the page beside it shows the game as it stood before the turn, and the
  // log only up to the step on screen: the turn's end (its date, a fate, a new first man) waits for it,
  // and so does the run's end after a crisis that ended it. (What the page showed before the turn stays shown.)
  const held = (revealing > 0 || runEnding) && crisis ? revealedLength(log, crisis.entries, crisis.shown, runEnding, crisis.queued[0]) : null;
  const before = held !== null ? prior : null;
  const cut = held === null ? null : Math.max(held, before?.view.logLength ?? 0);
  const shownLog = cut !== null ? log.slice(0, cut) : log;
  // What the scene has shown of the turn so far: it moves the header, and the men's falls on the other screens, on.
  const revealed = before ? shownLog.slice(before.view.logLength) : [];
  const header = headerOf(v, seat.seat, scenario.end, before, revealed, crisis);
  const seen = before ?? state;
  const sv = before ? { ...before.view, principals: principalsAsRevealed(before.view.principals, revealed), leader: header.leader } : state.view;
  // Fallen in a scene still on screen: the goals as they stood before it would call him still in play.
  const fellInScene = before !== null && header.fate !== null && header.fate !== before.view.principals.find((p) => p.id === seat.seat)?.fate;
  const dossier = scenario.characters.find((c) => c.id === seat.seat) ?? null;
  const leader = v.principals.find((p) => p.id === header.leader) ?? null;
  const ended = v.done && state.outcome !== null && revealing === 0 && !runEnding;
  const decision = v.awaiting ? (
    <DecisionPanel awaiting={v.awaiting} outcomes={state.outcomes} busy={busy} turn={state.game.decisions} names={names} onDecide={decide} onGlossary={(t) => onHelp(t)} />
  ) : null;
  const laidUp = !v.done && !v.awaiting && (me.incapacitated || !me.alive || !!me.fate);

  return (
    <>
      <header class="game-header">
        <div class="brand">Presidium</div>
        <dl class="status-bar">
          <div>
            <dt>Date</dt>
            <dd>
              <time dateTime={header.date}>{longDate(header.date)}</time> (week {header.week})
            </dd>
          </div>
          <div>
            <dt>First man</dt>
            <dd>{leader ? `${leader.name}, ${header.leaderAway ? `away: ${header.leaderAway}` : "in Moscow"}` : "nobody stands first"}</dd>
          </div>
          <div>
            <dt>You</dt>
            <dd>
              {me.name}
              {header.fate ? ` (${header.fate})` : header.incapacitated ? " (unable to work)" : ""}
            </dd>
          </div>
          <div>
            <dt>Fear</dt>
            <dd>{percent(header.fear)}</dd>
          </div>
          {state.game.seed !== undefined && before === null ? (
            <div>
              <dt>Seed</dt>
              <dd>{state.game.seed}</dd>
            </div>
          ) : null}
        </dl>
        <div class="header-buttons">
          <button type="button" class="leave" onClick={() => onHelp()}>
            How to play
          </button>
          <button type="button" class="leave" onClick={onLeave}>
            Main menu
          </button>
        </div>
      </header>
      <nav class="game-nav" aria-label="Game screens">
        <ul>
          {tabs.map((t) => (
            <li key={t.id}>
              <button type="button" aria-current={tab === t.id ? "page" : undefined} onClick={() => openTab(t.id)}>
                {t.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} aria-busy={busy ? "true" : "false"} data-week={v.week} data-done={v.done ? "true" : "false"} data-tab={tab}>
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
        <div ref={view} class="view">
          {tab === "week" ? (
            ended ? (
              <EndScreen outcome={state.outcome!} scenario={scenario} me={me} goals={state.goals} log={log} seed={state.game.seed} whatIfs={state.game.whatIfs} settings={state.game.settings} names={names} onExport={exportSave} onNewGame={onLeave} />
            ) : (
              <div class="week-grid">
                <div class="area-act">
                  {showCrisis && crisis ? (
                    <Crisis
                      entries={crisis.entries}
                      shown={crisis.shown}
                      speeches={speeches}
                      live={nextScene ? null : v.crisis /* the crisis going on now is the turn's last, not one queued before it */}
                      principals={v.principals}
                      lexicon={lexicon}
                      labels={{ ...scenario.constituencies, leadership: "The Presidium and the Secretariat" }}
                      tallies={state.estimates.plenums}
                      onShow={(n) => setCrisis({ ...crisis, shown: Math.min(n, steps) })}
                      onClose={
                        nextScene ??
                        (inCrisis
                          ? null
                          : () => {
                              markScenesPutAway(seat.gameId, state.game.decisions);
                              setCrisis({ ...crisis, dismissed: true });
                            })
                      }
                      closeLabel={nextScene ? "On to the next crisis" : v.done ? "On to the end of the run" : "Back to the week"}
                    >
                      {inCrisis ? decision : null}
                    </Crisis>
                  ) : null}
                  {!showCrisis && digest ? <DigestPanel digest={digest} seat={seat.seat} speeches={speeches} names={names} onClose={() => setDigest(null)} /> : null}
                  {!showCrisis && revealing === 0 ? decision : null}
                  {laidUp && revealing === 0 ? <p class="panel">You can no longer act: {me.fate ? `you were ${me.fate}` : me.alive ? "a stroke keeps you from working" : "you have died"}. The run goes on without you.</p> : null}
                  {!v.awaiting && !v.done && !laidUp && revealing === 0 ? <p class="muted">Waiting for another player's decision.</p> : null}
                </div>
                <div class="area-side">
                  {fellInScene ? <GoalsAfterFall fate={header.fate!} /> : <Goals report={seen.goals} dossier={dossier} final={false} />}
                  <Moves moves={seen.estimates.moves} principals={sv.principals} names={names} />
                  <Desk desk={sv.desk} policies={sv.policies} offers={sv.tripOffers} names={names} labels={scenario.constituencies} today={sv.date} />
                  <SavePanel seat={seat} autosave={seen.game.autosave} done={sv.done} scenarioEnd={scenario.end} onExport={exportSave} />
                </div>
              </div>
            )
          ) : null}
          {tab === "board" ? <Board principals={sv.principals} rows={boardRowsForSeat(seen.estimates.board, sv.movesKnown, sv.leader, seat.seat, names)} leader={sv.leader} seat={seat.seat} onDossier={(id) => { setPerson(id); openTab("people"); }} /> : null}
          {tab === "network" ? <Network principals={sv.principals} cc={sv.cc} seat={seat.seat} leader={sv.leader} /> : null}
          {tab === "map" ? <UnionMap principals={sv.principals} journeys={sv.journeys} offers={sv.tripOffers} leader={sv.leader} seat={seat.seat} ccRows={seen.estimates.cc.rows} labels={scenario.constituencies} today={sv.date} /> : null}
          {tab === "timeline" ? <Timeline view={sv} log={shownLog} principals={sv.principals} /> : null}
          {tab === "cc" ? <CentralCommittee cc={seen.estimates.cc} labels={scenario.constituencies} /> : null}
          {tab === "news" ? <NewsWire log={shownLog} lexicon={lexicon} seat={seat.seat} speeches={speeches} /> : null}
          {tab === "people" ? <Dossiers characters={withNewcomers(scenario.characters, sv.principals, sv.date)} principals={sv.principals} log={shownLog} seat={seat.seat} selected={person} names={names} selfTraits={sv.self.traits} onSelect={setPerson} /> : null}
        </div>
      </main>
    </>
  );
}

function DigestPanel({ digest, seat, speeches, names, onClose }: { digest: Digest; seat: string; speeches: Record<number, string>; names: Names; onClose: () => void }) {
  return (
    <section class="panel digest" aria-labelledby="digest-title">
      <h2 id="digest-title">
        While you waited: {digest.weeks} weeks, {longDate(digest.from)} to {longDate(digest.to)}
      </h2>
      {digest.items.length ? (
        <ol class="timeline">
          {digest.items.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.date}>{longDate(e.date)}</time> {wireText(e, seat, speeches, names)}
              {e.audience !== "public" ? <span class="tag secret">secret</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing of note.</p>
      )}
      {digest.routine ? <p class="muted">{routineNote(digest.routine)}</p> : null}
      <button type="button" onClick={onClose}>
        Dismiss the digest
      </button>
    </section>
  );
}

/**
 * The header's facts: the game's now, or while a crisis is replayed (`before` is the state before the
 * turn), the facts as they stood then, moved on by what the scene has shown: the date of the step on
 * screen, a new first man, the player's fate. A finished run is dated by its scenario's last day.
 */
function headerOf(v: SeatResponse["view"], seat: string, scenarioEnd: string, before: SeatResponse | null, revealed: readonly LogEntry[], crisis: CrisisState | null): HeaderFacts {
  const facts = (view: SeatResponse["view"]): HeaderFacts => {
    const me = view.principals.find((p) => p.id === seat);
    return { date: runDate(view.date, view.done, scenarioEnd), week: view.week, leader: view.leader, leaderAway: view.principals.find((p) => p.id === view.leader)?.away ?? null, fate: me?.fate ?? null, incapacitated: me?.incapacitated ?? false, fear: view.globals.fear };
  };
  if (!before || !crisis) return facts(v);
  const step = crisisSteps(crisis.entries)[crisis.shown - 1];
  const date = step?.entries.at(-1)?.date ?? before.view.date;
  return headerWhileRevealing(facts(before.view), revealed, date, seat, v.journeys);
}

/**
 * After a turn: new entries of the crisis on screen extend it (a crisis runs over days and turns); a
 * new launch starts a new scene, and each further launch of the turn queues one after it; with
 * nothing new, the scene stays until the player puts it away.
 */
export function updateCrisis(current: CrisisState | null, log: readonly LogEntry[], fresh: readonly LogEntry[], awaiting: Awaiting | null): CrisisState | null {
  const relevant = fresh.some((e) => crisisTypes.has(e.type) && (moveOf(e) !== null || e.type === "launch"));
  if (!relevant) return current;
  const [entries, ...queued] = crisesToShow(log, fresh, current?.entries[0]);
  if (!entries) return current;
  const sameCrisis = current !== null && current.entries[0]?.seq === entries[0].seq;
  if (sameCrisis) return { entries, shown: current.shown, dismissed: current.dismissed && !(awaiting && crisisKinds.has(awaiting.kind)) && !fresh.some((e) => crisisTypes.has(e.type)), queued };
  return { entries, shown: 1, dismissed: false, queued };
}

/** The steps of the turn's crisis scenes not shown yet: the rest of the one on screen and all of those queued. */
export function stepsToReveal(crisis: CrisisState): number {
  return crisisSteps(crisis.entries).length - crisis.shown + crisis.queued.reduce((n, entries) => n + crisisSteps(entries).length, 0);
}

/**
 * On loading (a reload), the scenes the page had after the game's last turn: the turn's news are the
 * log after `turnFrom`, and before them the crisis on screen was the last one launched (still there
 * if it goes on: `live`), so the scenes are those the turn's answer gave, every crisis of the turn in
 * order (before, only the latest came back), the last of a run that ended leading on to its end. The
 * first comes fully revealed, since the page cannot hold the header back to the turn's start without
 * the state before it; the others follow it, each from its first step. Scenes the player had put away
 * (`putAway`) stay away: the page opens on the week, or on the end of a finished run.
 */
export function restoredCrisis(log: readonly LogEntry[], turnFrom: number, awaiting: Awaiting | null, live: boolean, done: boolean, putAway: boolean): CrisisState | null {
  const earlier = crisisEntries(log.slice(0, turnFrom));
  const before = earlier.length ? { entries: earlier, shown: crisisSteps(earlier).length, dismissed: !live, queued: [] } : null;
  const after = updateCrisis(before, log, log.slice(turnFrom), awaiting);
  if (!after) return null;
  if (putAway) {
    if (done) return null;
    // Only the last scene can be put away (the others lead on to it), and it stays the one on screen.
    const last = after.queued.at(-1) ?? after.entries;
    return { entries: last, shown: crisisSteps(last).length, dismissed: true, queued: [] };
  }
  return { ...after, shown: crisisSteps(after.entries).length };
}

export { crisisSettled };
