/** Form values to actions: what a form read becomes the action sent, clamped to the legal bounds. */
import { describe, expect, it } from "vitest";
import type { LegalAction } from "../../shared/rules/index.ts";
import { actionFrom, clampInt, FORM_ACTIONS } from "../../client/view/forms.ts";

const pledge: LegalAction = { type: "pledge", maxTroops: 1500 };
const propose: LegalAction = {
  type: "propose",
  terms: [
    { form: "peacekeeping", basis: "art4" },
    { form: "statement", basis: "art2" },
    { form: "statement", basis: "art4" },
  ],
};

describe("form values to an action", () => {
  it("troops are whole, never negative, never more than the state has", () => {
    expect(actionFrom("pledge", { troops: ["1480"] }, pledge)).toEqual({ type: "pledge", troops: 1480 });
    expect(actionFrom("pledge", { troops: ["99999"] }, pledge)).toEqual({ type: "pledge", troops: 1500 });
    expect(actionFrom("pledge", { troops: ["-20"] }, pledge)).toEqual({ type: "pledge", troops: 0 });
    expect(actionFrom("pledge", { troops: ["12.6"] }, pledge)).toEqual({ type: "pledge", troops: 13 });
    expect(actionFrom("pledge", { troops: ["lots"] }, pledge)).toEqual({ type: "pledge", troops: 0 });
    expect(actionFrom("pledge", {}, undefined)).toEqual({ type: "pledge", troops: 0 });
  });

  it("a bilateral answer carries troops only when it assists", () => {
    const legal: LegalAction = { type: "respondBilateral", maxTroops: 300 };
    expect(actionFrom("respondBilateral", { response: ["assist"], troops: ["500"] }, legal)).toEqual({
      type: "respondBilateral",
      response: "assist",
      troops: 300,
    });
    expect(actionFrom("respondBilateral", { response: ["decline"], troops: ["500"] }, legal)).toEqual({
      type: "respondBilateral",
      response: "decline",
    });
  });

  it("a proposal keeps lawful terms; an unlawful pair becomes a lawful one for the form", () => {
    const values = {
      form: ["peacekeeping"],
      basis: ["art4"],
      tasks: ["guardSites", "nonsense"],
      days: ["21"],
    };
    expect(actionFrom("propose", values, propose)).toEqual({
      type: "propose",
      terms: { form: "peacekeeping", basis: "art4", tasks: ["guardSites"], timeLimitDays: 21 },
    });
    const unlawful = actionFrom(
      "propose",
      { form: ["peacekeeping"], basis: ["art2"], days: ["900"] },
      propose,
    );
    expect(unlawful).toEqual({
      type: "propose",
      terms: { form: "peacekeeping", basis: "art4", tasks: [], timeLimitDays: 365 },
    });
    const noDays = actionFrom("propose", { form: ["statement"], basis: ["art4"], days: [""] }, propose);
    expect(noDays).toEqual({
      type: "propose",
      terms: { form: "statement", basis: "art4", tasks: [], timeLimitDays: 30 },
    });
    expect(actionFrom("propose", { form: ["peacekeeping"] }, { type: "propose", terms: [] })).toBeNull();
  });

  it("an amendment says whose concerns it meets, as its reason, naming only member states", () => {
    const values = { form: ["peacekeeping"], basis: ["art4"], days: ["14"], meets: ["BY", "XX", "KG"] };
    expect(actionFrom("propose", values, propose)).toMatchObject({
      terms: { timeLimitDays: 14 },
      reason: { key: "reason.person.meets", params: { states: "BY, KG" } },
    });
    expect(actionFrom("propose", { ...values, meets: ["XX"] }, propose)).not.toHaveProperty("reason");
  });

  it("a lobby goes only to a chamber still to vote", () => {
    const legal: LegalAction = { type: "lobby", targets: ["KG", "TJ"] };
    expect(actionFrom("lobby", { target: ["TJ"] }, legal)).toEqual({ type: "lobby", target: "TJ" });
    expect(actionFrom("lobby", { target: ["AM"] }, legal)).toEqual({ type: "lobby", target: "KG" });
    expect(actionFrom("lobby", { target: ["KG"] }, { type: "lobby", targets: [] })).toBeNull();
  });

  it("a vote refuses to sign only with a vote that lets the decision pass", () => {
    expect(actionFrom("vote", { choice: ["support"], refuseToSign: ["on"] }, undefined)).toEqual({
      type: "vote",
      choice: "support",
      refuseToSign: true,
    });
    expect(actionFrom("vote", { choice: ["object"], refuseToSign: ["on"] }, undefined)).toEqual({
      type: "vote",
      choice: "object",
    });
  });

  it("an appeal carries the article and framing when formal, the target when bilateral", () => {
    const formal = {
      channel: ["formal"],
      article: ["art4"],
      framing: ["terrorismForeignLinks"],
      target: ["RU"],
    };
    expect(actionFrom("requestAssistance", formal, undefined)).toEqual({
      type: "requestAssistance",
      channel: "formal",
      article: "art4",
      framing: "terrorismForeignLinks",
    });
    expect(actionFrom("requestAssistance", { ...formal, channel: ["bilateral"] }, undefined)).toEqual({
      type: "requestAssistance",
      channel: "bilateral",
      target: "RU",
    });
    expect(actionFrom("requestAssistance", { ...formal, channel: ["none"] }, undefined)).toEqual({
      type: "requestAssistance",
      channel: "none",
    });
  });

  it("buttons' values choose the stance, the deputy's vote and the host's day", () => {
    expect(actionFrom("position", { stance: ["object"] }, undefined)).toEqual({
      type: "position",
      stance: "object",
    });
    expect(actionFrom("deputyVote", { vote: ["yes"] }, undefined)).toEqual({
      type: "deputyVote",
      vote: "yes",
    });
    expect(actionFrom("missionDay", { decision: ["end"] }, undefined)).toEqual({
      type: "missionDay",
      decision: "end",
    });
    expect(actionFrom("callVote", { format: ["summit"] }, undefined)).toEqual({
      type: "callVote",
      format: "summit",
    });
  });

  it("the room's own actions never come from a form", () => {
    expect(FORM_ACTIONS).not.toContain("timerExpired");
    expect(FORM_ACTIONS).not.toContain("inject");
    expect(actionFrom("timerExpired", {}, undefined)).toBeNull();
    expect(clampInt(" ", 1, 365, 30)).toBe(30);
  });
});
