// The HTTP server: a JSON API over the engine (which runs here, never in the browser) and the
// browser game's files. Every game request names the game and carries a seat token; every answer
// to a seat holds only that seat's view. Bad requests are refused with a 4xx and a message a player
// can act on, and leave the game as it was.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { z } from "zod";
import { IllegalAction, optionId, type Awaiting } from "../engine/index.js";
import { MAX_SAVE_BYTES, readSaveFile, saveFileText, SaveError } from "../saves/save-file.js";
import { SaveStore, StaleGameError, type StoreFaults } from "../saves/store.js";
import type { ApiError, GameCreated, ParameterListing, SaveSummaryJson, SeatResponse } from "./api-types.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { actionBody, describeZodError, gameParams, knownActionKinds, newGameBody, saveBody, saveParams, sinceQuery } from "./api-schemas.js";
import { GameService, type LiveGame } from "./games.js";
import { badRequest, conflict, HttpError, notFound, unprocessable } from "./http-errors.js";
import { ScenarioCatalog, UnknownScenarioInput } from "./scenario-catalog.js";
import { seatResponseJson } from "./seat-response.js";
import { contentSecurityPolicy, loadWebFiles } from "./static-files.js";

export interface AppOptions {
  /** The SQLite file holding saves and live games. */
  savesPath: string;
  scenariosDir?: string;
  /** Directory of the built browser game (dist/web by default). */
  webDir?: string;
  /** Largest request body accepted, except save imports (which may be up to MAX_SAVE_BYTES). */
  bodyLimit?: number;
  logger?: boolean;
  storeFaults?: StoreFaults;
  /** Hold the saves file for this server alone (`npm start` does): a second server on it fails to start. */
  exclusive?: boolean;
  /**
   * Host names the server answers to (any port); others get 403. Set when it listens on this machine
   * only, so that a web page elsewhere cannot reach it through a DNS name pointed at 127.0.0.1.
   */
  allowedHostnames?: readonly string[];
}

export interface PresidiumServer {
  app: FastifyInstance;
  games: GameService;
  store: SaveStore;
}

export const SEAT_TOKEN_HEADER = "x-seat-token";
const DEFAULT_BODY_LIMIT = 16 * 1024;
const NOT_YOUR_TURN = "it is not your turn to decide: reload to see where the game stands";
/** A save asked for by an id that no save has (now): players see saves by name, never by number. */
const SAVE_GONE = "this save no longer exists: it was deleted, perhaps in another tab or window";

export function buildServer(options: AppOptions): PresidiumServer {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: true,
    // Errors Fastify and Node's HTTP parser answer before any route runs get the API's shape too.
    frameworkErrors: (error, _request, reply) => sendError(reply, frameworkError(error)),
    clientErrorHandler: writeClientError,
  });
  const store = new SaveStore(options.savesPath, { faults: options.storeFaults, exclusive: options.exclusive });
  const catalog = new ScenarioCatalog(options.scenariosDir);
  const games = new GameService(catalog, store);
  app.addHook("onClose", async () => store.close());

  if (options.allowedHostnames) {
    const allowed = new Set(options.allowedHostnames);
    app.addHook("onRequest", async (request) => {
      const host = (request.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
      if (!allowed.has(host)) throw new HttpError(403, "wrong-host", `this server answers only as ${[...allowed].join(", ")}, not "${host}"`);
    });
  }

  // A web page elsewhere can make the browser send a "simple" request (a form post, text/plain)
  // without asking first: those requests carry a foreign Origin, or no JSON content type.
  app.addHook("onRequest", async (request) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request)) {
      throw new HttpError(403, "cross-origin", `requests from another site are refused: this server answers only its own pages (Origin ${JSON.stringify(origin)} is not ${request.protocol}://${request.headers.host ?? "this server"})`);
    }
  });
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => STATE_CHANGING.has(m))) return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...own, requireJsonContentType];
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    else reply.header("content-security-policy", contentSecurityPolicy);
  });

  app.setErrorHandler((error: unknown, _request, reply) => sendError(reply, toHttpError(error, bodyLimit)));
  app.setNotFoundHandler((request, reply) => sendError(reply, notFound(`no such ${request.url.startsWith("/api/") ? "API endpoint" : "page"}: ${request.method} ${request.url.split("?")[0]}`)));

  registerApi(app, games, catalog, store);
  registerWebFiles(app, options.webDir);
  return { app, games, store };
}

