/**
 * npm run agency -- [--scenario <id|all>] [--games <n>] [--mixed-games <n>] [--seed <s>] [--threshold <0..1>] [--json] [--check]
 * For each scenario: which seats can change the outcome against historical bots, and which outcome
 * classes mixed bots reach beside those the rules allow. --check exits 1 when a goal is not met.
 */
import { parseArgs } from "node:util";
import { loadAllScenarios } from "../content/scenario-files.ts";
import { AGENCY_DEFAULTS, agencyOf, SEATS_NEEDED, type ScenarioAgency } from "../../shared/sim/agency.ts";
import { OUTCOME_CLASSES } from "../../shared/sim/agency-classes.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "all" },
    games: { type: "string", default: String(AGENCY_DEFAULTS.games) },
    "mixed-games": { type: "string", default: String(AGENCY_DEFAULTS.mixedGames) },
    seed: { type: "string", default: AGENCY_DEFAULTS.seed },
    threshold: { type: "string", default: String(AGENCY_DEFAULTS.threshold) },
    json: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`agency: ${message}`);
  process.exit(2);
}

function whole(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number of at least 1, not "${text}"`);
  return n;
}

const games = whole("games", values.games);
const mixedGames = whole("mixed-games", values["mixed-games"]);
const threshold = Number(values.threshold);
if (!(threshold > 0 && threshold <= 1))
  fail(`--threshold must be above 0 and at most 1, not "${values.threshold}"`);
const lib = loadAllScenarios();
for (const e of lib.errors) console.error(`skipped: ${e}`);
const wanted = values.scenario;
if (wanted !== "all" && !lib.scenarios.has(wanted))
  fail(`unknown scenario "${wanted}"; known: ${[...lib.scenarios.keys()].join(", ")}, all`);
const list =
  wanted === "all" ? [...lib.scenarios.values()] : [lib.scenarios.get(wanted)].filter((s) => s !== undefined);

const options = { games, mixedGames, seed: values.seed, threshold };
const started = performance.now();
const results: ScenarioAgency[] = list.map((scenario) => agencyOf(scenario, options));
const seconds = Math.round((performance.now() - started) / 10) / 100;
const goalsMet = results.every((r) => r.goals.seats.met && r.goals.classes.met);

if (values.json) {
  console.log(
    JSON.stringify({
      ...options,
      seatsNeeded: SEATS_NEEDED,
      seconds,
      goalsMet,
      scenarios: Object.fromEntries(results.map((r) => [r.scenario, r])),
    }),
  );
} else {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  console.log(
    `A seat changes the outcome when one of its strategies changes it on at least ${pct(threshold)} of ${games} seeds, against historical bots elsewhere; mixed bots: ${mixedGames} games.`,
  );
  for (const r of results) {
    console.log(`\n${r.scenario} (host ${r.host}, chair ${r.chair})`);
    console.log(
      `  history: ${Object.entries(r.baseline)
        .map(([k, v]) => `${k} ×${v}`)
        .join("; ")}`,
    );
    for (const [id, seat] of Object.entries(r.seats)) {
      // The strongest strategy of each kind (object, propose, pledge, appeal…), strongest kinds first.
      const kinds = new Set<string>();
      const best = seat.strategies
        .filter((s) => {
          const kind = s.strategy.split(":")[0] ?? s.strategy;
          return !kinds.has(kind) && kinds.add(kind);
        })
        .slice(0, 4)
        .map((s) => `${s.strategy} ${pct(s.changed)}`);
      const role = seat.roles.length ? ` (${seat.roles.join(", ")})` : "";
      console.log(
        `  ${seat.changesOutcome ? "✓" : "·"} ${id}${role}: ${best.length ? best.join(", ") : "nothing changes it"}`,
      );
    }
    const mixed = OUTCOME_CLASSES.map((name) => {
      const allowed = r.allowedClasses[name].allowed ? "" : " (not allowed)";
      return `${name} ${r.mixed.classes[name] ?? 0}${allowed}`;
    });
    console.log(`  mixed bots: ${mixed.join(", ")}`);
    console.log(
      `  goal, ${SEATS_NEEDED}+ seats besides the host: ${r.goals.seats.met ? "met" : "NOT met"} (${r.seatsThatChangeOutcome.join(", ") || "none"})`,
    );
    console.log(
      `  goal, every allowed class in mixed play: ${r.goals.classes.met ? "met" : `NOT met (missing ${r.goals.classes.missing.join(", ")})`}`,
    );
    for (const name of r.goals.classes.missing)
      console.log(`    ${name} is allowed: ${r.allowedClasses[name].why}`);
    if (r.refusedBotActions) console.log(`  bot actions refused by the rules: ${r.refusedBotActions}`);
  }
  console.log(`\n${results.length} scenarios in ${seconds} s; every goal ${goalsMet ? "met" : "NOT met"}`);
}
if (values.check && !goalsMet) process.exit(1);
