// The player's desk: what his powers let him do. The job slots he appoints to (with their holders and
// whose men they are), his own clients, the policies he could propose (and why not, when not), and
// the journeys open to him.
import type { DeskView, PolicyView, SeatView } from "../../server/api-types.js";
import { longDate, type Names } from "../format.js";

export function Desk({ desk, policies, offers, names, labels, today }: { desk: DeskView; policies: readonly PolicyView[]; offers: SeatView["tripOffers"]; names: Names; labels: Record<string, string>; today: string }) {
  const mine = policies.filter((p) => !p.inForce && p.barred !== "nobody can propose it" && !(p.barred ?? "").startsWith("only the holder"));
  const inForce = policies.filter((p) => p.inForce);
  const clientsInCc = desk.clients.filter((c) => c.seat === "voting").length;
  return (
    <section class="panel desk" aria-labelledby="desk-title">
      <h2 id="desk-title">Your desk</h2>
      <details open={desk.appoints.length > 0}>
        <summary>
          <span class="summary-title">Posts you appoint to ({desk.appoints.reduce((s, r) => s + r.slots.length, 0)})</span>
        </summary>
        {desk.appoints.length ? (
          desk.appoints.map((r) => (
            <div key={r.row} class="slot-row">
              <h3>
                {r.label}
                {r.senior ? <span class="tag">the Presidium must consent</span> : null}
              </h3>
              <p class="muted">
                {r.slots.filter((s) => s.patron === null).length} held by no one's man; {r.slots.filter((s) => s.patron !== null).length} by clients:{" "}
                {summarisePatrons(r.slots.map((s) => s.patron), names)}.
              </p>
              <details>
                <summary>The {r.slots.length} posts</summary>
                <ul class="slots">
                  {r.slots.map((s) => (
                    <li key={s.id}>
                      {s.holder ?? "vacant"}
                      {s.inCc ? " (sits in the CC)" : ""}
                      {s.patron ? `: ${names(s.patron)}'s man` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          ))
        ) : (
          <p class="muted">Your posts give you no appointments to make.</p>
        )}
      </details>
      <details>
        <summary>
          <span class="summary-title">{clientsTitle(desk.clients.length, clientsInCc)}</span>
        </summary>
        {desk.clients.length ? (
          <ul class="clients">
            {desk.clients.map((c, i) => (
              <li key={i}>
                {c.name ?? `a member from ${c.region}`} ({labels[c.row] ?? c.row}){c.seat === "voting" ? ", votes in the CC" : c.seat === "candidate" ? ", candidate member of the CC" : ""}
                {c.slot === null ? ", out of office" : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nobody in the job slots or the Central Committee counts you as his patron.</p>
        )}
      </details>
      <details open={mine.some((p) => p.proposable)}>
        <summary>
          <span class="summary-title">Policies ({mine.filter((p) => p.proposable).length} you could propose now; {inForce.length} in force)</span>
        </summary>
        {mine.length ? (
          <ul class="policies">
            {mine.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>: {p.proposable ? "you can propose it this week" : p.barred}.{" "}
                <span class="muted">
                  {p.note} {effectsText(p, labels)}
                  {p.historical ? ` Historically adopted ${longDate(p.historical)}.` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No policy is in your gift.</p>
        )}
        {inForce.length ? (
          <>
            <h3>In force</h3>
            <ul class="policies">
              {inForce.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.champion ? `, championed by ${names(p.champion)}` : ""}
                  {p.adoptedOn ? ` (adopted ${longDate(p.adoptedOn)})` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      <details open={offers.length > 0}>
        <summary>
          <span class="summary-title">Journeys open to you ({offers.length})</span>
        </summary>
        {offers.length ? (
          <ul class="trips">
            {offers.map((t) => (
              <li key={t.id}>
                <strong>{t.place}</strong>: {journeyOffer(t, today)} <span class="muted">{t.note}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">None at present.</p>
        )}
      </details>
    </section>
  );
}

function summarisePatrons(patrons: readonly (string | null)[], names: Names): string {
  const counts = new Map<string, number>();
  for (const p of patrons) if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  if (!counts.size) return "none";
  return [...counts].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${names(p)} ${n}`).join(", ");
}

function effectsText(p: PolicyView, labels: Record<string, string>): string {
  const pleased = p.effects.filter((e) => e.effect > 0).map((e) => labels[e.constituency] ?? e.constituency);
  const angered = p.effects.filter((e) => e.effect < 0).map((e) => labels[e.constituency] ?? e.constituency);
  return `${pleased.length ? `Pleases: ${pleased.join(", ")}.` : ""}${angered.length ? ` Angers: ${angered.join(", ")}.` : ""}`;
}

/** The clients' heading in words: "You have no clients", not "Your clients (0; 0 vote in the CC)". */
export function clientsTitle(clients: number, inCc: number): string {
  if (clients === 0) return "You have no clients";
  return `Your clients (${clients}; ${inCc === 0 ? "none of them votes" : inCc === 1 ? "1 votes" : `${inCc} vote`} in the CC)`;
}

/**
 * A journey on offer: how long it takes, and the days on which it may begin (the offer's window, not
 * the journey's own dates, which a 33-day trip would overrun).
 */
export function journeyOffer(t: Pick<SeatView["tripOffers"][number], "days" | "from" | "until">, today: string): string {
  const leave = t.from > today ? `between ${longDate(t.from)} and ${longDate(t.until)}` : `any day until ${longDate(t.until)}`;
  return `a journey of ${t.days} days; you may set out ${leave}.`;
}