function registerApi(app: FastifyInstance, games: GameService, catalog: ScenarioCatalog, store: SaveStore): void {
  app.get("/api/scenarios", async () => catalog.list());

  // The model's parameters, for the new game's advanced options: each with its default, range and meaning.
  app.get("/api/parameters", async (): Promise<ParameterListing[]> =>
    [...loadModelFile().entries].map(([name, e]) => ({ path: `model.${name}`, value: e.value, range: e.range, integer: e.integer ?? false, meaning: e.meaning })),
  );

  app.get("/api/scenarios/:scenarioId", async (request) => {
    const { scenarioId } = parse(z.strictObject({ scenarioId: z.string().max(64) }), request.params);
    if (!catalog.ids().includes(scenarioId)) throw notFound(`no scenario "${scenarioId}" (this server has: ${catalog.ids().join(", ")})`);
    return catalog.info(scenarioId);
  });

  app.post("/api/games", async (request, reply) => {
    const body = parse(newGameBody, request.body);
    const { game, tokens } = games.create(body.scenario, body.character, body.seed, body.whatIfs, body.settings);
    reply.code(201);
    return created(games, game, body.character, tokens);
  });

  app.get("/api/games/:gameId", async (request, reply) => {
    const { gameId } = parse(gameParams, request.params);
    const { since } = parse(sinceQuery, request.query);
    const { game, seat } = games.access(gameId, seatToken(request));
    return sendJsonText(reply, seatResponseJson(games, game, seat, since));
  });

  app.post("/api/games/:gameId/actions", async (request, reply) => {
    const { gameId } = parse(gameParams, request.params);
    const { since } = parse(sinceQuery, request.query);
    const token = seatToken(request);
    const body = parse(actionBody, request.body);
    const { game, seat } = games.access(gameId, token, body.seat);
    const awaiting = game.world.awaiting.find((a) => a.seat === seat) ?? null;
    if (game.world.done) throw conflict("the game is over: no more decisions can be made", "game-over");
    // Checked and applied with no await in between, so of several copies of one request only the first applies.
    if (body.turn < game.decisions.length) {
      throw conflict(`this decision answers an earlier question (turn ${body.turn}; the game is at turn ${game.decisions.length}): it was already made or overtaken; reload to see where the game stands`, "stale-turn");
    }
    if (body.turn > game.decisions.length) {
      throw conflict(`this decision is for a turn the game has not reached (turn ${body.turn}; the game is at turn ${game.decisions.length}): reload to see where the game stands`, "future-turn");
    }
    if (!awaiting && game.world.awaiting.length > 0) throw conflict(NOT_YOUR_TURN, "not-your-turn");
    if (awaiting?.kind !== body.kind && !(knownActionKinds as readonly string[]).includes(body.kind)) {
      throw badRequest(`unknown action "${body.kind}" (actions are: ${knownActionKinds.join(", ")})`, "unknown-action");
    }
    // The seat answers with the aliases it was given (move-aliases.ts); the engine knows its own ids.
    // Moves started this week before the question exist only in the world at the question (present).
    const moves = [...new Set([...game.world.moves, ...games.present(game).moves].map((m) => m.id))];
    const engineId = (text: string) => game.aliases.resolve(text, moves);
    const decision = { seat, kind: body.kind, key: engineId(body.key), ...optionParts(body, awaiting, engineId) };
    try {
      games.act(game, decision);
    } catch (error) {
      // The engine's message quotes the decision and the options with its own ids.
      if (error instanceof IllegalAction) throw new IllegalAction(game.aliases.text(error.message) + (/not one of: /.test(error.message) ? ` (${OPTION_FIELDS})` : ""));
      throw error;
    }
    return sendJsonText(reply, seatResponseJson(games, game, seat, since));
  });

  app.post("/api/games/:gameId/saves", async (request, reply) => {
    const { gameId } = parse(gameParams, request.params);
    const { game } = games.access(gameId, seatToken(request));
    const { name } = parse(saveBody, request.body);
    const id = store.addSave("named", games.saveFileOf(game, name), games.checkpointOf(game));
    reply.code(201);
    return summaryOf(store, id);
  });

  app.get("/api/games/:gameId/save-file", async (request, reply) => {
    const { gameId } = parse(gameParams, request.params);
    const { game } = games.access(gameId, seatToken(request));
    checkExportable(game.humanSeats.length, game.world.done);
    return sendSaveFile(reply, saveFileText(games.saveFileOf(game, game.name)), `presidium-${game.scenarioId}-week-${game.world.week}.json`);
  });

  app.get("/api/saves", async (): Promise<SaveSummaryJson[]> => store.listSaves());

  app.get("/api/saves/:saveId/file", async (request, reply) => {
    const { saveId } = parse(saveParams, request.params);
    const text = store.getSaveText(saveId);
    if (text === null) throw notFound(SAVE_GONE, "save-gone");
    const summary = store.getSaveSummary(saveId)!;
    checkExportable(humanSeatCount(text), summary.done);
    return sendSaveFile(reply, text, `presidium-${summary.scenario}-week-${summary.week}.json`);
  });

  app.post("/api/saves/:saveId/load", async (request, reply) => {
    const { saveId } = parse(saveParams, request.params);
    const save = store.getSave(saveId);
    if (!save) throw notFound(SAVE_GONE, "save-gone");
    const { game, tokens } = games.load(save, { checkpoint: store.getCheckpoint(saveId) });
    reply.code(201);
    return created(games, game, game.humanSeats[0], tokens);
  });

  app.delete("/api/saves/:saveId", async (request, reply) => {
    const { saveId } = parse(saveParams, request.params);
    if (!store.deleteSave(saveId)) throw notFound(SAVE_GONE, "save-gone");
    reply.code(204);
    return null;
  });

  // The file's text is kept as it came (this route's JSON is not parsed by the server's parser), so a
  // damaged file gets the save's own diagnosis (truncated, altered...) rather than a generic JSON error.
  app.register(async (scope) => {
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: MAX_SAVE_BYTES }, (_request, body, done) => done(null, body));
    scope.post("/api/saves/import", { bodyLimit: MAX_SAVE_BYTES }, async (request, reply) => {
      const save = readSaveFile(typeof request.body === "string" ? request.body : "");
      const { game, tokens, importedSaveId } = games.load(save, { keepAsImported: true });
      reply.code(201);
      return { ...created(games, game, game.humanSeats[0], tokens), save: summaryOf(store, importedSaveId!) };
    });
  });
}

