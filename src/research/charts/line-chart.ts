// Lines over a numeric axis: steps for a survival curve, or points joined by lines with interval
// whiskers for a rate against a parameter.
import { bottomValueAxis, heading, leftValueAxis, verticalMarker, WIDTH } from "./frame.js";
import { linearScale, percent } from "./scale.js";
import { el, px, svgDocument, tooltip } from "./svg.js";

export interface LinePoint {
  x: number;
  y: number;
  low?: number | null;
  high?: number | null;
  note?: string;
}

export interface LineSeries {
  label: string;
  color: string;
  points: readonly LinePoint[];
  /** Hold each value until the next point (a survival curve) instead of joining points directly. */
  step?: boolean;
  dashed?: boolean;
  /** Draw a marker at each point (with its whisker when it has an interval). */
  markers?: boolean;
}

export interface LineChartSpec {
  id: string;
  title: string;
  subtitle?: string;
  description: string;
  series: readonly LineSeries[];
  x: { domain: readonly [number, number]; ticks: readonly { value: number; label: string }[]; label: string };
  y: { domain: readonly [number, number]; ticks: readonly number[]; label: string; format?: (v: number) => string };
  /** A labelled vertical rule (e.g. the date of the real event). */
  marker?: { x: number; label: string };
}

const HEIGHT = 240;

export function lineChart(spec: LineChartSpec): string {
  const format = spec.y.format ?? ((v: number) => percent(v));
  const legend = spec.series.length > 1 ? spec.series.map((s) => ({ label: s.label, color: s.color, line: true, dashed: s.dashed })) : [];
  const top = heading(spec.title, spec.subtitle, legend);
  const left = 64;
  const right = WIDTH - 24;
  const plotTop = top.height + 8;
  const plotBottom = plotTop + HEIGHT;
  const x = linearScale(spec.x.domain, [left + 8, right - 8]);
  const y = linearScale(spec.y.domain, [plotBottom, plotTop]);
  const tickValues = spec.x.ticks.map((t) => t.value);
  const tickLabel = new Map(spec.x.ticks.map((t) => [t.value, t.label]));
  const body = [
    ...top.markup,
    ...leftValueAxis({ scale: y, ticks: spec.y.ticks, format, left, right, label: spec.y.label, top: plotTop, bottom: plotBottom }),
    ...bottomValueAxis({ scale: x, ticks: tickValues, format: (v) => tickLabel.get(v) ?? String(v), top: plotTop, bottom: plotBottom, label: spec.x.label, left, right }),
  ];
  if (spec.marker) body.push(...verticalMarker(x(spec.marker.x), spec.marker.label, plotTop, plotBottom, left, right));
  for (const series of spec.series) {
    if (series.points.length === 0) continue;
    body.push(el("path", { d: pathOf(series, x, y), fill: "none", stroke: series.color, "stroke-width": 2.5, "stroke-dasharray": series.dashed ? "6 3" : undefined, class: "line" }, tooltip(series.label)));
    if (!series.markers) continue;
    for (const p of series.points) {
      const note = p.note ?? `${series.label}: ${format(p.y)}`;
      const marks: string[] = [];
      if (p.low != null && p.high != null) {
        marks.push(el("line", { x1: x(p.x), y1: y(p.low), x2: x(p.x), y2: y(p.high), stroke: series.color, "stroke-width": 1.5 }));
        for (const end of [p.low, p.high]) marks.push(el("line", { x1: x(p.x) - 4, y1: y(end), x2: x(p.x) + 4, y2: y(end), stroke: series.color, "stroke-width": 1.5 }));
      }
      marks.push(el("circle", { cx: x(p.x), cy: y(p.y), r: 4, fill: series.color, stroke: "#fff", "stroke-width": 1 }), tooltip(note));
      body.push(el("g", { class: "point" }, marks));
    }
  }
  return svgDocument({ id: spec.id, width: WIDTH, height: plotBottom + 46, title: spec.title, description: spec.description }, body);
}

function pathOf(series: LineSeries, x: (v: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  series.points.forEach((p, i) => {
    if (i === 0) parts.push(`M${px(x(p.x))} ${px(y(p.y))}`);
    else if (series.step) parts.push(`H${px(x(p.x))}V${px(y(p.y))}`);
    else parts.push(`L${px(x(p.x))} ${px(y(p.y))}`);
  });
  return parts.join("");
}
