/**
 * npm run codebook: rewrites shared/protocol/timeline-keys.ts from the English strings (their `log.`
 * and `reason.` keys, sorted), after a change adds or removes such a key. tests/i18n checks the two agree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DICTIONARIES } from "../../shared/i18n/index.ts";

const file = new URL("../../shared/protocol/timeline-keys.ts", import.meta.url);
const source = readFileSync(file, "utf8");
const start = source.indexOf("export const TIMELINE_KEYS");
const keys = Object.keys(DICTIONARIES.en)
  .filter((key) => key.startsWith("log.") || key.startsWith("reason."))
  .sort();
const list = keys.map((key) => `  ${JSON.stringify(key)},`).join("\n");
writeFileSync(
  file,
  `${source.slice(0, start)}export const TIMELINE_KEYS: readonly string[] = [\n${list}\n];\n`,
);
console.log(`${keys.length} timeline keys`);