function registerWebFiles(app: FastifyInstance, dir: string | undefined): void {
  const files = loadWebFiles(dir);
  app.get("/", async (_request, reply) => {
    const index = files?.get("/index.html");
    if (!index) {
      reply.code(503).type("text/plain; charset=utf-8");
      return "The browser game has not been built: run `npm run build` (npm start does it for you).\n";
    }
    reply.type(index.type);
    return index.body;
  });
  for (const [path, file] of files ?? []) {
    if (path === "/index.html") continue;
    app.get(path, async (_request, reply) => {
      reply.type(file.type).header("cache-control", "no-cache");
      return file.body;
    });
  }
}

/** How an option's id, as the refusal of an illegal action lists it, is sent. */
const OPTION_FIELDS = 'an option listed as choice:target or choice:target:detail is sent whole as "choice", or in parts as "choice", "target" and "detail"';

/**
 * The option a decision names, in the engine's ids (`engineId` turns the seat's aliases into them):
 * its choice, target and detail as sent; or, when only "choice" is given and it is a whole id as the
 * refusal lists them (choice, then :target if the option has one, then :detail if it has one), the
 * question's option with that id. The id cannot be split on its own: an option may have a detail and
 * no target (a concession names the posts kept). An id that matches no option is left whole, to be
 * refused with the list of options.
 */
