// Long labels broken into lines that fit a given width: the pairs plot's axis titles are dotted
// parameter names (moves.approach.classOfMember) side by side in narrow panels, and on one line
// they ran into each other. Lines break after a dot, dash, underscore or space, else before a capital
// inside a word (camelCase), and only as a last resort inside a word. No character is dropped, so
// the lines joined read back as the whole name (and an SVG text's textContent is the name).
import { el, escapeXml, textWidth, type Attrs } from "./svg.js";

/** The places a name may break: after a separator, or between a lower-case letter or digit and a capital. */
const BREAKS = /(?<=[._\-/ ])|(?<=[a-z0-9])(?=[A-Z])/;

/** `label` in lines no wider than `width` (as textWidth estimates them at `size`). */
export function wrapLabel(label: string, width: number, size: number): string[] {
  const fits = (s: string) => textWidth(s, size) <= width;
  const perLine = Math.max(1, Math.floor(width / textWidth("x", size)));
  const lines: string[] = [];
  let line = "";
  for (const piece of label.split(BREAKS)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line) lines.push(line);
    line = piece;
    // A piece wider than the whole width on its own: cut it where it must be cut.
    while (!fits(line)) {
      lines.push(line.slice(0, perLine));
      line = line.slice(perLine);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * One text element whose lines are tspans `lineHeight` apart, each starting again at `attrs.x`
 * (a transform on the element, e.g. a rotation, turns the lines with it); a single line is plain text.
 */
export function textLines(lines: readonly string[], attrs: Attrs, lineHeight: number): string {
  if (lines.length === 1) return el("text", attrs, escapeXml(lines[0]));
  return el(
    "text",
    attrs,
    lines.map((line, i) => el("tspan", { x: attrs.x, dy: i === 0 ? undefined : lineHeight }, escapeXml(line))),
  );
}
