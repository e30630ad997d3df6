// The built server (dist/server/main.js) started in a child process on a free port, for the
// measuring scripts (measure-web.mjs, measure-saves.mjs): resolves with the child and its address
// once it says where it listens, or rejects if it exits first.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** @param {string} saves the saves file the server is to use */
export function startBuiltServer(saves) {
  const child = spawn(process.execPath, [join(root, "dist/server/main.js"), "--port", "0", "--saves", saves], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /localhost:(\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}
