// A portrait drawn in code: a bust in the flat two-colour style of the period's posters (a red
// ground with rays, a dark suit, a face in three tones), varied by a hash of the character's id and
// by his age. No image file is fetched. It is decoration: the name beside it says who it is.
import { initials } from "../format.js";

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export interface PortraitProps {
  id: string;
  name: string;
  age: number;
  size?: number;
  /** Greyed for the fallen and the dead. */
  faded?: boolean;
  /** Drawn inside another SVG at this position (no outer element of its own). */
  x?: number;
  y?: number;
}

const skins = ["#e8b48f", "#dca27d", "#f0c29f", "#d39873"];
const suits = ["#1f2a36", "#2b2b2b", "#3a3125", "#24323a"];

export function Portrait({ id, name, age, size = 64, faded = false, x, y }: PortraitProps) {
  const h = hash(id);
  const skin = skins[h % skins.length];
  const suit = suits[(h >> 3) % suits.length];
  const bald = age >= 60 ? ((h >> 5) & 3) !== 0 : ((h >> 5) & 7) === 0;
  const hairTone = age >= 65 ? "#b9b4aa" : age >= 55 ? "#6d655c" : "#3b2f26";
  const glasses = ((h >> 8) & 7) === 0;
  const brows = 1.6 + ((h >> 11) & 3) * 0.9;
  const jaw = 20 + ((h >> 13) & 3);
  const ground = faded ? "#8c8c8c" : "#b3261e";
  const rays = faded ? "#a3a3a3" : "#cf4a35";
  const key = `p${h.toString(36)}`;
  const content = (
    <>
      <rect width="100" height="100" rx="8" fill={ground} />
      <g fill={rays}>
        {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
          <polygon key={i} points="50,44 46,-10 54,-10" transform={`rotate(${i * 45 - 90 + 22.5} 50 44)`} />
        ))}
      </g>
      <path d={`M10 100 C12 78 28 70 50 70 C72 70 88 78 90 100 Z`} fill={suit} />
      <path d="M42 70 L50 86 L58 70 Z" fill="#f2f2f2" />
      <path d="M48.5 74 L51.5 74 L53 92 L50 96 L47 92 Z" fill={faded ? "#555" : "#7a1616"} />
      <rect x="44" y="58" width="12" height="14" fill={skin} />
      <ellipse cx="50" cy="44" rx={jaw} ry={25} fill={skin} />
      {bald ? (
        <path d={`M${50 - jaw} 42 C${50 - jaw} 30 ${50 - jaw + 4} 28 ${50 - jaw + 6} 34 L${50 - jaw + 2} 46 Z M${50 + jaw} 42 C${50 + jaw} 30 ${50 + jaw - 4} 28 ${50 + jaw - 6} 34 L${50 + jaw - 2} 46 Z`} fill={hairTone} />
      ) : (
        <path d={`M${50 - jaw} 40 C${50 - jaw} 18 ${50 + jaw} 14 ${50 + jaw} 38 C${50 + jaw - 6} 26 ${50 - jaw + 8} 24 ${50 - jaw} 40 Z`} fill={hairTone} />
      )}
      <rect x="37" y="38" width="10" height={brows} rx="1" fill={hairTone} />
      <rect x="53" y="38" width="10" height={brows} rx="1" fill={hairTone} />
      <circle cx="42" cy="45" r="1.8" fill="#1b1b1b" />
      <circle cx="58" cy="45" r="1.8" fill="#1b1b1b" />
      {glasses ? (
        <g fill="none" stroke="#1b1b1b" stroke-width="1.4">
          <circle cx="42" cy="45" r="5" />
          <circle cx="58" cy="45" r="5" />
          <path d="M47 45 L53 45" />
        </g>
      ) : null}
      <path d="M50 46 L47 54 L51 54" fill="none" stroke="#9a6a50" stroke-width="1.3" />
      <path d="M44 60 Q50 63 56 60" fill="none" stroke="#8a4a3a" stroke-width="1.5" />
      <rect x="0" y="86" width="100" height="14" fill={faded ? "#6b6b6b" : "#7a1616"} opacity="0.85" />
      <text x="50" y="97" text-anchor="middle" font-size="10" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">
        {initials(name)}
      </text>
    </>
  );
  if (x !== undefined && y !== undefined) {
    return (
      <svg x={x} y={y} width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" class={key}>
        {content}
      </svg>
    );
  }
  return (
    <svg class="portrait" width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      {content}
    </svg>
  );
}
