// Starting a game: a scenario (a campaign can start at any of its chapters, each a scenario of its
// own), any principal as your character (with a dossier for each: posts, traits with their reasons,
// sources), optional what-ifs, a seed (random unless you type one; the server draws it), and
// advanced options that set model parameters as the command line's --set does.
import { useEffect, useState } from "preact/hooks";
import type { CharacterDossier, ParameterListing, ScenarioInfo, ScenarioListing } from "../../server/api-types.js";
import { api, ApiFailure } from "../api.js";
import { longDate, traitNames, traitWord } from "../format.js";
import { Portrait } from "../game/Portrait.js";
import { Sources } from "../game/Dossiers.js";
import { parseSettingsText } from "./settings.js";
import type { Prefill } from "../navigation.js";


export interface NewGameRequestInput {
  scenario: string;
  character: string;
  seed?: number;
  whatIfs: string[];
  settings: { path: string; value: number }[];
}

export function NewGame({ prefill, onStart }: { prefill: Prefill; onStart: (request: NewGameRequestInput) => Promise<void> }) {
  const [scenarios, setScenarios] = useState<ScenarioListing[] | null>(null);
  const [scenarioId, setScenarioId] = useState(prefill.scenario ?? "");
  const [info, setInfo] = useState<ScenarioInfo | null>(null);
  const [character, setCharacter] = useState(prefill.as ?? "");
  const [whatIfs, setWhatIfs] = useState<string[]>(prefill.whatIfs ?? []);
  const [seed, setSeed] = useState(prefill.seed ?? "");
  const [settingsText, setSettingsText] = useState((prefill.settings ?? []).join("\n"));
  const [catalog, setCatalog] = useState<ParameterListing[] | null>(null);
  const [search, setSearch] = useState("");
  const [error, setError] = useState("");
  const [starting, setStarting] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    api.scenarios().then(
      (list) => {
        setScenarios(list);
        if (!list.some((s) => s.id === scenarioId) && list.length) setScenarioId(list[list.length - 1].id);
      },
      (err) => setError(err instanceof ApiFailure ? err.message : "The scenarios could not be loaded."),
    );
    api.parameters().then(setCatalog, () => setCatalog(null));
  }, []);

  useEffect(() => {
    if (!scenarioId) return;
    setInfo(null);
    api.scenario(scenarioId).then(
      (i) => {
        setInfo(i);
        setCharacter((c) => (i.characters.some((x) => x.id === c) ? c : (i.characters[0]?.id ?? "")));
        setWhatIfs((w) => w.filter((x) => i.whatIfs.some((y) => y.id === x)));
      },
      (err) => setError(err instanceof ApiFailure ? err.message : "The scenario could not be loaded."),
    );
  }, [scenarioId]);

  // The campaign the chosen scenario belongs to (it, or one of its chapters): where it starts is the same choice, by chapter.
  const campaign = scenarios?.find((s) => s.chapters.length > 0 && (s.id === scenarioId || s.chapters.some((c) => c.scenario === scenarioId))) ?? null;
  const seedValid = seed.trim() === "" || /^-?\d{1,10}$/.test(seed.trim());
  const chosen = info?.characters.find((c) => c.id === character) ?? null;
  const parsed = parseSettingsText(settingsText, catalog);
  const settingsInvalid = parsed.problems.length > 0;

  async function submit(e: Event) {
    e.preventDefault();
    setTried(true);
    // The keyboard goes to the field at fault, whose description (the error) is read with it.
    if (!seedValid) {
      document.getElementById("seed")?.focus();
      return;
    }
    if (!chosen || starting) return;
    if (settingsInvalid) {
      document.getElementById("settings")?.focus();
      return;
    }
    setError("");
    setStarting(true);
    try {
      await onStart({ scenario: scenarioId, character, whatIfs, settings: parsed.settings, ...(seed.trim() ? { seed: Number(seed.trim()) } : {}) });
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The game could not be started.");
      setStarting(false);
    }
  }

  const matches = catalog && search.trim().length >= 2 ? catalog.filter((p) => p.path.toLowerCase().includes(search.trim().toLowerCase()) || p.meaning.toLowerCase().includes(search.trim().toLowerCase())).slice(0, 12) : [];

  return (
    <section class="panel new-game" aria-labelledby="new-game-title">
      <h2 id="new-game-title">New game</h2>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
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

        {campaign ? (
          <fieldset class="chapters">
            <legend>Where the campaign “{campaign.title}” starts</legend>
            <div class="choice">
              <input type="radio" id={`chapter-${campaign.id}`} name="chapter" checked={scenarioId === campaign.id} onChange={() => setScenarioId(campaign.id)} />
              <label for={`chapter-${campaign.id}`}>At the beginning, {longDate(campaign.start)}, and on to {longDate(campaign.end)}</label>
            </div>
            {campaign.chapters.map((c) => {
              const own = scenarios?.find((s) => s.id === c.scenario);
              return (
                <div class="choice" key={c.id}>
                  <input type="radio" id={`chapter-${c.id}`} name="chapter" checked={scenarioId === c.scenario} onChange={() => setScenarioId(c.scenario)} />
                  <label for={`chapter-${c.id}`}>
                    {c.title}: its own scenario{own ? `, ${longDate(own.start)} to ${longDate(own.end)}` : ""}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ) : null}

        {info ? (
          <div class="character-picker">
            <fieldset class="characters">
              <legend>Your character</legend>
              {info.characters.map((c) => (
                <div class="choice compact" key={c.id}>
                  <input type="radio" id={`character-${c.id}`} name="character" checked={c.id === character} onChange={() => setCharacter(c.id)} />
                  <label for={`character-${c.id}`}>
                    {c.name} <span class="muted">({c.posts[0] ?? membership(c)}{c.startsOutside ? "; starts outside the leadership" : ""})</span>
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
          <p id="seed-help" class={seedValid ? "muted" : "error"}>
            {seedValid ? "Leave empty for a random seed; the seed is shown at the end so a run can be shared and replayed." : "A seed is a whole number, such as 1964."}
          </p>
        </div>

        <details class="advanced" open={settingsText.trim() !== ""}>
          <summary>Advanced options: model parameters</summary>
          <p class="muted">
            Every coefficient of the model's rules is a named parameter. Set any of them for this game, one a line, as <code>model.GROUP.RULE.NAME=VALUE</code> (the command line's{" "}
            <code>--set</code>); the values are kept in the save file and shown at the end.
          </p>
          <div class="field">
            <label for="settings">Parameters to set</label>
            <textarea
              id="settings"
              rows={4}
              spellcheck={false}
              value={settingsText}
              placeholder="model.ai.choice.temperature=0.5"
              onInput={(e) => setSettingsText((e.currentTarget as HTMLTextAreaElement).value)}
              aria-describedby="settings-help settings-problems"
              aria-invalid={settingsInvalid ? "true" : "false"}
            />
            <p id="settings-help" class="muted">
              {parsed.settings.length ? `${parsed.settings.length} parameter${parsed.settings.length > 1 ? "s" : ""} will be set.` : "None set: the model's defaults."}
            </p>
            <div id="settings-problems">
              {parsed.problems.length ? (
                <ul class="error">
                  {parsed.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
          <div class="field">
            <label for="parameter-search">Find a parameter</label>
            <input id="parameter-search" type="text" autoComplete="off" value={search} onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} aria-describedby="parameter-search-help" />
            <p id="parameter-search-help" class="muted">
              Type part of a name or meaning (at least two letters){catalog ? `; ${catalog.length} parameters in all` : ""}.
            </p>
            {matches.length ? (
              <ul class="parameter-list">
                {matches.map((p) => (
                  <li key={p.path}>
                    <code>{p.path}</code> = {p.value} (from {p.range[0]} to {p.range[1]}
                    {p.integer ? ", whole" : ""}): {p.meaning}{" "}
                    <button type="button" onClick={() => setSettingsText((t) => `${t.trim() ? `${t.trimEnd()}\n` : ""}${p.path}=${p.value}`)}>
                      Add<span class="visually-hidden"> {p.path}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </details>

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
      <div class="dossier-head">
        <Portrait id={c.id} name={c.name} age={c.ageAtStart} size={80} />
        <h3 id="dossier-title">
          Dossier: {c.name} <span lang="ru">({c.nameRu})</span>
        </h3>
      </div>
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
      {c.startsOutside && (
        <p>
          <strong>Starts outside the leadership:</strong> the game runs on without you until an appointment brings you in, which may never happen.
        </p>
      )}
      <p>{c.bio}</p>
      <details>
        <summary>Traits, with the reasons for them</summary>
        <ul class="traits">
          {c.traits.map((t) => (
            <li key={t.name}>
              <strong>{traitNames[t.name] ?? t.name}</strong>: {traitWord(t.name, t.value)}. <span class="muted">{t.reason}</span>
            </li>
          ))}
        </ul>
      </details>
      {c.history.length ? (
        <details>
          <summary>In history</summary>
          <ul>
            {c.history.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {c.sources.length ? (
        <details>
          <summary>Sources</summary>
          <Sources sources={c.sources} />
        </details>
      ) : null}
    </article>
  );
}
