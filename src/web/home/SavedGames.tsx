// Saved games on this server (autosaves, named saves, imports): load, export, delete, and clear the
// autosaves of finished games; importing a save file, which is checked before anything is stored,
// with any error shown beside the file picker. Scenarios and characters are named, not given as ids;
// a finished game is dated by its scenario's last day.
import { useEffect, useState } from "preact/hooks";
import type { SaveSummaryJson, ScenarioInfo, ScenarioListing } from "../../server/api-types.js";
import { api, ApiFailure } from "../api.js";
import { longDate, runDate } from "../format.js";

const kinds: Record<SaveSummaryJson["kind"], string> = { auto: "autosave", named: "your save", imported: "imported" };

/** When a save was written, in the browser's own time and language. */
export function savedWhen(savedAt: string): string {
  return new Date(savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * A save as its buttons name it: the name with its kind, where the game stands and when it was
 * saved. A loaded save's game keeps the save's name for its autosave, so the name alone can stand
 * for two entries.
 */
export function saveLabel(s: Pick<SaveSummaryJson, "name" | "kind" | "savedAt">, place: string): string {
  return `${s.name} (${kinds[s.kind]}, ${place}, saved ${savedWhen(s.savedAt)})`;
}

export function SavedGames({ onLoaded }: { onLoaded: (created: Awaited<ReturnType<typeof api.loadSave>>) => void }) {
  const [saves, setSaves] = useState<SaveSummaryJson[] | null>(null);
  const [scenarios, setScenarios] = useState<ScenarioListing[]>([]);
  const [infos, setInfos] = useState<Record<string, ScenarioInfo>>({});
  const [error, setError] = useState("");
  const [importError, setImportError] = useState("");
  const [status, setStatus] = useState("");

  const refresh = () => api.saves().then(setSaves, (err) => setError(err instanceof ApiFailure ? err.message : "The saves could not be listed."));
  useEffect(() => {
    void refresh();
    api.scenarios().then(setScenarios, () => undefined);
  }, []);
  useEffect(() => {
    for (const id of new Set((saves ?? []).map((s) => s.scenario))) {
      if (infos[id] || !scenarios.some((s) => s.id === id)) continue;
      api.scenario(id).then((info) => setInfos((m) => ({ ...m, [id]: info })), () => undefined);
    }
  }, [saves, scenarios]);

  async function run(what: () => Promise<void>, failure: string) {
    setError("");
    setStatus("");
    try {
      await what();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : failure);
      // A save deleted meanwhile (in another tab): the list drops it.
      if (err instanceof ApiFailure && err.status === 404) await refresh();
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setImportError("");
    setStatus(`Checking ${file.name}…`);
    try {
      const text = await file.text();
      const created = await api.importSave(text);
      onLoaded(created);
    } catch (err) {
      setImportError(`${file.name} was not imported: ${err instanceof ApiFailure ? err.message : "the file could not be read."}`);
      input.focus();
    } finally {
      setStatus("");
      input.value = "";
    }
  }

  const title = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;
  const person = (scenario: string, seat: string) => infos[scenario]?.characters.find((c) => c.id === seat)?.name ?? seat;
  const place = (s: SaveSummaryJson) => (s.done ? `finished, ${longDate(runDate(s.date, s.done, scenarios.find((x) => x.id === s.scenario)?.end))}` : `week ${s.week}, ${longDate(s.date)}`);
  const sorted = [...(saves ?? [])].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : b.id - a.id));
  const finishedAutosaves = sorted.filter((s) => s.kind === "auto" && s.done);

  return (
    <section class="panel saved-games" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved games</h2>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <p role="status" class="status">
        {status}
      </p>
      {saves === null ? <p>Loading…</p> : saves.length === 0 ? <p class="muted">No saves yet.</p> : null}
      {sorted.length ? (
        <ul class="save-list">
          {sorted.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{s.name}</strong> <span class="tag">{kinds[s.kind]}</span>
                <br />
                <span class="muted">
                  {title(s.scenario)}, as {person(s.scenario, s.seat)}: {place(s)}; saved {savedWhen(s.savedAt)}
                </span>
              </p>
              <div class="button-row">
                <button type="button" onClick={() => run(async () => onLoaded(await api.loadSave(s.id)), "The save could not be loaded.")}>
                  Load<span class="visually-hidden"> {saveLabel(s, place(s))}</span>
                </button>
                <a class="button" href={`/api/saves/${s.id}/file`} download>
                  Export<span class="visually-hidden"> {saveLabel(s, place(s))}</span>
                </a>
                <button
                  type="button"
                  onClick={() =>
                    run(async () => {
                      await api.deleteSave(s.id);
                      await refresh();
                    }, "The save could not be deleted.")
                  }
                >
                  Delete<span class="visually-hidden"> {saveLabel(s, place(s))}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {finishedAutosaves.length ? (
        <button
          type="button"
          onClick={() =>
            run(async () => {
              for (const s of finishedAutosaves) await api.deleteSave(s.id);
              await refresh();
              setStatus(`Deleted ${finishedAutosaves.length} autosave${finishedAutosaves.length > 1 ? "s" : ""} of finished games.`);
            }, "The autosaves could not be deleted.")
          }
        >
          Delete the autosaves of finished games ({finishedAutosaves.length})
        </button>
      ) : null}
      <div class="field import-field">
        <label for="import-file">Import a save file</label>
        <input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-error" aria-invalid={importError ? "true" : "false"} onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
        <p id="import-error" class="error" role="alert" hidden={!importError}>
          {importError}
        </p>
      </div>
    </section>
  );
}
