// `npm start`: builds if the sources are newer than the build (or there is none), then runs the
// server (dist/server/main.js) with the same arguments, e.g. `npm start -- --port 8080`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outputs = ["dist/server/main.js", "dist/web/app.js", "dist/web/index.html", "dist/web/styles.css"].map((f) => join(root, f));
const inputs = [join(root, "src"), join(root, "package.json"), join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), join(root, "scripts", "build-web.mjs")];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
if (built === 0 || inputs.some((i) => newest(i) > built)) {
  process.stdout.write("Building Presidium (npm run build)...\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write("The build failed; see the errors above.\n");
    process.exit(result.status ?? 1);
  }
}
await import(new URL("../dist/server/main.js", import.meta.url).href);
