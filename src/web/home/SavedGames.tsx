// Saved games on this server (autosaves, named saves, imports): load, export, delete; and importing
// a save file, which is checked before anything is stored.
import { useEffect, useState } from "preact/hooks";
import type { SaveSummaryJson } from "../../server/api-types.js";
import { api, ApiFailure } from "../api.js";
import { longDate } from "../format.js";

const kinds: Record<SaveSummaryJson["kind"], string> = { auto: "autosave", named: "saved", imported: "imported" };

export function SavedGames({ onLoaded }: { onLoaded: (created: Awaited<ReturnType<typeof api.loadSave>>) => void }) {
  const [saves, setSaves] = useState<SaveSummaryJson[] | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");

  const refresh = () =>
    api.saves().then(setSaves, (err) => setError(err instanceof ApiFailure ? err.message : "The saves could not be listed."));
  useEffect(() => {
    void refresh();
  }, []);

  async function run(what: () => Promise<void>, failure: string) {
    setError("");
    setStatus("");
    try {
      await what();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : failure);
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await run(async () => {
      setStatus(`Checking ${file.name}…`);
      const text = await file.text();
      try {
        const created = await api.importSave(text);
        onLoaded(created);
      } finally {
        setStatus("");
        input.value = "";
      }
    }, "The save file could not be imported.");
  }

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
      {saves && saves.length ? (
        <ul class="save-list">
          {saves.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{s.name}</strong> <span class="tag">{kinds[s.kind]}</span>
                <br />
                <span class="muted">
                  {s.scenario}, as {s.seat}: week {s.week}, {longDate(s.date)}
                  {s.done ? " (finished)" : ""}
                </span>
              </p>
              <div class="button-row">
                <button type="button" onClick={() => run(async () => onLoaded(await api.loadSave(s.id)), "The save could not be loaded.")}>
                  Load<span class="visually-hidden"> {s.name}</span>
                </button>
                <a class="button" href={`/api/saves/${s.id}/file`} download>
                  Export<span class="visually-hidden"> {s.name}</span>
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
                  Delete<span class="visually-hidden"> {s.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="field">
        <label for="import-file">Import a save file</label>
        <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
      </div>
    </section>
  );
}
