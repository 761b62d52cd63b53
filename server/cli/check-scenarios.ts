/** `npm run check:scenarios [-- DIR…]`: validates scenario files and prints every problem. */
import { BUNDLED_SCENARIO_DIR, loadScenarioDirs } from "../content/scenario-files.ts";

const dirs = process.argv.slice(2);
const lib = loadScenarioDirs(dirs.length ? dirs : [BUNDLED_SCENARIO_DIR]);
for (const id of lib.scenarios.keys()) console.log(`ok  ${id}`);
for (const e of lib.errors) console.log(`ERR ${e}`);
process.exitCode = lib.errors.length ? 1 : 0;
