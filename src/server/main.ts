// `npm start`: serves the browser game on localhost and prints the address.
//   --port N   (or PORT; default 3000; 0 picks a free port)
//   --host H   (default 127.0.0.1: the game is for this machine only; any other address shares the
//              saves with everyone who can reach it, and a warning says so)
//   --saves F  (or PRESIDIUM_SAVES; default ./presidium-saves.sqlite)
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "./app.js";

const DEFAULT_PORT = 3000;
const LOOPBACK_HOSTS = ["127.0.0.1", "::1", "localhost"];

/** Exit code 2 for a wrong command line, 1 for a saves file that cannot be used (as the CLI does). */
function fail(message: string, code: 1 | 2 = 2): never {
  process.stderr.write(`presidium server: ${message}\n`);
  process.exit(code);
}

function options() {
  let values: { port?: string; host?: string; saves?: string };
  try {
    ({ values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" }, saves: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (options: --port N, --host H, --saves FILE)`);
  }
  const portText = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail(`--port: expected a port number from 0 to 65535, got "${portText}"`);
  return {
    port,
    host: values.host ?? "127.0.0.1",
    saves: resolve(values.saves ?? process.env.PRESIDIUM_SAVES ?? "presidium-saves.sqlite"),
  };
}

async function main(): Promise<void> {
  const o = options();
  const loopback = LOOPBACK_HOSTS.includes(o.host);
  if (!loopback) {
    process.stderr.write(
      `presidium server: warning: --host ${o.host} is not this machine's loopback address: anyone who can reach it can play, load, import and delete the saves in ${o.saves}\n`,
    );
  }
  let server;
  try {
    server = buildServer({ savesPath: o.saves, exclusive: true, ...(loopback ? { allowedHostnames: ["localhost", "127.0.0.1", "::1"] } : {}) });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  const { app } = server;
  try {
    await app.listen({ port: o.port, host: o.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    fail(code === "EADDRINUSE" ? `port ${o.port} is already in use: try --port ${o.port + 1} (or --port 0 for any free port)` : error instanceof Error ? error.message : String(error));
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  const shown = loopback ? "localhost" : o.host;
  process.stdout.write(`Presidium is running at http://${shown}:${port}/\nSaves: ${o.saves}\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
