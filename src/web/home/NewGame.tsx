// Starting a game: a scenario, any principal as your character (with a dossier for each), optional
// what-ifs, and a seed (random unless you type one; the server draws it).
import { useEffect, useState } from "preact/hooks";
import type { CharacterDossier, ScenarioInfo, ScenarioListing } from "../../server/api-types.js";
import { api, ApiFailure } from "../api.js";
import { longDate } from "../format.js";

export interface Prefill {
  scenario?: string;
  seed?: string;
  as?: string;
  whatIfs?: string[];
}

export function NewGame({ prefill, onStart }: { prefill: Prefill; onStart: (request: { scenario: string; character: string; seed?: number; whatIfs: string[] }) => Promise<void> }) {
  const [scenarios, setScenarios] = useState<ScenarioListing[] | null>(null);
  const [scenarioId, setScenarioId] = useState(prefill.scenario ?? "");
  const [info, setInfo] = useState<ScenarioInfo | null>(null);
  const [character, setCharacter] = useState(prefill.as ?? "");
  const [whatIfs, setWhatIfs] = useState<string[]>(prefill.whatIfs ?? []);
  const [seed, setSeed] = useState(prefill.seed ?? "");
  const [error, setError] = useState("");
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    api.scenarios().then(
      (list) => {
        setScenarios(list);
        if (!list.some((s) => s.id === scenarioId) && list.length) setScenarioId(list[list.length - 1].id);
      },
      (err) => setError(err instanceof ApiFailure ? err.message : "The scenarios could not be loaded."),
    );
  }, []);

  useEffect(() => {
    if (!scenarioId) return;
    setInfo(null);
    api.scenario(scenarioId).then(
      (i) => {
        setInfo(i);
        setCharacter((c) => (i.characters.some((x) => x.id === c) ? c : i.characters[0]?.id ?? ""));
        setWhatIfs((w) => w.filter((x) => i.whatIfs.some((y) => y.id === x)));
      },
      (err) => setError(err instanceof ApiFailure ? err.message : "The scenario could not be loaded."),
    );
  }, [scenarioId]);

  const seedValid = seed.trim() === "" || /^-?\d{1,10}$/.test(seed.trim());
  const chosen = info?.characters.find((c) => c.id === character) ?? null;

  async function submit(e: Event) {
    e.preventDefault();
    if (!seedValid || !chosen || starting) return;
    setError("");
    setStarting(true);
    try {
      await onStart({ scenario: scenarioId, character, whatIfs, ...(seed.trim() ? { seed: Number(seed.trim()) } : {}) });
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The game could not be started.");
      setStarting(false);
    }
  }

  return (
    <section class="panel new-game" aria-labelledby="new-game-title">
      <h2 id="new-game-title">New game</h2>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit}>
        <fieldset>
          <legend>Scenario</legend>
          {scenarios === null ? <p>Loading the scenarios…</p> : null}
          {scenarios?.map((s) => (
            <div class="choice" key={s.id}>
              <input type="radio" id={`scenario-${s.id}`} name="scenario" checked={s.id === scenarioId} onChange={() => setScenarioId(s.id)} aria-describedby={`scenario-${s.id}-summary`} />
              <label for={`scenario-${s.id}`}>
                <strong>{s.title}</strong> ({longDate(s.start)} to {longDate(s.end)})
              </label>
              <p id={`scenario-${s.id}-summary`} class="muted summary">
                {s.summary}
              </p>
            </div>
          ))}
        </fieldset>

        {info ? (
          <div class="character-picker">
            <fieldset class="characters">
              <legend>Your character</legend>
              {info.characters.map((c) => (
                <div class="choice compact" key={c.id}>
                  <input type="radio" id={`character-${c.id}`} name="character" checked={c.id === character} onChange={() => setCharacter(c.id)} />
                  <label for={`character-${c.id}`}>
                    {c.name} <span class="muted">({c.posts[0] ?? membership(c)})</span>
                  </label>
                </div>
              ))}
            </fieldset>
            {chosen ? <Dossier character={chosen} /> : null}
          </div>
        ) : scenarioId ? (
          <p>Loading the characters…</p>
        ) : null}

        {info && info.whatIfs.length ? (
          <fieldset>
            <legend>What-ifs (optional)</legend>
            {info.whatIfs.map((w) => (
              <div class="choice" key={w.id}>
                <input
                  type="checkbox"
                  id={`whatif-${w.id}`}
                  checked={whatIfs.includes(w.id)}
                  onChange={(e) => setWhatIfs((e.currentTarget as HTMLInputElement).checked ? [...whatIfs, w.id] : whatIfs.filter((x) => x !== w.id))}
                  aria-describedby={`whatif-${w.id}-text`}
                />
                <label for={`whatif-${w.id}`}>{w.title}</label>
                <p id={`whatif-${w.id}-text`} class="muted summary">
                  {w.description}
                </p>
              </div>
            ))}
          </fieldset>
        ) : null}

        <div class="field">
          <label for="seed">Seed</label>
          <input
            id="seed"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={seed}
            onInput={(e) => setSeed((e.currentTarget as HTMLInputElement).value)}
            aria-describedby="seed-help"
            aria-invalid={seedValid ? "false" : "true"}
          />
          <p id="seed-help" class="muted">
            {seedValid ? "Leave empty for a random seed; the seed is shown at the end so a run can be shared and replayed." : "A seed is a whole number, such as 1964."}
          </p>
        </div>
        <button type="submit" class="primary" aria-disabled={!chosen || !seedValid || starting ? "true" : undefined}>
          {starting ? "Starting…" : chosen ? `Start as ${chosen.name}` : "Start"}
        </button>
      </form>
    </section>
  );
}

function membership(c: CharacterDossier): string {
  return c.presidium === "full" ? "Presidium member" : c.presidium === "candidate" ? "candidate member" : c.secretary ? "CC secretary" : "no post";
}

function Dossier({ character: c }: { character: CharacterDossier }) {
  return (
    <article class="dossier" aria-labelledby="dossier-title" aria-live="polite">
      <h3 id="dossier-title">
        Dossier: {c.name} <span lang="ru">({c.nameRu})</span>
      </h3>
      <dl>
        <dt>Posts</dt>
        <dd>{c.posts.length ? c.posts.join("; ") : "none"}</dd>
        <dt>Age</dt>
        <dd>
          {c.ageAtStart} (born {c.born})
        </dd>
        <dt>Faction</dt>
        <dd>{c.faction}</dd>
        <dt>Standing</dt>
        <dd>
          {membership(c)}
          {c.secretary && c.presidium !== "none" ? ", CC secretary" : ""}
        </dd>
      </dl>
      <p>{c.bio}</p>
      {c.sources.length ? (
        <details>
          <summary>Sources</summary>
          <ul class="sources">
            {c.sources.map((s) => (
              <li key={s.key}>{s.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
