/** npm run golden: plays one game per scenario and bot mix and stores it as a golden record. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { playGame } from "../../shared/bots/driver.ts";
import { createGame, RULES_VERSION } from "../../shared/rules/index.ts";
import { botsFor, type BotMix } from "../../shared/sim/simulate.ts";
import { expectedOf, GOLDEN_DIR, type Golden } from "./golden.ts";

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const scenario of bundledScenarios().values()) {
  for (const mix of ["historical", "mixed"] as BotMix[]) {
    const seed = `golden-${mix}`;
    const seats = { deputies: {} };
    const played = playGame(createGame({ scenario, seed, seats }), botsFor(scenario, mix, seed));
    const golden: Golden = {
      record: { rulesVersion: RULES_VERSION, scenarioId: scenario.id, seed, seats, log: played.log },
      expected: expectedOf(played.state),
    };
    const file = new URL(`${scenario.id}.${mix}.json`, GOLDEN_DIR);
    writeFileSync(file, `${JSON.stringify(golden, null, 1)}\n`);
    console.log(`${fileURLToPath(file)}: ${played.log.length} actions, ${golden.expected.endReason}`);
  }
}
