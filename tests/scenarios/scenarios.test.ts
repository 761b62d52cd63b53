import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIO_DIR, loadScenarioDirs } from "../../server/content/scenario-files.ts";
import { parseScenario } from "../../shared/scenarios/parse.ts";
import { SCENARIO_IDS } from "../helpers.ts";

// Scenario JSON is edited freely here to make it wrong, so it is typed loosely on purpose: `any`,
// and the rules against using an `any` are off in this file, where every edit would trip them.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return */
type Json = Record<string, any>;

const text = (id: string) => readFileSync(join(BUNDLED_SCENARIO_DIR, `${id}.json`), "utf8");
const mutate = (id: string, change: (json: Json) => void): string => {
  const json = JSON.parse(text(id)) as Json;
  change(json);
  return JSON.stringify(json);
};

describe("the bundled scenarios", () => {
  it("all six parse", () => {
    const lib = loadScenarioDirs([BUNDLED_SCENARIO_DIR]);
    expect(lib.errors).toEqual([]);
    expect([...lib.scenarios.keys()].sort()).toEqual([...SCENARIO_IDS].sort());
  });

  it.each(SCENARIO_IDS)("%s is complete and bilingual", (id) => {
    const r = parseScenario(`${id}.json`, text(id));
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const s = r.scenario;
    expect(s.members).toContain(s.host);
    expect(s.members.length).toBe(s.date < "2012-12-19" ? 7 : 6);
    for (const m of s.members) {
      expect(s.leaders[m]?.name.ru).toBeTruthy();
      expect(s.briefs[m]?.objectives.length).toBeGreaterThan(0);
    }
    expect(s.sources.length).toBeGreaterThanOrEqual(3);
    expect(s.questions.length).toBeGreaterThan(0);
    expect(Object.isFrozen(s.briefs)).toBe(true);
  });
});

describe("a bad scenario file is refused with the file, the path in it and what is wrong", () => {
  const file = "kazakhstan-2022-01.json";
  it.each<[string, (j: Json) => void, RegExp]>([
    [
      "a wrong type",
      (j) => (j.escalationPerDay = "fast"),
      /kazakhstan-2022-01\.json: escalationPerDay: .*number/,
    ],
    ["an unknown state", (j) => (j.members = [...j.members, "GE"]), /members\.6: /],
    [
      "a pledge above available forces",
      (j) => (j.briefs.BY.playbook.pledge = 99_999),
      /briefs\.BY\.playbook\.pledge: pledge of 99999 is above the \d+ troops BY has available/,
    ],
    ["a leader missing for a member", (j) => delete j.leaders.TJ, /leaders\.TJ: member TJ has no leader/],
    ["a brief missing for a member", (j) => delete j.briefs.KG, /briefs\.KG: member KG has no brief/],
    ["a host that is not a member", (j) => (j.host = "UZ"), /host: host UZ is not a member/],
    ["a text without Russian", (j) => delete j.situation.ru, /situation\.ru: /],
    ["an unknown field", (j) => (j.colour = "red"), /\(root\): .*colour/],
    ["a bad date", (j) => (j.date = "5 January 2022"), /date: expected a date as YYYY-MM-DD/],
    [
      "a playbook step that points at no timeline entry",
      (j) => (j.briefs.KG.playbook.steps.revote.at = "kyrgyz-vote-again"),
      /briefs\.KG\.playbook\.steps\.revote\.at: no timeline entry has the id kyrgyz-vote-again/,
    ],
    [
      "a timeline id used twice",
      (j) => (j.historical.timeline[1].id = j.historical.timeline[0].id),
      /historical\.timeline\.1\.id: timeline id protests-begin is used twice/,
    ],
    [
      "a timeline entry without an id",
      (j) => delete j.historical.timeline[3].id,
      /historical\.timeline\.3\.id: /,
    ],
    [
      "a stated reason too long to travel in the timeline",
      (j) => (j.briefs.RU.playbook.steps.vote.reason.en = "x".repeat(201)),
      /briefs\.RU\.playbook\.steps\.vote\.reason\.en: /,
    ],
    [
      "an approval outcome for a state that is not a member",
      (j) => (j.historical.outcome.approvals.UZ = "passed"),
      /historical\.outcome\.approvals\.UZ: UZ is not a member/,
    ],
    [
      "a first failed approval with no approval listed",
      (j) => delete j.historical.outcome.approvals.KG,
      /historical\.outcome\.approvals: KG failed an approval but has no approval listed/,
    ],
    [
      "no crisis location (the map has nowhere to put it)",
      (j) => delete j.location,
      /kazakhstan-2022-01\.json: location: a scenario needs its crisis location/,
    ],
    ["a latitude off the globe", (j) => (j.location.lat = 95), /location\.lat: /],
    [
      "a site without a Russian name",
      (j) => delete j.location.sites[0].name.ru,
      /location\.sites\.0\.name\.ru: /,
    ],
    ["a location in an unknown country", (j) => (j.location.country = "XX"), /location\.country: /],
  ])("%s", (_name, change, expected) => {
    const r = parseScenario(file, mutate("kazakhstan-2022-01", change));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(expected);
  });

  it("not JSON at all", () => {
    const r = parseScenario("broken.json", "{ nope");
    expect(r).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^broken\.json: \(root\): not valid JSON/)],
    });
  });

  it("an id that does not match the file name", () => {
    const r = parseScenario("other-name.json", text("kazakhstan-2022-01"));
    expect(r.ok).toBe(false);
  });
});

describe("a teacher adds a scenario by dropping a file in a folder", () => {
  it("loads it beside the bundled ones, and reports a broken one without losing the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "unanimity-scenarios-"));
    writeFileSync(
      join(dir, "kazakhstan-2022-01-what-if.json"),
      mutate("kazakhstan-2022-01", (j) => {
        j.id = "kazakhstan-2022-01-what-if";
        j.evidence.terrorismForeignLinks = 8;
      }),
    );
    writeFileSync(join(dir, "broken.json"), "[]");
    const lib = loadScenarioDirs([BUNDLED_SCENARIO_DIR, dir]);
    expect(lib.scenarios.get("kazakhstan-2022-01-what-if")?.evidence.terrorismForeignLinks).toBe(8);
    expect(lib.scenarios.size).toBe(SCENARIO_IDS.length + 1);
    expect(lib.errors).toEqual([expect.stringMatching(/broken\.json: \(root\): /)]);
  });
});
