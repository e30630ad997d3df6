// The progress line of a long experiment: a bar, runs done, runs per second and the time left.
// Pure (the caller measures time), so it can be tested without a terminal.

export function progressLine(done: number, planned: number, elapsedMs: number, barWidth = 24): string {
  const fraction = planned > 0 ? Math.min(1, done / planned) : 0;
  const filled = Math.round(fraction * barWidth);
  const bar = `${"█".repeat(filled)}${"░".repeat(barWidth - filled)}`;
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = done > 0 && perSecond > 0 ? clock((planned - done) / perSecond) : "--:--";
  return `${bar} ${done.toLocaleString("en-US")}/${planned.toLocaleString("en-US")} runs  ${perSecond.toFixed(perSecond < 10 ? 1 : 0)} runs/s  ETA ${eta}`;
}

/** Seconds as M:SS, or H:MM:SS from an hour up. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
