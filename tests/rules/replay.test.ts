import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { replay, RULES_VERSION, type Action, type GameRecord, type Seat } from "../../shared/rules/index.ts";
import { digest, expectedOf, GOLDEN_DIR, type Golden } from "./golden.ts";
import { game, play, SCENARIO_IDS } from "../helpers.ts";

const resolve = (id: string) => bundledScenarios().get(id);
const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".json"));
/** The records `npm run golden` makes: one per bundled scenario and bot mix. */
const MIXES = ["historical", "mixed"] as const;
const expected = [...bundledScenarios().keys()].flatMap((id) => MIXES.map((mix) => ({ id, mix })));
const readGolden = (file: string) => JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as Golden;

describe("replay of golden records", () => {
  it("every scenario the tests play is bundled, so each is checked below", () => {
    expect([...bundledScenarios().keys()]).toEqual(expect.arrayContaining([...SCENARIO_IDS]));
  });

  it.each(expected)("there is a $mix golden record of $id, and it names that scenario", ({ id, mix }) => {
    const file = `${id}.${mix}.json`;
    expect(files).toContain(file);
    const { record } = readGolden(file);
    expect(record.scenarioId).toBe(id);
    expect(record.seed).toBe(`golden-${mix}`);
    expect(record.log.length).toBeGreaterThan(0);
  });

  it("there is no golden record of a scenario or mix that is not bundled", () => {
    expect([...files].sort()).toEqual(expected.map(({ id, mix }) => `${id}.${mix}.json`).sort());
  });

  it.each(files)("%s replays to the same final state", (file) => {
    const golden = readGolden(file);
    const r = replay(golden.record, resolve);
    expect(r.ok).toBe(true);
    if (r.ok) expect(expectedOf(r.state)).toEqual(golden.expected);
  });
});

describe("replay", () => {
  it("rebuilds exactly the state the actions produced", () => {
    const steps: [Seat, Action][] = [
      ["RU", { type: "ready" }],
      ["system", { type: "timerExpired" }],
      [
        "KZ",
        { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
      ],
    ];
    const live = play(game("kazakhstan-2022-01", "x"), ...steps);
    const record: GameRecord = {
      rulesVersion: live.rulesVersion,
      scenarioId: live.scenario.id,
      seed: "x",
      seats: {},
      log: steps.map(([seat, action]) => ({ seat, action })),
    };
    const r = replay(record, resolve);
    expect(r.ok && digest(r.state)).toBe(digest(live));
  });

  it("reports the first action that no longer applies", () => {
    const record: GameRecord = {
      rulesVersion: RULES_VERSION,
      scenarioId: "kazakhstan-2022-01",
      seed: "1",
      seats: {},
      log: [{ seat: "RU", action: { type: "vote", choice: "support" } }],
    };
    const r = replay(record, resolve);
    expect(r).toMatchObject({ ok: false, index: 0, error: { code: "ERR_WRONG_PHASE" } });
    expect(replay({ ...record, scenarioId: "nowhere" }, resolve).ok).toBe(false);
  });

  it("the same seed and actions give the same game; another seed another draw", () => {
    const a = play(game("kazakhstan-2022-01", 7), ["system", { type: "timerExpired" }]);
    const b = play(game("kazakhstan-2022-01", 7), ["system", { type: "timerExpired" }]);
    expect(digest(a)).toBe(digest(b));
    expect(game("kazakhstan-2022-01", 7).rng).not.toBe(game("kazakhstan-2022-01", 8).rng);
  });
});

describe("rules versions", () => {
  it("a record from other rules is refused rather than replayed wrongly", () => {
    const record: GameRecord = {
      rulesVersion: RULES_VERSION - 1,
      scenarioId: "kazakhstan-2022-01",
      seed: "1",
      seats: {},
      log: [],
    };
    expect(replay(record, resolve)).toMatchObject({
      ok: false,
      error: { message: { key: "error.rulesVersion" } },
    });
  });
});
