// The parts every chart shares: the heading (title, subtitle, legend) and the value axes with
// their grid lines.
import { el, px, text, textWidth } from "./svg.js";
import type { Scale } from "./scale.js";

export const WIDTH = 720;
export const FONT = 12;
const TITLE_SIZE = 15;
const SWATCH = 12;

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn as a line (for line charts) rather than a filled square. */
  line?: boolean;
  dashed?: boolean;
}

/** Title, optional subtitle and legend at the top; returns the markup and the height used. */
export function heading(title: string, subtitle: string | undefined, legend: readonly LegendItem[], width = WIDTH): { markup: string[]; height: number } {
  const markup = [text(title, { x: 8, y: 20, class: "chart-title", "font-size": TITLE_SIZE, "font-weight": "bold" })];
  let y = 24;
  if (subtitle) {
    markup.push(text(subtitle, { x: 8, y: y + 15, class: "chart-subtitle", "font-size": FONT, fill: "#555" }));
    y += 20;
  }
  if (legend.length > 0) {
    let x = 8;
    y += 20;
    for (const item of legend) {
      const w = SWATCH + 6 + textWidth(item.label) + 18;
      if (x > 8 && x + w > width - 8) {
        x = 8;
        y += 18;
      }
      markup.push(swatch(item, x, y - SWATCH + 2), text(item.label, { x: x + SWATCH + 6, y, "font-size": FONT }));
      x += w;
    }
  }
  return { markup, height: y + 12 };
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.line) {
    return el("line", { x1: x, y1: y + SWATCH / 2, x2: x + SWATCH, y2: y + SWATCH / 2, stroke: item.color, "stroke-width": 3, "stroke-dasharray": item.dashed ? "4 2" : undefined });
  }
  return el("rect", { x, y, width: SWATCH, height: SWATCH, fill: item.color, rx: 2 });
}

/** Vertical grid lines and tick labels below the plot, and the axis title under them. */
export function bottomValueAxis(spec: { scale: Scale; ticks: readonly number[]; format: (v: number) => string; top: number; bottom: number; label: string; left: number; right: number }): string[] {
  const out: string[] = [];
  for (const t of spec.ticks) {
    const x = spec.scale(t);
    out.push(el("line", { x1: x, y1: spec.top, x2: x, y2: spec.bottom, class: "grid", stroke: "#ddd" }));
    out.push(text(spec.format(t), { x, y: spec.bottom + 15, "text-anchor": "middle", "font-size": FONT - 1, fill: "#333" }));
  }
  out.push(el("line", { x1: spec.left, y1: spec.bottom, x2: spec.right, y2: spec.bottom, stroke: "#888" }));
  out.push(text(spec.label, { x: (spec.left + spec.right) / 2, y: spec.bottom + 34, "text-anchor": "middle", "font-size": FONT, class: "axis-label" }));
  return out;
}

/** Horizontal grid lines and tick labels left of the plot, and the axis title turned upright. */
export function leftValueAxis(spec: { scale: Scale; ticks: readonly number[]; format: (v: number) => string; left: number; right: number; label: string; top: number; bottom: number }): string[] {
  const out: string[] = [];
  for (const t of spec.ticks) {
    const y = spec.scale(t);
    out.push(el("line", { x1: spec.left, y1: y, x2: spec.right, y2: y, class: "grid", stroke: "#ddd" }));
    out.push(text(spec.format(t), { x: spec.left - 6, y: y + 4, "text-anchor": "end", "font-size": FONT - 1, fill: "#333" }));
  }
  out.push(el("line", { x1: spec.left, y1: spec.top, x2: spec.left, y2: spec.bottom, stroke: "#888" }));
  const cy = (spec.top + spec.bottom) / 2;
  out.push(text(spec.label, { x: 14, y: cy, transform: `rotate(-90 14 ${px(cy)})`, "text-anchor": "middle", "font-size": FONT, class: "axis-label" }));
  return out;
}

/** Category tick labels under a horizontal axis (every `every`-th one, to keep them apart). */
export function bottomCategoryLabels(labels: readonly string[], centre: (i: number) => number, y: number, every = 1): string[] {
  return labels.flatMap((label, i) => (i % every === 0 ? [text(label, { x: centre(i), y: y + 15, "text-anchor": "middle", "font-size": FONT - 1, fill: "#333" })] : []));
}

/** A dashed vertical rule with a label at its top, kept inside the plot (left of the rule near the right edge). */
export function verticalMarker(x: number, label: string, top: number, bottom: number, left: number, right: number): string[] {
  const onLeft = x + 6 + textWidth(label, FONT - 1) > right;
  return [
    el("line", { x1: x, y1: top, x2: x, y2: bottom, stroke: "#444", "stroke-width": 1.5, "stroke-dasharray": "5 3", class: "marker" }),
    text(label, { x: onLeft ? Math.max(left, x - 6) : x + 6, y: top + 12, "text-anchor": onLeft ? "end" : "start", "font-size": FONT - 1, fill: "#222", class: "marker-label" }),
  ];
}
