// Colours that stay apart for colour-blind readers (Okabe and Ito), in the order variants get them,
// and a light-to-dark ramp for the fates (from retirement to execution).
export const variantColors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#000000"] as const;

export function variantColor(index: number): string {
  return variantColors[index % variantColors.length];
}

export const fateColors = ["#fdd49e", "#fdbb84", "#fc8d59", "#d7301f", "#7f0000"] as const;

export const sideColors = { leaderKept: "#0072B2", leaderLost: "#D55E00" } as const;
