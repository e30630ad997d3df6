// A scatter-plot matrix (pairs plot): every pair of variables plotted against each other below the
// diagonal, a stacked histogram of each variable on the diagonal (foreground layer at the bottom). Points come in layers drawn in
// order, so a faint background layer (e.g. ruled-out points) can sit under a solid one.
import { FONT, heading, WIDTH, type LegendItem } from "./frame.js";
import { linearScale } from "./scale.js";
import { el, px, svgDocument, text, textWidth, tooltip } from "./svg.js";
import { textLines, wrapLabel } from "./wrap.js";

export interface ScatterLayer {
  label: string;
  color: string;
  /** Each point has one value per variable, in the variables' order. */
  points: readonly (readonly number[])[];
  radius?: number;
  /** Fill opacity (default 1). */
  opacity?: number;
}

export interface ScatterMatrixSpec {
  id: string;
  title: string;
  subtitle?: string;
  description: string;
  variables: readonly { label: string; domain: readonly [number, number] }[];
  layers: readonly ScatterLayer[];
  /** One labelled point drawn as a cross in every panel (and a rule on the histograms), e.g. the defaults. */
  marker?: { label: string; color: string; values: readonly number[] };
  /** Histogram bins on the diagonal (default 10). */
  bins?: number;
  format?: (v: number) => string;
}

const GAP = 6;
/** Axis titles are a size smaller than the charts' text, one line every LINE pixels. */
const TITLE_SIZE = FONT - 1;
const LINE = 13;
const VALUE_SIZE = FONT - 2;
/** Bold glyphs run about a tenth wider than textWidth's estimate. */
const BOLD_WIDER = 1.1;

/**
 * Where the panels go. Each row is titled on the left (rotated) and each column under the bottom
 * row, by its variable's name wrapped to the panel's width, so that long names neither overlap nor
 * leave the picture. The left margin holds the row titles' lines and the value labels, and the
 * panels share what is left, so the titles are wrapped to the panel size they will have: the
 * margin grows a line at a time until every row title fits.
 */
function layout(spec: ScatterMatrixSpec, format: (v: number) => string, right: number) {
  const m = spec.variables.length;
  const valueWidth = Math.max(0, ...spec.variables.slice(1).flatMap((v) => v.domain.map((d) => textWidth(format(d), VALUE_SIZE))));
  for (let rowLines = 1; ; rowLines++) {
    const left = 4 + rowLines * LINE + 4 + valueWidth + 4;
    const cell = (right - left - GAP * (m - 1)) / m;
    // Panels are square: a row title has as much room along its row as a column title under its column.
    const titles = spec.variables.map((v) => wrapLabel(v.label, cell, TITLE_SIZE));
    if (Math.max(...titles.slice(1).map((t) => t.length), 1) <= rowLines) {
      return { left, cell, rowLines, titles, bottom: 28 + LINE * (Math.max(...titles.map((t) => t.length)) - 1) + 16 };
    }
  }
}

