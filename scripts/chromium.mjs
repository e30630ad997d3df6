// Finds the Chromium the browser tests and `npm run measure:web` drive (nothing downloads a browser):
// PRESIDIUM_CHROMIUM if set, else /usr/bin/chromium (Debian's package), else chromium-browser or
// chromium on PATH. `node scripts/chromium.mjs` (the first step of `npm test`) makes sure there is
// one: where it is missing and Debian's apt can be used as root, it installs Debian's `chromium`;
// otherwise it stops at once with the command to run, before anything is built or tested.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const NAMES_ON_PATH = ["chromium-browser", "chromium"];
/** What `.ci/run` runs too: non-interactive, so that it never waits for a question. */
export const APT_INSTALL = ["sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"];

/** @param {string} path */
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to use, or null when there is none. A PRESIDIUM_CHROMIUM that names no
 * executable is an error rather than a reason to look elsewhere: it was set on purpose.
 * @param {{ env?: Record<string, string | undefined>, isExecutable?: (path: string) => boolean }} [options]
 * @returns {string | null}
 */
export function findChromium({ env = process.env, isExecutable = isExecutableFile } = {}) {
  const given = env.PRESIDIUM_CHROMIUM;
  if (given !== undefined && given !== "") {
    if (isExecutable(given)) return given;
    throw new Error(`PRESIDIUM_CHROMIUM is ${given}, which is not an executable file: point it at a Chromium executable, or unset it to use ${DEBIAN_CHROMIUM}`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  for (const name of NAMES_ON_PATH) {
    for (const dir of (env.PATH ?? "").split(delimiter)) {
      if (dir !== "" && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/**
 * Finds Chromium, installing Debian's package when that is possible (root, with apt-get), or throws
 * an error whose message is the one line to show: what to run.
 * @param {{
 *   env?: Record<string, string | undefined>,
 *   isExecutable?: (path: string) => boolean,
 *   isRoot?: boolean,
 *   hasApt?: boolean,
 *   run?: (command: string[]) => void,
 *   log?: (line: string) => void,
 *   install?: boolean,
 * }} [options]  `install: false` only finds, and says what to run when there is nothing to find.
 * @returns {string}
 */
export function ensureChromium({
  env = process.env,
  isExecutable = isExecutableFile,
  isRoot = process.getuid?.() === 0,
  hasApt = existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version"),
  run = (command) => execFileSync(command[0], command.slice(1), { stdio: "inherit" }),
  log = (line) => process.stderr.write(`${line}\n`),
  install = true,
} = {}) {
  const found = findChromium({ env, isExecutable });
  if (found !== null) return found;
  const lookedFor = `looked for PRESIDIUM_CHROMIUM, ${DEBIAN_CHROMIUM}, and ${NAMES_ON_PATH.join(" or ")} on PATH`;
  if (!hasApt) {
    throw new Error(`Chromium, which the browser tests drive, is not installed (${lookedFor}): install it with your system's package manager and set PRESIDIUM_CHROMIUM to its executable`);
  }
  if (!isRoot || !install) {
    const command = isRoot ? "apt-get update && apt-get install -y chromium" : "sudo apt-get update && sudo apt-get install -y chromium";
    throw new Error(`Chromium, which the browser tests drive, is not installed (${lookedFor}): run  ${command}  (npm test does it when run as root)`);
  }
  log(`Chromium is not installed (${lookedFor}); installing Debian's chromium: ${APT_INSTALL[2]}`);
  try {
    run(APT_INSTALL);
  } catch (error) {
    throw new Error(`installing Chromium failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): run  ${APT_INSTALL[2]}  yourself, then npm test again`);
  }
  const installed = findChromium({ env, isExecutable });
  if (installed === null) throw new Error(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is still missing: install Chromium and set PRESIDIUM_CHROMIUM to its executable`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureChromium();
  } catch (error) {
    process.stderr.write(`npm test: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
