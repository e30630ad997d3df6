// The browser game's files, bundled by `npm run build` into dist/web. Served from memory with a
// strict Content-Security-Policy: the page runs only its own script and talks only to this server.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { repoRoot } from "../scenarios/repo-paths.js";

export const webDir = (): string => join(repoRoot(), "dist", "web");

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Reads the bundle once; null if it has not been built. */
export function loadWebFiles(dir = webDir()): Map<string, StaticFile> | null {
  if (!existsSync(join(dir, "index.html"))) return null;
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) {
    const type = types[extname(name)];
    if (type) files.set(`/${name}`, { body: readFileSync(join(dir, name)), type });
  }
  return files;
}
