// `npm start`: serves the browser game on localhost and prints the address.
//   --port N   (or PORT; default 3000; 0 picks a free port)
//   --host H   (or HOST; default 127.0.0.1: the game is for this machine only)
//   --saves F  (or PRESIDIUM_SAVES; default ./presidium-saves.sqlite)
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "./app.js";

const DEFAULT_PORT = 3000;

function fail(message: string): never {
  process.stderr.write(`presidium server: ${message}\n`);
  process.exit(2);
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
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    saves: resolve(values.saves ?? process.env.PRESIDIUM_SAVES ?? "presidium-saves.sqlite"),
  };
}

async function main(): Promise<void> {
  const o = options();
  let server;
  try {
    const loopback = ["127.0.0.1", "::1", "localhost"].includes(o.host);
    server = buildServer({ savesPath: o.saves, ...(loopback ? { allowedHostnames: ["localhost", "127.0.0.1", "::1"] } : {}) });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
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
  const shown = o.host === "127.0.0.1" || o.host === "::1" || o.host === "localhost" ? "localhost" : o.host;
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
