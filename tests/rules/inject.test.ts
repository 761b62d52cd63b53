import { describe, expect, it } from "vitest";
import { view, spectatorView, replay, RULES_VERSION } from "../../shared/rules/index.ts";
import { kazakhstanProposal, play, refuse, scenario } from "../helpers.ts";
import { bundledScenarios } from "../../server/content/scenario-files.ts";

describe("facilitator injects", () => {
  it("a prepared event changes the tracks once and is logged", () => {
    const s0 = kazakhstanProposal();
    const event = scenario("kazakhstan-2022-01").events[0];
    if (!event) throw new Error("no event");
    const s = play(s0, ["system", { type: "inject", event: event.id }]);
    expect(s.firedEvents).toContain(event.id);
    expect(s.timeline.at(-1)?.message).toMatchObject({
      key: "log.event",
      params: { event: event.id, text_en: event.text.en },
    });
    refuse(s, "system", { type: "inject", event: event.id }, "ERR_ALREADY_DONE");
    refuse(s0, "system", { type: "inject", event: "no-such-event" }, "ERR_INCONSISTENT_TERMS");
  });

  it("public news goes to everyone's timeline", () => {
    const s = play(kazakhstanProposal(), [
      "system",
      { type: "inject", text: { en: "Riots reach the airport.", ru: "Беспорядки у аэропорта." } },
    ]);
    expect(JSON.stringify(spectatorView(s))).toContain("Riots reach the airport.");
  });

  it("a secret instruction reaches only its leader until the debrief", () => {
    const text = { en: "Insist on a 7-day limit.", ru: "Настаивайте на сроке в 7 дней." };
    const start = kazakhstanProposal();
    let s = play(start, ["system", { type: "inject", text, to: "BY" }]);
    expect(view(s, "BY").private).toMatchObject({ instructions: [{ text }] });
    for (const seat of ["RU", "KZ", "AM"] as const)
      expect(JSON.stringify(view(s, seat))).not.toContain(text.en);
    expect(JSON.stringify(spectatorView(s))).not.toContain(text.en);
    s = play(s, ["KZ", { type: "withdrawRequest" }]);
    expect(spectatorView(s).debrief?.instructions.BY).toEqual([{ hour: start.clock, text }]);
  });

  it("only the system seat injects, with either an event or a text", () => {
    const s = kazakhstanProposal();
    refuse(s, "AM", { type: "inject", text: { en: "x", ru: "x" } }, "ERR_NOT_YOUR_ROLE");
    refuse(s, "system", { type: "inject" }, "ERR_INCONSISTENT_TERMS");
    refuse(s, "system", { type: "inject", text: { en: "x".repeat(501), ru: "x" } }, "ERR_INVALID_ACTION");
  });

  it("injects replay like any other action", () => {
    const log = [
      {
        seat: "system" as const,
        action: { type: "inject" as const, text: { en: "a", ru: "б" }, to: "RU" as const },
      },
    ];
    const r = replay(
      { rulesVersion: RULES_VERSION, scenarioId: "kazakhstan-2022-01", seed: "1", seats: {}, log },
      (id) => bundledScenarios().get(id),
    );
    expect(r.ok && r.state.instructions.RU?.[0]?.text.ru).toBe("б");
  });
});
