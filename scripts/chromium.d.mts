// Types for scripts/chromium.mjs, which the TypeScript tests import.
export declare const DEBIAN_CHROMIUM: string;
export declare const APT_INSTALL: string[];
export declare function findChromium(options?: { env?: Record<string, string | undefined>; isExecutable?: (path: string) => boolean }): string | null;
export declare function ensureChromium(options?: {
  env?: Record<string, string | undefined>;
  isExecutable?: (path: string) => boolean;
  isRoot?: boolean;
  hasApt?: boolean;
  run?: (command: string[]) => void;
  log?: (line: string) => void;
  /** False: only find, and say what to run when there is nothing to find. */
  install?: boolean;
}): string;