export function optionParts(body: { choice: string; target?: string; detail?: string }, asked: Awaiting | null, engineId: (text: string) => string): { choice: string; target?: string; detail?: string } {
  const whole = body.target === undefined && body.detail === undefined && body.choice.includes(":");
  const match = whole && asked ? asked.options.find((o) => optionId(o) === body.choice.split(":").map(engineId).join(":")) : undefined;
  const parts = match ?? { choice: engineId(body.choice), target: body.target === undefined ? undefined : engineId(body.target), detail: body.detail === undefined ? undefined : engineId(body.detail) };
  return { choice: parts.choice, ...(parts.target !== undefined ? { target: parts.target } : {}), ...(parts.detail !== undefined ? { detail: parts.detail } : {}) };
}

function created(games: GameService, game: LiveGame, seat: string, tokens: Record<string, string>): GameCreated {
  return { gameId: game.id, seat, tokens, state: JSON.parse(seatResponseJson(games, game, seat, 0)) as SeatResponse };
}

/** A response already made as JSON text (a turn's, the largest the server sends), sent as it is rather than parsed and serialized again. */
function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(text);
}

function summaryOf(store: SaveStore, id: number): SaveSummaryJson {
  const summary = store.getSaveSummary(id);
  if (!summary) throw new Error(`save #${id} vanished after writing`);
  return summary;
}

function sendSaveFile(reply: FastifyReply, text: string, filename: string): string {
  reply.type("application/json; charset=utf-8").header("content-disposition", `attachment; filename="${filename}"`);
  return text;
}

/**
 * A save file holds the seed, and with the seed, the scenario and the decisions the whole game can be
 * re-run offline. With one human seat that is the player's own replay; with several, one player could
 * see what the others hide, so the file leaves the server only once the game is over.
 */
function checkExportable(humanSeats: number, done: boolean): void {
  if (humanSeats > 1 && !done) {
    throw conflict(`this game has ${humanSeats} human seats and is not over: its save file holds the seed, which would reveal what the other seats hide, so it can be exported only once the game has ended`, "export-before-end");
  }
}

/** The seat count of a stored save's text; a file that is not readable JSON counts as one seat (it cannot be replayed anyway). */
function humanSeatCount(text: string): number {
  try {
    const seats = (JSON.parse(text) as { humanSeats?: unknown }).humanSeats;
    return Array.isArray(seats) ? seats.length : 1;
  } catch {
    return 1;
  }
}

function seatToken(request: FastifyRequest): string | undefined {
  const value = request.headers[SEAT_TOKEN_HEADER];
  return typeof value === "string" && value !== "" ? value : undefined;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every request that changes something must say it is JSON, even one without a body: a browser sends
 * a cross-site request with that content type only after asking the server, which does not agree.
 */
async function requireJsonContentType(request: FastifyRequest): Promise<void> {
  const type = request.headers["content-type"] ?? "";
  const [mediaType, ...parameters] = type.split(";").map((p) => p.trim().toLowerCase());
  if (mediaType !== "application/json") {
    throw new HttpError(415, "unsupported-media-type", `send the request as JSON (Content-Type: application/json), not ${type ? JSON.stringify(type) : "without a content type"}; a request with nothing to send carries the body {}`);
  }
  // The body is always read as UTF-8: text in another encoding would be silently misread.
  const charset = parameters.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"(.*)"$/, "$1");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new HttpError(415, "unsupported-charset", `the body must be UTF-8 (Content-Type: application/json; charset=utf-8), not charset=${charset}`);
  }
}

/** The page's origin is this server's own: the scheme and the Host the request was sent to. */
function sameOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    const from = new URL(origin);
    const own = new URL(`${request.protocol}://${request.headers.host ?? ""}`);
    return origin === from.origin && from.origin === own.origin;
  } catch {
    return false;
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`invalid request: ${describeZodError(result.error)}`, "invalid-request");
  return result.data;
}

