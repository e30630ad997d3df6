// Vertical columns over ordered categories (months, share bins): side by side for several series,
// or stacked when the series are parts of one whole.
import { bottomCategoryLabels, heading, leftValueAxis, verticalMarker, WIDTH } from "./frame.js";
import { bandScale, linearScale, percent, ticksFromZero } from "./scale.js";
import { el, svgDocument, text, tooltip } from "./svg.js";

export interface ColumnChartSpec {
  id: string;
  title: string;
  subtitle?: string;
  description: string;
  categories: readonly string[];
  /** Label every n-th category (long month runs would overlap). */
  labelEvery?: number;
  series: readonly { label: string; color: string; values: readonly number[] }[];
  stacked?: boolean;
  xLabel: string;
  yLabel: string;
  format?: (v: number) => string;
  /** A labelled vertical rule through the middle of one category (e.g. the month of the real event). */
  marker?: { category: number; label: string };
  /** Hover text for one column; defaults to series, category and value. */
  note?: (series: number, category: number) => string;
}

const HEIGHT = 220;

export function columnChart(spec: ColumnChartSpec): string {
  const format = spec.format ?? ((v: number) => percent(v));
  const top = heading(spec.title, spec.subtitle, spec.series.length > 1 ? spec.series.map((s) => ({ label: s.label, color: s.color })) : []);
  const left = 64;
  const right = WIDTH - 16;
  const plotTop = top.height + 8;
  const plotBottom = plotTop + HEIGHT;
  const heights = spec.categories.map((_, c) => (spec.stacked ? spec.series.reduce((sum, s) => sum + s.values[c], 0) : Math.max(0, ...spec.series.map((s) => s.values[c]))));
  const ticks = ticksFromZero(Math.max(...heights), 4);
  const y = linearScale([0, ticks[ticks.length - 1]], [plotBottom, plotTop]);
  const bands = bandScale(spec.categories.length, left, right, 0.15);
  const body = [...top.markup, ...leftValueAxis({ scale: y, ticks, format, left, right, label: spec.yLabel, top: plotTop, bottom: plotBottom })];

  spec.categories.forEach((category, c) => {
    let base = 0;
    spec.series.forEach((series, s) => {
      const value = series.values[c];
      if (value <= 0) return;
      const note = spec.note ? spec.note(s, c) : `${series.label}, ${category}: ${format(value)}`;
      const width = spec.stacked ? bands.width : bands.width / spec.series.length;
      const x = spec.stacked ? bands.start(c) : bands.start(c) + s * width;
      const y0 = spec.stacked ? base : 0;
      body.push(el("rect", { x, y: y(y0 + value), width, height: y(y0) - y(y0 + value), fill: series.color, class: "bar" }, tooltip(note)));
      if (spec.stacked) base += value;
    });
  });
  if (spec.marker) body.push(...verticalMarker(bands.start(spec.marker.category) + bands.width / 2, spec.marker.label, plotTop, plotBottom, left, right));
  body.push(...bottomCategoryLabels(spec.categories, (i) => bands.start(i) + bands.width / 2, plotBottom, spec.labelEvery ?? 1));
  body.push(text(spec.xLabel, { x: (left + right) / 2, y: plotBottom + 36, "text-anchor": "middle", "font-size": 12, class: "axis-label" }));
  return svgDocument({ id: spec.id, width: WIDTH, height: plotBottom + 46, title: spec.title, description: spec.description }, body);
}
