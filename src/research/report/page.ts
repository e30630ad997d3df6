// The HTML page around the charts: one self-contained file, styles inline, no scripts, nothing
// fetched, readable on screen and on paper.
import { escapeXml } from "../charts/svg.js";

export const escapeHtml = escapeXml;

export interface Section {
  id: string;
  heading: string;
  /** Markup (escape any text put into it). */
  body: string;
}

export interface PageSpec {
  title: string;
  /** Markup shown under the title. */
  intro: string;
  sections: readonly Section[];
  /** Markup for the closing notes. */
  notes: string;
}

const style = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 780px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 8px; }
h2 { font-size: 1.2rem; margin: 36px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
p, li { max-width: 72ch; }
.lead { color: #444; }
.partial { background: #fff3cd; border: 1px solid #e0c36c; padding: 8px 12px; border-radius: 4px; }
figure { margin: 12px 0 20px; }
figcaption { font-size: 0.9rem; color: #444; margin-top: 4px; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
.table-scroll { max-width: 100%; overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { font-weight: 600; }
.small { font-size: 0.85rem; color: #555; }
code { font-size: 0.9em; background: #f4f4f4; padding: 1px 4px; border-radius: 3px; }
@media print { main { max-width: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
`;

export function htmlPage(spec: PageSpec): string {
  const sections = spec.sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.body}\n</section>`).join("\n");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(spec.title)}</title>`,
    `<style>${style}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(spec.title)}</h1>`,
    spec.intro,
    sections,
    `<section id="notes">\n<h2>How to read this report</h2>\n${spec.notes}\n</section>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** A chart with its caption. */
export function figure(svg: string, caption: string): string {
  return `<figure>\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}

/**
 * A table from already-escaped cells; `numeric` columns are right-aligned. A table wider than the
 * page (a sweep's figures, one column per outcome) scrolls in its own box rather than overflow it.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean = (c) => c > 0): string {
  const head = `<tr>${header.map((h) => `<th scope="col">${h}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((cell, c) => (c === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric(c) ? ' class="num"' : ""}>${cell}</td>`)).join("")}</tr>`).join("\n");
  return `<div class="table-scroll">\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}
