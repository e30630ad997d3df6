// Where the network picture writes each man's name under his portrait. Portraits stand closer
// together than a long surname is wide (Mzhavanadze, Semichastny beside their neighbours), and
// names in two alternating rows still ran into each other. Here each name takes the first row in
// which it clears the names already there, and a new row is opened when none has room, so no
// name is covered and none is cut short; names stay centred under their portraits, moved in only
// where a name would run past the picture's edge.

export interface NameLabel {
  /** Where the portrait stands. */
  x: number;
  text: string;
  bold?: boolean;
}

export interface PlacedName {
  /** The name's centre (its portrait's, unless that would put it past an edge). */
  x: number;
  /** 0 for the row nearest the portraits. */
  row: number;
  /** The width the placement allowed for it. */
  width: number;
}

/** Space kept between two names in one row. */
const CLEARANCE = 6;

/**
 * A generous estimate of a name's width at `fontSize` (the browser could measure it only after
 * drawing it; a system font's letters average about half an em, bold ones a little more).
 */
export function nameWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.68 : 0.6);
}

/** A row for every name, in the order given (left to right), within a picture `pictureWidth` wide. */
export function placeNameLabels(names: readonly NameLabel[], fontSize: number, pictureWidth: number): PlacedName[] {
  /** The right end of the last name in each row so far. */
  const rowEnds: number[] = [];
  return names.map((name) => {
    const width = nameWidth(name.text, fontSize, name.bold);
    const x = Math.min(Math.max(name.x, width / 2 + 2), pictureWidth - width / 2 - 2);
    let row = rowEnds.findIndex((end) => end + CLEARANCE <= x - width / 2);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = x + width / 2;
    return { x, row, width };
  });
}

/**
 * How far labels that end at their anchor `x` and rise to it at `slant` degrees reach left of the
 * picture's edge (0) and below their anchors' line: the room the picture must leave so that none is
 * cut (the constituencies' names under the network's boxes).
 */
export function slantedLabelsReach(labels: readonly NameLabel[], fontSize: number, slant: number): { left: number; below: number } {
  const radians = (slant * Math.PI) / 180;
  let left = 0;
  let below = 0;
  for (const label of labels) {
    const run = nameWidth(label.text, fontSize, label.bold);
    left = Math.max(left, run * Math.cos(radians) - label.x);
    below = Math.max(below, run * Math.sin(radians));
  }
  return { left: Math.ceil(left), below: Math.ceil(below) };
}
