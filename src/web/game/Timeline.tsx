// The run so far on one line: who has held primacy, journeys, contests, congresses and events, from
// the scenario's start to its end with today marked. The list below it is the same in words.
import type { JourneyView, LogEntry, PrincipalView, SeatView } from "../../server/api-types.js";
import { longDate, shortMonth, surname } from "../format.js";
import { chronological, milestoneTypes } from "./story.js";

const WIDTH = 1000;
const LEFT = 110;

export function day(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

const palette = ["#b3261e", "#1a4d8f", "#1f7a34", "#7a4a9a", "#a86b00", "#3b3b3b"];

/** Who was first, one coloured span a holder, named where there is room: this picture's top row and the epilogue's chart's. */
export function PrimacyBand({ spans, x, y, name }: { spans: readonly { who: string | null; from: string; to: string }[]; x: (iso: string) => number; y: number; name: (id: string | null) => string }) {
  const holders = [...new Set(spans.map((s) => s.who))];
  const colour = (id: string | null) => (id === null ? "#9a948a" : palette[holders.indexOf(id) % palette.length]);
  return (
    <>
      {spans.map((s, i) => (
        <g key={`p${i}`}>
          <rect x={x(s.from)} y={y} width={Math.max(2, x(s.to) - x(s.from))} height="20" fill={colour(s.who)} />
          {x(s.to) - x(s.from) > 60 ? (
            <text x={x(s.from) + 4} y={y + 15} font-size="12" fill="#fff" font-family="system-ui, sans-serif">
              {name(s.who)}
            </text>
          ) : null}
        </g>
      ))}
    </>
  );
}

export function Timeline({ view, log, principals }: { view: Pick<SeatView, "start" | "end" | "date" | "primacyHistory" | "congresses" | "seat" | "journeys">; log: readonly LogEntry[]; principals: readonly PrincipalView[] }) {
  const t0 = day(view.start);
  const t1 = Math.max(day(view.end), t0 + 1);
  const x = (iso: string) => LEFT + ((WIDTH - LEFT - 10) * (Math.min(t1, Math.max(t0, day(iso))) - t0)) / (t1 - t0);
  const name = (id: string | null) => (id === null ? "nobody" : surname(principals.find((p) => p.id === id)?.name ?? id));
  const spans = view.primacyHistory.map((h, i) => ({ who: h.who, from: h.from, to: view.primacyHistory[i + 1]?.from ?? view.date }));
  const contests = log.filter((e) => e.type === "launch");
  const results = log.filter((e) => ["session-result", "plenum-result", "arrest", "arrest-fails", "crisis-ends"].includes(e.type));
  const events = log.filter((e) => e.type === "event" || e.type === "death" || e.type === "illness");
  const journeys: readonly JourneyView[] = view.journeys;
  const years: string[] = [];
  for (let y = Number(view.start.slice(0, 4)); y <= Number(view.end.slice(0, 4)); y++) years.push(`${y}-01-01`);
  const milestones = chronological(log.filter((e) => milestoneTypes.has(e.type) && e.type !== "trip"));
  return (
    <section class="panel timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">The run so far</h2>
      <div class="picture-scroll" role="region" aria-label="Timeline picture (the list below says the same)" tabIndex={0}>
        <svg class="timeline-picture" viewBox={`0 0 ${WIDTH} 250`} role="img" aria-labelledby="timeline-picture-title">
          <title id="timeline-picture-title">
            Timeline from {longDate(view.start)} to {longDate(view.end)}, today {longDate(view.date)}: {spans.map((s) => `${name(s.who)} first from ${longDate(s.from)}`).join("; ")}; {contests.length} contests.
          </title>
          {years.map((y) =>
            y >= view.start.slice(0, 4) + "-01-01" && y <= view.end ? (
              <g key={y}>
                <line x1={x(y)} x2={x(y)} y1="20" y2="235" stroke="#d8d0bf" />
                <text x={x(y) + 3} y="16" font-size="12" font-family="system-ui, sans-serif" fill="#4f4f4f">
                  {y.slice(0, 4)}
                </text>
              </g>
            ) : null,
          )}
          {[
            ["First man", 40],
            ["Journeys", 85],
            ["Contests", 130],
            ["Events", 175],
            ["Congresses", 220],
          ].map(([label, y]) => (
            <text key={label} x="4" y={Number(y) + 4} font-size="12" font-family="system-ui, sans-serif" fill="#1b1b1b">
              {label}
            </text>
          ))}
          <PrimacyBand spans={spans} x={x} y={30} name={name} />
          {journeys.map((j, i) => (
            <rect key={`j${i}`} x={x(j.left)} y={77 + (i % 2) * 8} width={Math.max(3, x(j.back ?? view.date) - x(j.left))} height="7" fill={j.who === view.seat ? "#1b1b1b" : "#1a4d8f"} opacity="0.8" />
          ))}
          {contests.map((e, i) => (
            <polygon key={`c${i}`} points={`${x(e.date)},120 ${x(e.date) + 7},131 ${x(e.date)},142 ${x(e.date) - 7},131`} fill="#b3261e" />
          ))}
          {results.map((e, i) => (
            <circle key={`r${i}`} cx={x(e.date)} cy="131" r="3" fill="#1b1b1b" />
          ))}
          {events.map((e, i) => (
            <circle key={`e${i}`} cx={x(e.date)} cy="175" r="4" fill={e.type === "death" ? "#1b1b1b" : e.type === "illness" ? "#a86b00" : "#7a4a9a"} />
          ))}
          {view.congresses.map((c) => (
            <rect key={c.date} x={x(c.date) - 4} y="214" width="8" height="12" fill={c.date <= view.date ? "#1f7a34" : "#9a948a"} />
          ))}
          <line x1={x(view.date)} x2={x(view.date)} y1="20" y2="240" stroke="#1b1b1b" stroke-width="2" />
          <text x={Math.min(x(view.date) + 4, WIDTH - 60)} y="247" font-size="12" font-weight="700" font-family="system-ui, sans-serif">
            today
          </text>
        </svg>
      </div>
      <h3>Milestones, in order</h3>
      {milestones.length ? (
        <ol class="timeline">
          {milestones.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.date}>{longDate(e.date)}</time> {e.text}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">Nothing of note has happened yet.</p>
      )}
      <h3>Who has been first</h3>
      <ul>
        {spans.map((s, i) => (
          <li key={i}>
            {s.who === null ? "Nobody stood first" : `${principals.find((p) => p.id === s.who)?.name ?? s.who} was first`} from {longDate(s.from)}
            {i < spans.length - 1 ? ` to ${longDate(s.to)}` : " to this day"}.
          </li>
        ))}
      </ul>
      {view.congresses.length ? (
        <>
          <h3>Congresses</h3>
          <ul>
            {view.congresses.map((c) => (
              <li key={c.date}>
                {c.title}: {longDate(c.date)} ({shortMonth(c.date)}){c.electsCc ? ", elects a new Central Committee from the holders of the job slots on that day" : ""}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