function toHttpError(error: unknown, bodyLimit: number): HttpError {
  if (error instanceof HttpError) return error;
  // The engine's message may name the seat it is waiting for: another player's seat is not told.
  // An option that is not among the question's is bad input (422); a turn that has passed or is not his is a conflict (409, checked before).
  if (error instanceof IllegalAction) return unprocessable(error.message, "illegal-action");
  if (error instanceof SaveError) return unprocessable(`the save was refused: ${error.message}`);
  if (error instanceof StaleGameError) {
    return conflict("this game was moved on by another server using the same saves file, so this decision was not recorded: reload to see where the game stands (run one server per saves file)", "stale-game");
  }
  if (error instanceof UnknownScenarioInput) return badRequest(error.message, "unknown-scenario-input");
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HttpError(413, "body-too-large", `the request body is too large (this request accepts at most ${Math.round(bodyLimit / 1024)} KB; a save file at most ${MAX_SAVE_BYTES / 1024} KB)`);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HttpError(415, "unsupported-media-type", "send the request body as JSON (Content-Type: application/json)");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return badRequest("the request body is empty; send a JSON object", "malformed-json");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return badRequest(`the request body is not valid JSON (${fastifyError.message ?? "parse error"})`, "malformed-json");
  }
  if (error instanceof SyntaxError || (fastifyError.statusCode === 400 && /JSON/i.test(fastifyError.message ?? ""))) {
    return badRequest(`the request body is not valid JSON (${fastifyError.message ?? "parse error"})`, "malformed-json");
  }
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new HttpError(fastifyError.statusCode, fastifyError.code ?? "bad-request", fastifyError.message ?? "bad request");
  }
  // The details stay on the server's console: an internal message could describe the hidden world.
  console.error(error);
  return new HttpError(500, "internal", "the server failed to handle this request (the details are in the server's console); the game is as it was");
}

/** Errors Fastify raises on a request's address, before routing. */
function frameworkError(error: unknown): HttpError {
  switch ((error as { code?: string }).code) {
    case "FST_ERR_BAD_URL":
      return badRequest("the address is not valid: it holds a malformed percent-encoding (% must be followed by two hexadecimal digits of UTF-8); check the link", "bad-url");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new HttpError(414, "uri-too-long", "a part of the address is too long (at most 100 characters between slashes); check the link");
  }
  return toHttpError(error, DEFAULT_BODY_LIMIT);
}

/** Node's limit on a request's first line and headers together (--max-http-header-size). */
const HEADER_LIMIT = 16 * 1024;

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or an address too large,
 * not HTTP at all): the answer is written to the socket by hand, in the API's shape.
 */
function writeClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  let failure: HttpError;
  if (error.code === "HPE_HEADER_OVERFLOW") {
    // The limit counts the request line too: if it holds no line break, the address is what overflowed.
    const firstBreak = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.indexOf("\n") : -1;
    failure =
      firstBreak < 0 || firstBreak >= HEADER_LIMIT / 2
        ? new HttpError(414, "uri-too-long", `the address is too long (the address and headers together may be at most ${HEADER_LIMIT / 1024} KB); check the link`)
        : new HttpError(431, "headers-too-large", `the request's headers are too large (the address and headers together may be at most ${HEADER_LIMIT / 1024} KB); clear this site's cookies or remove large headers`);
  } else if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    failure = new HttpError(408, "request-timeout", "the request took too long to arrive; send it again");
  } else {
    failure = badRequest(`the request is not valid HTTP (${error.code ?? error.message}); send it with a web browser or an HTTP client`, "bad-http");
  }
  const body = JSON.stringify({ error: { status: failure.status, code: failure.code, message: failure.message } } satisfies ApiError);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ApiError = { error: { status: error.status, code: error.code, message: error.message } };
  return reply.code(error.status).type("application/json; charset=utf-8").send(body);
}
