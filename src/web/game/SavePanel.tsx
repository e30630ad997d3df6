// Saving the game under a name, exporting it as a file, and the autosave's state.
import { useState } from "preact/hooks";
import { api, ApiFailure, type Seat } from "../api.js";
import { longDate, runDate } from "../format.js";

/** `done`, `scenarioEnd`: a finished run's saves are dated by the scenario's last day, as the header dates it. */
export function SavePanel({ seat, autosave, done, scenarioEnd, onExport }: { seat: Seat; autosave: { week: number; date: string } | null; done: boolean; scenarioEnd: string; onExport: () => void }) {
  const [name, setName] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  async function save(e: Event) {
    e.preventDefault();
    setError("");
    setStatus("");
    try {
      const saved = await api.save(seat, name.trim() || "Untitled");
      setStatus(`Saved as “${saved.name}” (week ${saved.week}, ${longDate(runDate(saved.date, saved.done, scenarioEnd))}).`);
      setName("");
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The game could not be saved.");
    }
  }
  return (
    <section class="panel saves" aria-labelledby="saves-title">
      <h2 id="saves-title">Saves</h2>
      <p class="muted">{autosave ? `Autosaved each week; last at week ${autosave.week} (${longDate(runDate(autosave.date, done, scenarioEnd))}).` : "Autosaved each week."}</p>
      <form class="inline-form" onSubmit={save}>
        <label for="save-name">Save as</label>
        <input id="save-name" type="text" maxLength={120} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} placeholder="e.g. Before the plenum" />
        <button type="submit">Save</button>
      </form>
      <button type="button" onClick={onExport}>
        Export the save file
      </button>
      <p role="status" class="status">
        {status}
      </p>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
