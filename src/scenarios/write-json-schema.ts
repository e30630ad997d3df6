// `npm run schema`: regenerates scenarios/scenario.schema.json from the zod schema.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { scenarioJsonSchemaText } from "./json-schema.js";
import { jsonSchemaFile } from "./repo-paths.js";

const file = jsonSchemaFile();
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, scenarioJsonSchemaText());
console.log(`wrote ${relative(process.cwd(), file) || file}`);
