import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { replay, RULES_VERSION, type GameRecord } from "../../shared/rules/index.ts";
import { digest, expectedOf, GOLDEN_DIR, type Golden } from "./golden.ts";
import { game, play } from "../helpers.ts";

const resolve = (id: string) => bundledScenarios().get(id);
const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".json"));

describe("replay of golden records", () => {
  it("there is a golden record for every scenario", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)("%s replays to the same final state", (file) => {
    const golden = JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as Golden;
    const r = replay(golden.record, resolve);
    expect(r.ok).toBe(true);
    if (r.ok) expect(expectedOf(r.state)).toEqual(golden.expected);
  });
});

describe("replay", () => {
  it("rebuilds exactly the state the actions produced", () => {
    const steps = [
      ["RU", { type: "ready" }],
      ["system", { type: "timerExpired" }],
      [
        "KZ",
        { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
      ],
    ] as const;
    const live = play(game("kazakhstan-2022-01", "x"), ...(steps as unknown as Parameters<typeof play>[1][]));
    const record: GameRecord = {
      rulesVersion: live.rulesVersion,
      scenarioId: live.scenario.id,
      seed: "x",
      seats: {},
      log: steps.map(([seat, action]) => ({ seat, action })) as GameRecord["log"],
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
