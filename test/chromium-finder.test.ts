// The one Chromium finder (scripts/chromium.mjs), used by `npm test`, the browser tests and
// `npm run measure:web`, tried on a made-up machine: a fake environment, PATH and file system.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APT_INSTALL, DEBIAN_CHROMIUM, ensureChromium, findChromium } from "../scripts/chromium.mjs";
import { repo } from "./cli-helpers.js";

/** A machine on which exactly `files` are executable. */
const machine = (...files: string[]) => {
  const present = new Set(files);
  return (path: string) => present.has(path);
};

describe("finding Chromium", () => {
  const PATH = "/opt/tools/bin:/usr/local/bin:/snap/bin";

  it("takes PRESIDIUM_CHROMIUM first, then /usr/bin/chromium, then chromium-browser or chromium on PATH", () => {
    const cases: [string, Record<string, string | undefined>, string[], string | null][] = [
      ["the variable, over everything", { PRESIDIUM_CHROMIUM: "/home/me/chrome/chrome", PATH }, ["/home/me/chrome/chrome", DEBIAN_CHROMIUM, "/usr/local/bin/chromium-browser"], "/home/me/chrome/chrome"],
      ["Debian's package", { PATH }, [DEBIAN_CHROMIUM, "/usr/local/bin/chromium-browser"], DEBIAN_CHROMIUM],
      ["an empty variable counts as unset", { PRESIDIUM_CHROMIUM: "", PATH }, [DEBIAN_CHROMIUM], DEBIAN_CHROMIUM],
      ["chromium-browser on PATH, in PATH's order", { PATH }, ["/snap/bin/chromium-browser", "/usr/local/bin/chromium-browser"], "/usr/local/bin/chromium-browser"],
      ["chromium-browser before chromium", { PATH }, ["/opt/tools/bin/chromium", "/snap/bin/chromium-browser"], "/snap/bin/chromium-browser"],
      ["chromium on PATH", { PATH }, ["/opt/tools/bin/chromium"], "/opt/tools/bin/chromium"],
      ["nothing", { PATH }, ["/usr/bin/firefox", "/opt/tools/bin/chrome"], null],
      ["no PATH at all", {}, [], null],
      ["an empty PATH entry is not the current folder", { PATH: ":/nowhere" }, ["chromium-browser"], null],
    ];
    for (const [what, env, files, expected] of cases) expect(findChromium({ env, isExecutable: machine(...files) }), what).toBe(expected);
  });

  it("a PRESIDIUM_CHROMIUM that names no executable is an error naming it, not a reason to look elsewhere", () => {
    expect(() => findChromium({ env: { PRESIDIUM_CHROMIUM: "/tmp/not-chrome", PATH: "/usr/bin" }, isExecutable: machine(DEBIAN_CHROMIUM) })).toThrow(
      "PRESIDIUM_CHROMIUM is /tmp/not-chrome, which is not an executable file: point it at a Chromium executable, or unset it to use /usr/bin/chromium",
    );
  });
});

describe("making sure of Chromium before the tests", () => {
  const env = { PATH: "/usr/bin:/bin" };

  it("found: nothing is installed", () => {
    const ran: string[][] = [];
    expect(ensureChromium({ env, isExecutable: machine(DEBIAN_CHROMIUM), isRoot: true, hasApt: true, run: (c) => ran.push(c), log: () => {} })).toBe(DEBIAN_CHROMIUM);
    expect(ran).toEqual([]);
  });

  it("missing, as root with Debian's apt: installs Debian's chromium, as .ci/run does, and uses it", () => {
    const installed = new Set<string>();
    const ran: string[][] = [];
    const logged: string[] = [];
    const path = ensureChromium({
      env,
      isExecutable: (p) => installed.has(p),
      isRoot: true,
      hasApt: true,
      run: (command) => {
        ran.push(command);
        installed.add(DEBIAN_CHROMIUM);
      },
      log: (line) => logged.push(line),
    });
    expect(path).toBe(DEBIAN_CHROMIUM);
    expect(ran).toEqual([["sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"]]);
    expect(APT_INSTALL).toEqual(ran[0]);
    expect(logged).toEqual([expect.stringMatching(/^Chromium is not installed .*installing Debian's chromium: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium$/)]);
  });

  it("missing, and it cannot be installed here: stops at once with the exact command, running nothing", () => {
    const ran: string[][] = [];
    const attempt = (o: { isRoot: boolean; hasApt: boolean; install?: boolean }) => () => ensureChromium({ env, isExecutable: machine(), run: (c) => ran.push(c), log: () => {}, ...o });
    expect(attempt({ isRoot: false, hasApt: true })).toThrow(/is not installed \(looked for PRESIDIUM_CHROMIUM, \/usr\/bin\/chromium, and chromium-browser or chromium on PATH\): run {2}sudo apt-get update && sudo apt-get install -y chromium {2}/);
    expect(attempt({ isRoot: true, hasApt: true, install: false })).toThrow(/: run {2}apt-get update && apt-get install -y chromium {2}\(npm test does it when run as root\)$/);
    expect(attempt({ isRoot: true, hasApt: false })).toThrow(/install it with your system's package manager and set PRESIDIUM_CHROMIUM to its executable$/);
    expect(attempt({ isRoot: false, hasApt: false })).toThrow(/install it with your system's package manager/);
    expect(ran).toEqual([]);
  });

  it("an install that fails, or leaves no Chromium behind, says what to run", () => {
    const failing = () => ensureChromium({ env, isExecutable: machine(), isRoot: true, hasApt: true, log: () => {}, run: () => { throw new Error("E: Unable to locate package chromium\nmore"); } });
    expect(failing).toThrow("installing Chromium failed (E: Unable to locate package chromium): run  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium  yourself, then npm test again");
    const empty = () => ensureChromium({ env, isExecutable: machine(), isRoot: true, hasApt: true, log: () => {}, run: () => {} });
    expect(empty).toThrow(/apt-get installed chromium but \/usr\/bin\/chromium is still missing/);
  });

  it("`node scripts/chromium.mjs` (npm test's first step) stops with one line and exit 1 on a wrong PRESIDIUM_CHROMIUM", async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(repo, "scripts", "chromium.mjs")], { env: { ...process.env, PRESIDIUM_CHROMIUM: "/nonexistent/chrome" } }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("npm test: PRESIDIUM_CHROMIUM is /nonexistent/chrome, which is not an executable file: point it at a Chromium executable, or unset it to use /usr/bin/chromium\n");
  });
});
