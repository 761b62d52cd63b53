import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { OUTCOME_CLASSES } from "../../shared/sim/agency-classes.ts";
import { SCENARIO_IDS } from "../helpers.ts";

// The test runs under the project's Node 24, so process.execPath runs the .ts script directly.
const agency = (args: string[]) =>
  spawnSync(process.execPath, ["server/cli/agency.ts", ...args], {
    encoding: "utf8",
    cwd: new URL("../../", import.meta.url).pathname,
  });

interface AgencyJson {
  games: number;
  threshold: number;
  goalsMet: boolean;
  scenarios: Record<
    string,
    {
      host: string;
      seatsThatChangeOutcome: string[];
      outcomeClasses: string[];
      allowedClasses: Record<string, { allowed: boolean; why: string }>;
      goals: { seats: { met: boolean }; classes: { met: boolean; missing: string[] } };
    }
  >;
}

describe("npm run agency", () => {
  it("--json prints one JSON object with the seats and outcome classes of every scenario", () => {
    const r = agency(["--games", "2", "--mixed-games", "20", "--seed", "3", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(r.stdout) as AgencyJson;
    expect(json).toMatchObject({ games: 2, threshold: 0.25 });
    expect(Object.keys(json.scenarios).sort()).toEqual([...SCENARIO_IDS].sort());
    for (const [id, result] of Object.entries(json.scenarios)) {
      expect(Array.isArray(result.seatsThatChangeOutcome), id).toBe(true);
      expect(result.seatsThatChangeOutcome, id).not.toContain(result.host);
      expect(result.outcomeClasses.length, id).toBeGreaterThan(0);
      for (const name of result.outcomeClasses) expect(OUTCOME_CLASSES, id).toContain(name);
      expect(Object.keys(result.allowedClasses).sort(), id).toEqual([...OUTCOME_CLASSES].sort());
      expect(result.goals.seats.met, id).toBe(result.seatsThatChangeOutcome.length >= 3);
    }
  });

  it("the text report names the threshold and each goal; --check fails when a goal is not met", () => {
    const r = agency(["--scenario", "kyrgyzstan-2010-04", "--games", "1", "--mixed-games", "3", "--check"]);
    expect(r.stdout).toMatch(/at least 25% of 1 seeds/);
    expect(r.stdout).toMatch(/goal, 3\+ seats besides the host: met/);
    // Three mixed games cannot reach every class the rules allow.
    expect(r.stdout).toMatch(/goal, every allowed class in mixed play: NOT met/);
    expect(r.status).toBe(1);
  });

  it("bad arguments are refused with a clear message", () => {
    const r = agency(["--scenario", "atlantis"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown scenario "atlantis"/);
    expect(agency(["--threshold", "2"]).stderr).toMatch(/--threshold must be above 0 and at most 1/);
  });
});
