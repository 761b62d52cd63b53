import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The test runs under the project's Node 24, so process.execPath runs the .ts scripts directly.
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    cwd: new URL("../../", import.meta.url).pathname,
  });

/** The parts of `simulate --json` the tests read; the rest is checked by key. */
interface SimulateJson {
  outcomes: Record<string, { firstFailedApproval?: Record<string, number> }>;
}

describe("npm run simulate", () => {
  it("--json prints exactly one JSON object with the agreed keys", () => {
    const out = run("server/cli/simulate.ts", [
      "--scenario",
      "kazakhstan-2022-01",
      "--games",
      "50",
      "--bots",
      "historical",
      "--seed",
      "7",
      "--json",
    ]);
    expect(out.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(out) as SimulateJson;
    for (const key of [
      "scenario",
      "games",
      "seed",
      "bots",
      "gamesPerSecond",
      "historicalMatchRate",
      "outcomes",
    ])
      expect(json).toHaveProperty(key);
    expect(json).toMatchObject({
      scenario: "kazakhstan-2022-01",
      games: 50,
      seed: "7",
      bots: "historical",
      historicalMatchRate: 1,
    });
    expect(json.outcomes["kazakhstan-2022-01"]?.firstFailedApproval).toEqual({ KG: 50 });
  });

  it("a campaign plays the scenarios in date order", () => {
    const json = JSON.parse(
      run("server/cli/simulate.ts", [
        "--scenario",
        "campaign",
        "--games",
        "5",
        "--bots",
        "mixed",
        "--seed",
        "1",
        "--json",
      ]),
    ) as SimulateJson;
    expect(Object.keys(json.outcomes)).toEqual([
      "campaign/kyrgyzstan-2010-04",
      "campaign/kyrgyzstan-2010-06",
      "campaign/armenia-2020-karabakh",
      "campaign/armenia-2021-05",
      "campaign/kazakhstan-2022-01",
      "campaign/armenia-2022-09",
    ]);
  });

  it("the text report names the match rate and the speed", () => {
    const out = run("server/cli/simulate.ts", [
      "--scenario",
      "all",
      "--games",
      "20",
      "--bots",
      "pragmatic",
      "--seed",
      "2",
    ]);
    expect(out).toMatch(/historical match: \d+\.\d%/);
    expect(out).toMatch(/\d+ games\/s/);
  });

  it("bad arguments are refused with a clear message", () => {
    const r = spawnSync(process.execPath, ["server/cli/simulate.ts", "--scenario", "atlantis"], {
      encoding: "utf8",
      cwd: new URL("../../", import.meta.url).pathname,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown scenario "atlantis"/);
  });
});

describe("npm run bench", () => {
  it("--json prints games and actions per second", () => {
    const json = JSON.parse(run("tests/bench/rules-bench.ts", ["--json", "--games", "200"])) as {
      gamesPerSecond: number;
      actionsPerSecond: number;
    };
    expect(json.gamesPerSecond).toBeGreaterThan(0);
    expect(json.actionsPerSecond).toBeGreaterThan(json.gamesPerSecond);
  });
});