export function scatterMatrix(spec: ScatterMatrixSpec): string {
  const m = spec.variables.length;
  if (m === 0) throw new RangeError("scatterMatrix: need at least one variable");
  const format = spec.format ?? ((v: number) => String(Number(v.toPrecision(3))));
  const bins = spec.bins ?? 10;
  const legend: LegendItem[] = spec.layers.map((l) => ({ label: l.label, color: l.color }));
  if (spec.marker) legend.push({ label: spec.marker.label, color: spec.marker.color, line: true });
  const top = heading(spec.title, spec.subtitle, legend);
  const { left, cell, rowLines, titles, bottom: bottomMargin } = layout(spec, format, WIDTH - 12);
  const plotTop = top.height + 8;
  const x0 = (col: number) => left + col * (cell + GAP);
  const y0 = (row: number) => plotTop + row * (cell + GAP);
  const xScale = (v: number, col: number) => linearScale(spec.variables[col].domain, [x0(col) + 3, x0(col) + cell - 3])(v);
  const yScale = (v: number, row: number) => linearScale(spec.variables[row].domain, [y0(row) + cell - 3, y0(row) + 3])(v);
  const inside = (v: number, i: number) => Number.isFinite(v) && v >= spec.variables[i].domain[0] && v <= spec.variables[i].domain[1];
  const body = [...top.markup];

  for (let row = 0; row < m; row++) {
    for (let col = 0; col <= row; col++) {
      body.push(el("rect", { x: x0(col), y: y0(row), width: cell, height: cell, fill: "none", stroke: "#bbb", class: "panel" }));
      if (row === col) {
        body.push(...histogram(spec, row, bins, x0(col), y0(row), cell, xScale, inside, format));
        continue;
      }
      const marks: string[] = [];
      for (const layer of spec.layers) {
        const dots = layer.points
          .filter((p) => inside(p[col], col) && inside(p[row], row))
          .map((p) => el("circle", { cx: xScale(p[col], col), cy: yScale(p[row], row), r: layer.radius ?? 2 }));
        if (dots.length > 0) marks.push(el("g", { fill: layer.color, "fill-opacity": String(layer.opacity ?? 1), class: "layer" }, dots));
      }
      const mk = spec.marker;
      if (mk && inside(mk.values[col], col) && inside(mk.values[row], row)) {
        const cx = xScale(mk.values[col], col);
        const cy = yScale(mk.values[row], row);
        marks.push(
          el("g", { stroke: mk.color, "stroke-width": 2.5, class: "marker" }, [
            el("line", { x1: cx - 5, y1: cy - 5, x2: cx + 5, y2: cy + 5 }),
            el("line", { x1: cx - 5, y1: cy + 5, x2: cx + 5, y2: cy - 5 }),
            tooltip(`${mk.label}: ${spec.variables[col].label} = ${format(mk.values[col])}, ${spec.variables[row].label} = ${format(mk.values[row])}`),
          ]),
        );
      }
      body.push(el("g", { class: "scatter-panel" }, [...marks, tooltip(`${spec.variables[row].label} against ${spec.variables[col].label}`)]));
    }
    // Value labels and axis titles: under the bottom row for the columns' variables, left of each
    // row for its variable (the first row's only panel is a histogram, whose height is a count).
    const bottom = y0(m - 1) + cell;
    const [lo, hi] = spec.variables[row].domain;
    body.push(text(format(lo), { x: x0(row) + 3, y: bottom + 13, "text-anchor": "start", "font-size": VALUE_SIZE, fill: "#333" }));
    body.push(text(format(hi), { x: x0(row) + cell - 3, y: bottom + 13, "text-anchor": "end", "font-size": VALUE_SIZE, fill: "#333" }));
    body.push(textLines(titles[row], { x: x0(row) + cell / 2, y: bottom + 28, "text-anchor": "middle", "font-size": TITLE_SIZE, class: "axis-label column-title" }, LINE));
    if (row > 0) {
      body.push(text(format(lo), { x: left - 4, y: y0(row) + cell - 3, "text-anchor": "end", "font-size": VALUE_SIZE, fill: "#333" }));
      body.push(text(format(hi), { x: left - 4, y: y0(row) + 11, "text-anchor": "end", "font-size": VALUE_SIZE, fill: "#333" }));
      // Rotated a quarter turn, the lines run down the margin, the last one nearest the panels;
      // the baseline is the glyphs' right side, so each line's baseline sits at its band's right edge.
      const lines = titles[row];
      const x = 4 + (rowLines - lines.length + 1) * LINE - 2;
      const y = y0(row) + cell / 2;
      body.push(textLines(lines, { x, y, "text-anchor": "middle", "font-size": TITLE_SIZE, transform: `rotate(-90 ${px(x)} ${px(y)})`, class: "axis-label row-title" }, LINE));
    }
  }
  const height = y0(m - 1) + cell + bottomMargin;
  return svgDocument({ id: spec.id, width: WIDTH, height, title: spec.title, description: spec.description }, body);
}

/** The diagonal panel: the variable's name, its layers' counts stacked per bin, and the marker's value as a rule. */
function histogram(
  spec: ScatterMatrixSpec,
  i: number,
  bins: number,
  x: number,
  y: number,
  size: number,
  xScale: (v: number, col: number) => number,
  inside: (v: number, i: number) => boolean,
  format: (v: number) => string,
): string[] {
  const [lo, hi] = spec.variables[i].domain;
  const width = (hi - lo) / bins;
  const counts = spec.layers.map((layer) => {
    const c = new Array<number>(bins).fill(0);
    for (const p of layer.points) if (inside(p[i], i)) c[Math.min(bins - 1, Math.floor((p[i] - lo) / width))]++;
    return c;
  });
  const totals = Array.from({ length: bins }, (_, b) => counts.reduce((s, c) => s + c[b], 0));
  const tallest = Math.max(1, ...totals);
  // The name in bold, wrapped inside the panel (it ran past the picture's edge in the last one).
  const name = wrapLabel(spec.variables[i].label, (size - 8) / BOLD_WIDER, TITLE_SIZE);
  const labelSpace = 4 + name.length * LINE;
  const h = linearScale([0, tallest], [0, size - labelSpace - 3]);
  const out = [textLines(name, { x: x + 4, y: y + 12, "font-size": TITLE_SIZE, "font-weight": "bold", class: "variable-label" }, LINE)];
  for (let b = 0; b < bins; b++) {
    let base = 0;
    const left = xScale(lo + b * width, i);
    const right = xScale(lo + (b + 1) * width, i);
    // The last (foreground) layer sits on the baseline, so its counts read directly off the bars.
    [...spec.layers.entries()].reverse().forEach(([l, layer]) => {
      const n = counts[l][b];
      if (n === 0) return;
      const bottom = y + size - h(base);
      out.push(el("rect", { x: left + 0.5, y: bottom - h(n), width: Math.max(0.5, right - left - 1), height: h(n), fill: layer.color, "fill-opacity": String(Math.max(0.35, layer.opacity ?? 1)), class: "bar" }, tooltip(`${spec.variables[i].label} ${format(lo + b * width)} to ${format(lo + (b + 1) * width)}: ${n} ${layer.label.toLowerCase()}`)));
      base += n;
    });
  }
  const mk = spec.marker;
  if (mk && inside(mk.values[i], i)) {
    const mx = xScale(mk.values[i], i);
    out.push(el("line", { x1: mx, y1: y + labelSpace, x2: mx, y2: y + size, stroke: mk.color, "stroke-width": 2, "stroke-dasharray": "4 2", class: "marker" }, tooltip(`${mk.label}: ${spec.variables[i].label} = ${format(mk.values[i])}`)));
  }
  return out;
}
