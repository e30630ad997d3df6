// Bundles the `presidium` command and its worker threads' entries, each into one file in
// dist/bundle/, from the compiled modules in dist/ (run by `npm run build` after tsc). A fresh
// process loads ~340 modules for the command and ~70 for a worker; Node's module loader costs more
// than the code (the command imported in about 0.4 s unbundled and 0.18 s bundled, a worker in 0.14 s
// and 0.02 s, on 2 busy cores), and every `presidium` command and every worker thread pays it first.
//
// The bundles sit where the compiled modules' relative paths still hold: two levels below the
// repository (repo-paths.ts, cache.ts), and the workers beside the command under the names its pools
// ask for (./worker.js and ./study-worker.js beside the module that starts them), so the bundled
// command starts the bundled workers. piscina stays a package: it starts its threads from its own files.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const out = join(dist, "bundle");

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    main: join(dist, "cli", "main.js"),
    worker: join(dist, "research", "run", "worker.js"),
    "study-worker": join(dist, "research", "run", "study-worker.js"),
  },
  outdir: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: ["node20"],
  external: ["piscina"],
  // commander and yaml are CommonJS inside: their require() calls need a require in an ES module.
  banner: { js: 'import { createRequire as presidiumRequire } from "node:module"; const require = presidiumRequire(import.meta.url);' },
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
});
