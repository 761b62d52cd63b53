/**
 * npm run bench [-- --json] [-- --games N]: full games per second and actions per second on one
 * core, pragmatic bots in every seat, every bundled scenario in turn. Prints numbers; asserts nothing.
 */
import { parseArgs } from "node:util";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { simulateGame } from "../../shared/sim/simulate.ts";

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, games: { type: "string", default: "6000" } },
});
const games = Number(values.games);
const scenarios = [...bundledScenarios().values()];
const pick = (i: number) => scenarios[i % scenarios.length] as (typeof scenarios)[number];

// Warm up the JIT so the measurement is of steady-state play.
for (let i = 0; i < 300; i++) simulateGame(pick(i), "pragmatic", `warm${i}`);

let actions = 0;
const started = performance.now();
for (let i = 0; i < games; i++) actions += simulateGame(pick(i), "pragmatic", `bench${i}`).actions;
const seconds = (performance.now() - started) / 1000;

const result = {
  games,
  bots: "pragmatic",
  scenarios: scenarios.length,
  seconds: Math.round(seconds * 1000) / 1000,
  gamesPerSecond: Math.round(games / seconds),
  actionsPerSecond: Math.round(actions / seconds),
  actionsPerGame: Math.round((actions / games) * 10) / 10,
  node: process.version,
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(
    `${games} full games (pragmatic bots, ${scenarios.length} scenarios) in ${result.seconds} s on one core (${process.version})`,
  );
  console.log(`  ${result.gamesPerSecond} games/s`);
  console.log(`  ${result.actionsPerSecond} actions/s (${result.actionsPerGame} actions per game)`);
}
