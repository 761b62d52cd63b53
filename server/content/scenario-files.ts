/**
 * Reads scenario files from folders: the six bundled ones in shared/scenarios/data, and any a teacher
 * drops in an extra folder (SCENARIO_DIR, default data/scenarios). A bad file is refused with its
 * name, the path inside it and what is wrong; the good ones still load.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario } from "../../shared/scenarios/parse.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";

export const BUNDLED_SCENARIO_DIR = fileURLToPath(new URL("../../shared/scenarios/data/", import.meta.url));

export interface ScenarioLibrary {
  scenarios: Map<string, Scenario>;
  errors: string[];
}

export function loadScenarioDirs(dirs: readonly string[]): ScenarioLibrary {
  const scenarios = new Map<string, Scenario>();
  const errors: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      const file = join(dir, name);
      const result = parseScenario(file, readFileSync(file, "utf8"));
      if (!result.ok) errors.push(...result.errors);
      else if (scenarios.has(result.scenario.id))
        errors.push(`${file}: id: "${result.scenario.id}" is already loaded`);
      else scenarios.set(result.scenario.id, result.scenario);
    }
  }
  return { scenarios, errors };
}

/** The bundled scenarios plus the extra folder named by SCENARIO_DIR (default data/scenarios). */
export function loadAllScenarios(extraDir = process.env.SCENARIO_DIR ?? "data/scenarios"): ScenarioLibrary {
  return loadScenarioDirs([BUNDLED_SCENARIO_DIR, resolve(extraDir)]);
}

let bundled: Map<string, Scenario> | undefined;

/** The bundled scenarios; throws if one of them is broken (that is a bug in the repo, not user input). */
export function bundledScenarios(): Map<string, Scenario> {
  if (!bundled) {
    const lib = loadScenarioDirs([BUNDLED_SCENARIO_DIR]);
    if (lib.errors.length) throw new Error(`bundled scenarios are invalid:\n${lib.errors.join("\n")}`);
    bundled = lib.scenarios;
  }
  return bundled;
}
