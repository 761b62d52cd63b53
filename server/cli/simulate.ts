/**
 * npm run simulate -- --scenario <id|all|campaign> --games <n> --bots <historical|pragmatic|hardline|mixed> --seed <s> [--json]
 * Prints each scenario's outcome distribution, its historical-match rate and games per second.
 */
import { parseArgs } from "node:util";
import { loadAllScenarios } from "../content/scenario-files.ts";
import {
  BOT_MIXES,
  simulateCampaign,
  simulateScenario,
  type BotMix,
  type Distribution,
} from "../../shared/sim/simulate.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "all" },
    games: { type: "string", default: "1000" },
    bots: { type: "string", default: "historical" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

const games = Number(values.games);
if (!Number.isInteger(games) || games < 1)
  fail(`--games must be a whole number of at least 1, not "${values.games}"`);
if (!(BOT_MIXES as readonly string[]).includes(values.bots))
  fail(`--bots must be one of ${BOT_MIXES.join(", ")}`);
const bots = values.bots as BotMix;
const lib = loadAllScenarios();
for (const e of lib.errors) console.error(`skipped: ${e}`);
const wanted = values.scenario;
if (wanted !== "all" && wanted !== "campaign" && !lib.scenarios.has(wanted)) {
  fail(`unknown scenario "${wanted}"; known: ${[...lib.scenarios.keys()].join(", ")}, all, campaign`);
}

const started = performance.now();
let results: Distribution[];
if (wanted === "campaign") results = simulateCampaign(lib.scenarios.values(), games, bots, values.seed);
else {
  const list =
    wanted === "all"
      ? [...lib.scenarios.values()]
      : [lib.scenarios.get(wanted)].filter((s) => s !== undefined);
  results = list.map((sc) => simulateScenario(sc, games, bots, values.seed));
}
const seconds = (performance.now() - started) / 1000;
const totalGames = results.reduce((n, r) => n + r.games, 0);
const gamesPerSecond = Math.round(totalGames / seconds);
const historicalMatchRate =
  Math.round((results.reduce((n, r) => n + r.historicalMatchRate * r.games, 0) / totalGames) * 1000) / 1000;

if (values.json) {
  console.log(
    JSON.stringify({
      scenario: wanted,
      games,
      seed: values.seed,
      bots,
      gamesPerSecond,
      historicalMatchRate,
      outcomes: Object.fromEntries(results.map((r) => [r.scenario, r])),
    }),
  );
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const r of results) {
    console.log(`\n${r.scenario} — ${r.games} games, ${bots} bots, seed ${values.seed}`);
    console.log(
      `  historical match: ${pct(r.historicalMatchRate)}   deployed: ${pct(r.deployedRate)}   days to decision: ${r.meanDaysToDecision ?? "–"} (${r.meanHoursToDecision ?? "–"} h)`,
    );
    for (const [k, v] of Object.entries(r.outcomes).sort((a, b) => b[1] - a[1]))
      console.log(`  ${pct(v / r.games).padStart(6)}  ${k}`);
    const failed = Object.entries(r.failedApprovals).map(([k, v]) => `${k} ${pct(v / r.games)}`);
    console.log(`  approvals failed at least once: ${failed.length ? failed.join(", ") : "none"}`);
    console.log(
      `  first approval to fail: ${Object.entries(r.firstFailedApproval)
        .map(([k, v]) => `${k} ${pct(v / r.games)}`)
        .join(", ")}`,
    );
    console.log(
      `  final tracks (mean): ${Object.entries(r.meanTracks)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(
      `  mean score: ${Object.entries(r.meanScore)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    if (r.refusedBotActions) console.log(`  bot actions refused by the rules: ${r.refusedBotActions}`);
  }
  console.log(
    `\n${totalGames} games in ${seconds.toFixed(2)} s: ${gamesPerSecond} games/s; historical match overall ${pct(historicalMatchRate)}`,
  );
}
