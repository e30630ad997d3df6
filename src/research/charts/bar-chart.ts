// Horizontal bars, grouped by category, one bar per series, each with an optional interval
// whisker and its value written beside it (e.g. outcome shares with 95% intervals per what-if set).
import { bottomValueAxis, FONT, heading, WIDTH } from "./frame.js";
import { linearScale, niceTicks, percent } from "./scale.js";
import { el, svgDocument, text, textWidth, tooltip } from "./svg.js";

export interface BarValue {
  value: number;
  low?: number | null;
  high?: number | null;
  /** Hover text; defaults to the series, category and value. */
  note?: string;
}

export interface BarChartSpec {
  id: string;
  title: string;
  subtitle?: string;
  description: string;
  categories: readonly string[];
  series: readonly { label: string; color: string; values: readonly (BarValue | null)[] }[];
  axisLabel: string;
  /** Upper end of the value axis (default 1, for shares). */
  max?: number;
  format?: (v: number) => string;
}

const BAR = 14;
const GROUP_GAP = 12;

export function barChart(spec: BarChartSpec): string {
  const format = spec.format ?? ((v: number) => percent(v));
  const max = spec.max ?? 1;
  const top = heading(spec.title, spec.subtitle, spec.series.length > 1 ? spec.series.map((s) => ({ label: s.label, color: s.color })) : []);
  const left = Math.min(260, Math.max(...spec.categories.map((c) => textWidth(c)), 40) + 16);
  const right = WIDTH - 56;
  const plotTop = top.height + 4;
  const groupHeight = spec.series.length * BAR + GROUP_GAP;
  const plotBottom = plotTop + spec.categories.length * groupHeight;
  const x = linearScale([0, max], [left, right]);
  const body = [...top.markup, ...bottomValueAxis({ scale: x, ticks: niceTicks(0, max, 5), format, top: plotTop, bottom: plotBottom, label: spec.axisLabel, left, right })];

  spec.categories.forEach((category, c) => {
    const groupTop = plotTop + c * groupHeight + GROUP_GAP / 2;
    body.push(text(category, { x: left - 8, y: groupTop + (spec.series.length * BAR) / 2 + 4, "text-anchor": "end", "font-size": FONT }));
    spec.series.forEach((series, s) => {
      const v = series.values[c];
      if (!v) return;
      const y = groupTop + s * BAR;
      const note = v.note ?? `${series.label}, ${category}: ${format(v.value)}`;
      body.push(el("rect", { x: left, y: y + 1, width: Math.max(0, x(v.value) - left), height: BAR - 2, fill: series.color, class: "bar" }, tooltip(note)));
      let end = x(v.value);
      if (v.low != null && v.high != null) {
        const mid = y + BAR / 2;
        body.push(
          el("g", { stroke: "#222", "stroke-width": 1.2, class: "interval" }, [
            el("line", { x1: x(v.low), y1: mid, x2: x(v.high), y2: mid }),
            el("line", { x1: x(v.low), y1: mid - 4, x2: x(v.low), y2: mid + 4 }),
            el("line", { x1: x(v.high), y1: mid - 4, x2: x(v.high), y2: mid + 4 }),
            tooltip(note),
          ]),
        );
        end = Math.max(end, x(v.high));
      }
      body.push(text(format(v.value), { x: end + 4, y: y + BAR / 2 + 4, "font-size": FONT - 1, fill: "#333" }));
    });
  });
  return svgDocument({ id: spec.id, width: WIDTH, height: plotBottom + 44, title: spec.title, description: spec.description }, body);
}
