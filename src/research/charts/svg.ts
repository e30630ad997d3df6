// Building SVG as text: escaped attributes and content, coordinates rounded to a tenth of a pixel
// (smaller files, and the same numbers on every machine).

export type Attrs = Record<string, string | number | null | undefined>;

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A coordinate or length, rounded to 0.1 (and never "-0"). */
export function px(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`px: not a finite number: ${x}`);
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
}

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? px(v) : escapeXml(v!)}"`)
    .join("");
}

/** An element; `children` is markup (already escaped), a list of it, or nothing (self-closing). */
export function el(name: string, a: Attrs = {}, children?: string | readonly string[]): string {
  const inner = Array.isArray(children) ? children.join("") : (children as string | undefined);
  return inner === undefined || inner === "" ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** A text element with escaped content. */
export function text(content: string, a: Attrs = {}): string {
  return el("text", a, escapeXml(content));
}

/** A hover tooltip: the SVG <title> child of a shape. */
export function tooltip(content: string): string {
  return el("title", {}, escapeXml(content));
}

/** The outer <svg>: scalable, with an accessible name and description. */
export function svgDocument(spec: { id: string; width: number; height: number; title: string; description: string }, body: readonly string[]): string {
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${px(spec.width)} ${px(spec.height)}`,
      width: spec.width,
      height: spec.height,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      class: "chart",
    },
    [el("title", { id: titleId }, escapeXml(spec.title)), el("desc", { id: descId }, escapeXml(spec.description)), ...body],
  );
}

/** A rough width of a label in the charts' font (for layout; SVG cannot measure text without a DOM). */
export function textWidth(content: string, size = 12): number {
  return content.length * size * 0.56;
}
