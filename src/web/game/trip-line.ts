// The line of a journey on the map, from Moscow to the place, and where the place is named at its
// end. The line used to bow up from the higher of its two ends whatever the direction, so a trip
// south (the Black Sea, Egypt) left Moscow heading north and hooked back down, and it ended in the
// open with nothing to mark or name the place. Now it leaves Moscow towards the place and bows
// gently to the side of the chord that faces north (west for a trip due south), and the map draws a
// marker where it ends, named on the side where the map is emptiest.
import { nameWidth } from "./name-labels.js";

export type Point = readonly [number, number];

/** How far the curve's control point stands off the chord's middle, as a share of the chord. */
const BOW = 0.3;

/** The control point of the quadratic curve from `from` to `to`, kept at or below the map's top edge (y = 0). */
export function tripBend(from: Point, to: Point): Point {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // Of the chord's two normals (each as long as the chord), the one facing north, or west when it runs due south or north.
  let [nx, ny] = [dy, -dx];
  if (ny > 0 || (ny === 0 && nx > 0)) [nx, ny] = [-nx, -ny];
  const cx = (x0 + x1) / 2 + BOW * nx;
  const cy = (y0 + y1) / 2 + BOW * ny;
  return [round(cx), round(Math.max(0, cy))];
}

/** The SVG path of the journey's line from `from` (Moscow) to `to` (the place). */
export function tripLine(from: Point, to: Point): string {
  const [cx, cy] = tripBend(from, to);
  return `M${from[0]} ${from[1]} Q${cx} ${cy} ${to[0]} ${to[1]}`;
}

export interface EndLabel {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

/** The place names' size on the map, and the radius of the marker at a trip's end. */
export const PLACE_NAME_SIZE = 11;
export const END_RADIUS = 4.5;

/**
 * Where to write a trip's place beside its marker at `at` (`ring`: the radius of the first man's
 * ring when he is there, whose own name is on its right). Above and to the right, as the capitals
 * are named, inside the Union; to the left for places abroad west of Moscow (out over Europe and
 * the sea, away from the Union's capitals) and beside the first man's ring; below where the left
 * would run past the map's edge (moved in as far as it takes to stay on the map).
 */
export function endLabel(at: Point, place: { name: string; abroad: boolean }, moscow: Point, ring: number | null): EndLabel {
  const [x, y] = at;
  const radius = ring ?? END_RADIUS;
  if (ring === null && !(place.abroad && x < moscow[0])) return { x: x + radius + 3, y: y - 5, anchor: "start" };
  const left = x - radius - 3;
  const width = nameWidth(place.name, PLACE_NAME_SIZE);
  if (left - width >= 0) return { x: left, y: y + 4, anchor: "end" };
  return { x: Math.max(x, width / 2), y: y + radius + PLACE_NAME_SIZE + 1, anchor: "middle" };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
