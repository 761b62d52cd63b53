import { describe, expect, it } from "vitest";
import { createBot } from "../../shared/bots/index.ts";
import { legalActions, view, type Action, type GameState } from "../../shared/rules/index.ts";
import { allReady, game, play } from "../helpers.ts";

const historical = createBot("historical", "h");

function hostAct(state: GameState): Action | null {
  const host = state.scenario.host;
  return historical.act(view(state, host), legalActions(state, host));
}

describe("historical hosts react to a deviation from history", () => {
  it("Karabakh 2020: as history did, Armenia asks Russia alone", () => {
    expect(hostAct(allReady(game("armenia-2020-karabakh")))).toMatchObject({
      type: "requestAssistance",
      channel: "bilateral",
      target: "RU",
    });
  });

  it("Karabakh 2020: once another member carries its plea, Armenia asks the alliance formally", () => {
    const s = play(allReady(game("armenia-2020-karabakh")), [
      "KZ",
      { type: "informalAppeal", framing: "borderIncident" },
    ]);
    expect(hostAct(s)).toMatchObject({
      type: "requestAssistance",
      channel: "formal",
      article: "art2",
      framing: "borderIncident",
      reason: { key: "reason.historical.react.askAlliance", params: { states: "KZ" } },
    });
  });

  it("Kyrgyzstan, April 2010: Belarus carried the plea in history too, so the host asks as it did", () => {
    const s = play(allReady(game("kyrgyzstan-2010-04")), [
      "BY",
      { type: "informalAppeal", framing: "domesticUnrest" },
    ]);
    expect(hostAct(s)).toMatchObject({ type: "requestAssistance", channel: "informal" });
  });
});

describe("pragmatic hosts weigh their routes", () => {
  /** The channels a pragmatic or hard-line host picks, over many bot seeds, at the start of the appeal. */
  function channels(id: string, kind: "pragmatic" | "hardline", seeds = 200): Record<string, number> {
    const s = allReady(game(id));
    const host = s.scenario.host;
    const counts: Record<string, number> = {};
    for (let i = 0; i < seeds; i++) {
      const action = createBot(kind, `route:${i}`).act(view(s, host), legalActions(s, host));
      if (action?.type !== "requestAssistance") throw new Error(`no request: ${JSON.stringify(action)}`);
      counts[action.channel] = (counts[action.channel] ?? 0) + 1;
    }
    return counts;
  }

  it("a mild crisis and a doubtful alliance (Armenia, May 2021): mostly the alliance, sometimes Moscow or nobody", () => {
    const counts = channels("armenia-2021-05", "pragmatic");
    expect(counts.formal ?? 0).toBeGreaterThan(100);
    expect(counts.bilateral ?? 0).toBeGreaterThan(0);
    expect(counts.none ?? 0).toBeGreaterThan(0);
  });

  it("a host that wants CSTO troops fast (Kazakhstan, January 2022) asks the alliance formally, nearly always", () => {
    for (const kind of ["pragmatic", "hardline"] as const) {
      const counts = channels("kazakhstan-2022-01", kind);
      expect(counts.formal ?? 0, kind).toBeGreaterThan(160);
      expect(counts.none ?? 0, kind).toBe(0);
    }
  });

  it("a host whose brief seeks Russian forces (Karabakh 2020) mostly asks Moscow", () => {
    const counts = channels("armenia-2020-karabakh", "pragmatic");
    expect(counts.bilateral ?? 0).toBeGreaterThan(counts.formal ?? 0);
  });

  it("a host the allies treat as yesterday's man (Bakiyev, April 2010) sometimes turns to one ally instead", () => {
    const counts = channels("kyrgyzstan-2010-04", "pragmatic", 400);
    expect(counts.bilateral ?? 0).toBeGreaterThan(0);
    expect(counts.formal ?? 0).toBeGreaterThan(counts.bilateral ?? 0);
  });
});

describe("an ally asked alone", () => {
  /** Russia's answers to Armenia's letter in Karabakh 2020, over many bot seeds. */
  function answers(kind: "pragmatic" | "hardline", seeds = 300): Record<string, number> {
    const s = play(allReady(game("armenia-2020-karabakh")), [
      "AM",
      { type: "requestAssistance", channel: "bilateral", target: "RU" },
    ]);
    const counts: Record<string, number> = {};
    for (let i = 0; i < seeds; i++) {
      const action = createBot(kind, `answer:${i}`).act(view(s, "RU"), legalActions(s, "RU"));
      if (action?.type !== "respondBilateral") throw new Error(`no answer: ${JSON.stringify(action)}`);
      counts[action.response] = (counts[action.response] ?? 0) + 1;
    }
    return counts;
  }

  it("Karabakh 2020: Russia, not wanting to become a party to the war, mostly sends its own troops but sometimes declines, as on 31 October", () => {
    const counts = answers("pragmatic");
    expect(counts.assist ?? 0).toBeGreaterThan(counts.decline ?? 0);
    expect(counts.decline ?? 0).toBeGreaterThan(0);
  });

  it("once it has agreed to send its own troops, it does not take them back on second thoughts", () => {
    for (let i = 0; i < 40; i++) {
      let s = play(allReady(game("armenia-2020-karabakh")), [
        "AM",
        { type: "requestAssistance", channel: "bilateral", target: "RU" },
      ]);
      s = play(s, ["RU", { type: "respondBilateral", response: "assist", troops: 1960 }]);
      const bot = createBot("pragmatic", `reweigh:${i}`);
      const action = bot.act(view(s, "RU"), legalActions(s, "RU"));
      expect(action?.type, `seed ${i}`).not.toBe("withdrawPledge");
    }
  });
});
