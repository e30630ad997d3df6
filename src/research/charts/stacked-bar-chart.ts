// Horizontal bars split into the shares of their parts (100% each), e.g. the fates of those who lost,
// with the count each bar stands for written at its end.
import { bottomValueAxis, FONT, heading, WIDTH } from "./frame.js";
import { linearScale, percent } from "./scale.js";
import { el, svgDocument, text, textWidth, tooltip } from "./svg.js";

export interface StackedBarSpec {
  id: string;
  title: string;
  subtitle?: string;
  description: string;
  keys: readonly { label: string; color: string }[];
  /** Rows in order; consecutive rows with the same `group` are drawn under one group heading. */
  rows: readonly { label: string; values: readonly number[]; group?: string }[];
  axisLabel: string;
  /** What one unit counted is (for "n = 12 leaders"), singular and plural. */
  unit: readonly [string, string];
}

const BAR = 18;
const GAP = 8;
const GROUP_HEADING = 20;

export function stackedBarChart(spec: StackedBarSpec): string {
  const top = heading(spec.title, spec.subtitle, spec.keys);
  const left = Math.min(300, Math.max(...spec.rows.map((r) => textWidth(r.label)), 40) + 16);
  const right = WIDTH - 100;
  const plotTop = top.height + 4;
  // Each row's top, leaving room for a heading where a new group starts.
  const tops: number[] = [];
  const headings: { label: string; y: number }[] = [];
  let y = plotTop + GAP;
  spec.rows.forEach((row, r) => {
    if (row.group !== undefined && row.group !== spec.rows[r - 1]?.group) {
      headings.push({ label: row.group, y: y + 12 });
      y += GROUP_HEADING;
    }
    tops.push(y);
    y += BAR + GAP;
  });
  const plotBottom = y;
  const x = linearScale([0, 1], [left, right]);
  const body = [...top.markup, ...bottomValueAxis({ scale: x, ticks: [0, 0.25, 0.5, 0.75, 1], format: (v) => percent(v), top: plotTop, bottom: plotBottom, label: spec.axisLabel, left, right })];
  for (const h of headings) body.push(text(h.label, { x: 8, y: h.y, "font-size": FONT, "font-weight": "bold", class: "group-label" }));
  spec.rows.forEach((row, r) => {
    const y = tops[r];
    body.push(text(row.label, { x: left - 8, y: y + BAR / 2 + 4, "text-anchor": "end", "font-size": FONT }));
    const total = row.values.reduce((a, b) => a + b, 0);
    const count = `n = ${total} ${total === 1 ? spec.unit[0] : spec.unit[1]}`;
    body.push(text(total === 0 ? `none (${count})` : count, { x: total === 0 ? left + 4 : right + 4, y: y + BAR / 2 + 4, "font-size": FONT - 1, fill: "#555" }));
    let from = 0;
    row.values.forEach((value, k) => {
      if (value <= 0) return;
      const share = value / total;
      const note = `${row.group ? `${row.group}: ` : ""}${row.label}: ${spec.keys[k].label} ${percent(share, 1)} (${value} of ${total})`;
      body.push(el("rect", { x: x(from), y, width: x(from + share) - x(from), height: BAR, fill: spec.keys[k].color, class: "bar" }, tooltip(note)));
      from += share;
    });
  });
  return svgDocument({ id: spec.id, width: WIDTH, height: plotBottom + 44, title: spec.title, description: spec.description }, body);
}
