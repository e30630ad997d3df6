#!/usr/bin/env node
// The `presidium` command: the compiled CLI lives in dist/ (built by `npm install` via `prepare`,
// or by `npm run build`), bundled into one file that loads faster than its modules
// (scripts/build-cli.mjs).
process.stdout.on("error", (error) => {
  // `presidium run ... | head`: the reader has gone; stop quietly.
  if (error && error.code === "EPIPE") process.exit(0);
  throw error;
});

let cli;
try {
  cli = await import("../dist/bundle/main.js");
} catch (error) {
  const notBuilt = error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist");
  process.stderr.write(
    notBuilt
      ? "presidium: the command is not built yet; run `npm install` (or `npm run build`) in the repository first\n"
      : `presidium: cannot load the compiled command in dist/ (${String(error && error.message).split("\n")[0]}); try \`npm run build\`\n`,
  );
  if (process.env.PRESIDIUM_DEBUG && error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
