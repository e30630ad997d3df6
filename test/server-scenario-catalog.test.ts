// The scenarios as the server offers them, from a folder of its own: what is made from a file is not
// made again while the file is unchanged, and an edit is seen by the next request, whether it fixes
// the file or breaks it (then every request that needs it says where and what to fix).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, type PresidiumServer } from "../src/server/app.js";
import { ScenarioCatalog } from "../src/server/scenario-catalog.js";
import type { ApiError, GameCreated, ScenarioInfo, ScenarioListing } from "../src/server/api-types.js";

const shipped = fileURLToPath(new URL("../scenarios/", import.meta.url));
const original = readFileSync(join(shipped, "october-1964.yaml"), "utf8");
let dir: string;
let october: string;
let server: PresidiumServer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "presidium-catalog-"));
  const scenarios = join(dir, "scenarios");
  mkdirSync(scenarios);
  for (const f of readdirSync(shipped).filter((n) => n.endsWith(".yaml"))) copyFileSync(join(shipped, f), join(scenarios, f));
  october = join(scenarios, "october-1964.yaml");
  server = buildServer({ savesPath: join(dir, "saves.sqlite"), scenariosDir: scenarios });
});

afterAll(async () => {
  await server.app.close();
  rmSync(dir, { recursive: true, force: true });
});

const listing = async () => (await server.app.inject({ url: "/api/scenarios" })).json() as ScenarioListing[];
const titleOf = async (id: string) => (await listing()).find((s) => s.id === id)?.title;
const retitled = (title: string) => original.replace(/^title: .*$/m, `title: "${title}"`);

describe("the scenarios a server offers", () => {
  it("are made once while their files are unchanged, and again when a file changes", () => {
    const catalog = new ScenarioCatalog(join(dir, "scenarios"));
    const first = catalog.info("june-1957");
    expect(catalog.info("june-1957")).toBe(first);
    writeFileSync(october, retitled("October, as edited"));
    try {
      expect(catalog.info("june-1957")).toBe(first);
      expect(catalog.info("october-1964").title).toBe("October, as edited");
    } finally {
      writeFileSync(october, original);
    }
    expect(catalog.info("october-1964").title).toBe("1963-64: Khrushchev and his heirs");
  });

  it("are listed, described and played as their files stand at the request", async () => {
    expect(await titleOf("october-1964")).toBe("1963-64: Khrushchev and his heirs");
    const edited = retitled("The fall, retold");
    writeFileSync(october, edited);
    try {
      expect(await titleOf("october-1964")).toBe("The fall, retold");
      const info = (await server.app.inject({ url: "/api/scenarios/october-1964" })).json() as ScenarioInfo;
      expect(info.title).toBe("The fall, retold");
      const created = (await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 4 } })).json() as GameCreated;
      // A save records the hash of the scenario's text, so the game was made from the edited file.
      expect(server.games.peek(created.gameId)!.scenarioHash).toBe(createHash("sha256").update(edited).digest("hex"));
    } finally {
      writeFileSync(october, original);
    }
    expect(await titleOf("october-1964")).toBe("1963-64: Khrushchev and his heirs");
  });

  it("refuse a file broken after it was served, naming the file, the line and what to write, until it is mended", async () => {
    expect((await server.app.inject({ url: "/api/scenarios" })).statusCode).toBe(200);
    writeFileSync(october, original.replace(/^start: 1963-07-01$/m, "start: 1963-13-01"));
    try {
      const requests = [{ url: "/api/scenarios" }, { url: "/api/scenarios/october-1964" }, { method: "POST" as const, url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 4 } }];
      for (const request of requests) {
        const response = await server.app.inject(request);
        expect(response.statusCode, request.url).toBe(400);
        expect((response.json() as ApiError).error.message).toMatch(/october-1964\.yaml:17:8: start: expected a real calendar date \(YYYY-MM-DD\), got "1963-13-01"/);
      }
    } finally {
      writeFileSync(october, original);
    }
    expect((await server.app.inject({ url: "/api/scenarios/october-1964" })).statusCode).toBe(200);
  });
});
