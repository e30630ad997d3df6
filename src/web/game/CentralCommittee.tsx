// The Central Committee by constituency: your estimate of how many would vote for the first man,
// where they live (who can reach a snap plenum), and whose men they are.
import type { SeatEstimates } from "../../server/api-types.js";
import { percent, percentRange } from "../format.js";

export function CentralCommittee({ cc, labels }: { cc: SeatEstimates["cc"]; labels: Record<string, string> }) {
  const inPlot = cc.rows.some((r) => r.pledgedToYou !== null);
  return (
    <section class="panel cc" aria-labelledby="cc-title">
      <h2 id="cc-title">The Central Committee</h2>
      <p>
        Your estimate: <strong>{percent(cc.support)}</strong> of the {cc.voting} voting members would back the first man today{percentRange(cc.support, cc.spread) ? ` (could be ${percentRange(cc.support, cc.spread)})` : ""}.
      </p>
      <div class="table-scroll" role="region" aria-label="Central Committee by constituency" tabIndex={0}>
        <table class="responsive">
          <thead>
            <tr>
              <th scope="col">Constituency</th>
              <th scope="col">Voting (candidates)</th>
              <th scope="col">Near / mid / far from Moscow</th>
              <th scope="col">Support for the first man</th>
              <th scope="col">Your clients</th>
              <th scope="col">The first man's clients</th>
              {inPlot ? <th scope="col">Pledged to your move</th> : null}
            </tr>
          </thead>
          <tbody>
            {cc.rows.map((r) => (
              <tr key={r.constituency}>
                <th scope="row" data-label="Constituency">
                  {labels[r.constituency] ?? r.constituency}
                </th>
                <td data-label="Voting (candidates)">
                  {r.voting} ({r.candidates})
                </td>
                <td data-label="Near / mid / far">
                  {r.near} / {r.mid} / {r.far}
                </td>
                <td data-label="Support for the first man">
                  {percent(r.support)} {percentRange(r.support, r.spread) ? <span class="spread">({percentRange(r.support, r.spread)})</span> : null}
                </td>
                <td data-label="Your clients">{r.yourClients}</td>
                <td data-label="The first man's clients">{r.leaderClients}</td>
                {inPlot ? <td data-label="Pledged to your move">{r.pledgedToYou ?? 0}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
