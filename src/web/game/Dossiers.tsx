// Dossiers: each character's portrait, posts now and at the start, traits with the reasons the
// scenario file gives for them (the scenario's judgement of the man at the start, from its sources;
// the player's own character's exact values too), his career in this run as the player knows it,
// what history records of him, and the works cited, linked where they can be read.
import type { CharacterDossier, LogEntry, PrincipalView } from "../../server/api-types.js";
import { fateWords, longDate, pronounsFor, traitNames, traitWord, type Names } from "../format.js";
import { citationsOf, type SourceInput } from "../citation.js";
import { Portrait } from "./Portrait.js";
import { chronological } from "./story.js";
import { RAISED_PREFIX } from "../../engine/scenario/names.js";

const careerTypes = new Set(["enters", "appointment", "promotion", "relieved", "fate", "primacy", "acting", "illness", "death", "plenum-ratifies", "demand", "use-kompromat", "overrule", "gives-up-post", "launch", "trip"]);

export function Dossiers({ characters, principals, log, seat, selected, names, selfTraits, onSelect }: { characters: readonly CharacterDossier[]; principals: readonly PrincipalView[]; log: readonly LogEntry[]; seat: string; selected: string; names: Names; selfTraits: Record<string, number>; onSelect: (id: string) => void }) {
  const c = characters.find((x) => x.id === selected) ?? characters.find((x) => x.id === seat) ?? characters[0];
  const p = principals.find((x) => x.id === c?.id) ?? null;
  if (!c) return null;
  const career = chronological(log.filter((e) => careerTypes.has(e.type) && (e.actor === c.id || (e.type === "primacy" && e.actor === c.id))));
  const own = c.id === seat;
  return (
    <section class="panel dossiers" aria-labelledby="dossiers-title">
      <h2 id="dossiers-title">People</h2>
      <div class="dossier-layout">
        <nav aria-label="Characters">
          <ul class="people-list">
            {characters.map((x) => (
              <li key={x.id}>
                <button type="button" class="link" aria-current={x.id === c.id ? "true" : undefined} onClick={() => onSelect(x.id)}>
                  {x.name}
                  {x.id === seat ? " (you)" : ""}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <article class="dossier" aria-labelledby="dossier-name" aria-live="polite">
          <div class="dossier-head">
            <Portrait id={c.id} name={c.name} age={p?.age ?? c.ageAtStart} size={96} faded={!!p?.fate || p?.alive === false} />
            <div>
              <h3 id="dossier-name">
                {c.name} {c.nameRu ? <span lang="ru">({c.nameRu})</span> : null}
              </h3>
              <p>{c.bio}</p>
            </div>
          </div>
          <dl>
            <dt>Now</dt>
            <dd>{p ? nowText(p) : "—"}</dd>
            <dt>At the start</dt>
            <dd>{c.posts.length ? c.posts.join("; ") : "no post"}</dd>
            <dt>Age</dt>
            <dd>
              {p?.age ?? c.ageAtStart} (born {c.born}
              {c.died ? `, died ${c.died}` : ""})
            </dd>
            <dt>Patron</dt>
            <dd>{c.patron ? names(c.patron) : "none"}</dd>
            <dt>Faction</dt>
            <dd>{c.faction}</dd>
          </dl>
          <h4>{own ? "Your traits" : c.traits.length ? `Traits, as the scenario judges ${pronounsFor(c.gender).him} at the start` : "Traits: the scenario does not describe him"}</h4>
          <ul class="traits">
            {c.traits.map((t) => (
              <li key={t.name}>
                <strong>{traitNames[t.name] ?? t.name}</strong>: {traitWord(t.name, own ? (selfTraits[t.name] ?? t.value) : t.value)}
                {own ? ` (${(selfTraits[t.name] ?? t.value).toFixed(2)})` : ""}. <span class="muted">{t.reason}</span>
                {t.sources.length ? <Sources sources={t.sources} /> : null}
              </li>
            ))}
            <li>
              <strong>Health at the start</strong>: <span class="muted">{c.health.reason}</span>
            </li>
            {c.prestige ? (
              <li>
                <strong>Standing</strong>: <span class="muted">{c.prestige.reason}</span>
              </li>
            ) : null}
          </ul>
          {c.grievances.length ? (
            <>
              <h4>Grievances at the start</h4>
              <ul>
                {c.grievances.map((g, i) => (
                  <li key={i}>
                    Against {names(g.against)}: {g.cause}
                    {g.date ? ` (${longDate(g.date)})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Career in this run</h4>
          {career.length ? (
            <ol class="timeline">
              {career.map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.date}>{longDate(e.date)}</time> {e.text}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">Nothing you know of has changed for {pronounsFor(c.gender).him} yet.</p>
          )}
          {c.history.length ? (
            <>
              <h4>In history</h4>
              <ul>
                {c.history.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Sources</h4>
          {c.sources.length ? <Sources sources={c.sources} /> : <p class="muted">None cited.</p>}
        </article>
      </div>
    </section>
  );
}

/**
 * The scenario's characters and, after them, the men this run raised into the leadership whom the
 * file does not describe (see the engine's raiseFromCc): what the seat can see of each, and nothing
 * the file does not say.
 */
export function withNewcomers(characters: readonly CharacterDossier[], principals: readonly PrincipalView[], today: string): CharacterDossier[] {
  const known = new Set(characters.map((c) => c.id));
  const year = Number(today.slice(0, 4));
  const newcomers = principals
    .filter((p) => !known.has(p.id))
    .map((p): CharacterDossier => ({
      id: p.id,
      name: p.name,
      nameRu: p.nameRu,
      born: year - p.age,
      ageAtStart: p.age,
      bio: p.id.startsWith(RAISED_PREFIX)
        ? "Raised from the Central Committee into the leadership in this run. History names nobody here: the model generated him, and nothing is known of his character but what he does."
        : "Raised from the Central Committee into the leadership in this run. The scenario names him as a member of the Central Committee but does not describe him: nothing is known of his character but what he does.",
      faction: "none known",
      presidium: "none",
      secretary: false,
      startsOutside: true,
      posts: [],
      sources: [],
      patron: p.patron,
      traits: [],
      health: { value: 0, reason: "Unknown: the file does not describe him." },
      prestige: null,
      grievances: [],
      died: null,
      history: [],
    }));
  return [...characters, ...newcomers];
}

function nowText(p: PrincipalView): string {
  if (p.fate) return fateWords[p.fate] ?? p.fate;
  if (!p.alive) return "dead";
  const seat = p.presidium === "full" ? "full member of the Presidium" : p.presidium === "candidate" ? "candidate member of the Presidium" : p.secretary ? "CC secretary" : "";
  return [seat, ...p.postTitles].filter(Boolean).join("; ") + (p.incapacitated ? " (unable to work)" : "") + (p.away ? ` (away: ${p.away})` : "");
}

export function Sources({ sources }: { sources: readonly SourceInput[] }) {
  const cited = sources.flatMap(citationsOf);
  return (
    <ul class="sources">
      {cited.map((c, i) => (
        <li key={`${c.key}-${i}`}>
          {c.href ? (
            <a href={c.href} target="_blank" rel="noopener noreferrer">
              {c.label}
            </a>
          ) : (
            <cite>{c.label}</cite>
          )}
          {c.site ? <span class="muted"> ({c.mirror ? `a copy at ${c.site}` : c.site}{c.incomplete && !/cut short/.test(c.label) ? "; its address is cut short" : ""})</span> : null}
        </li>
      ))}
    </ul>
  );
}
