/**
 * The forecast of how the bots would answer what a human seat might say in consultations: real
 * scenarios with the real bots (what the forecast says is what a fresh bot of that kind then does),
 * and scripted bots for the reactions today's bots do not make, so each kind of reaction is covered.
 */
import { describe, expect, it } from "vitest";
import { botStep, createBot, type Bot } from "../../shared/bots/index.ts";
import { forecastReactions, type Forecast } from "../../shared/bots/forecast.ts";
import {
  legalActions,
  view,
  type Action,
  type BotKind,
  type GameState,
  type StateId,
} from "../../shared/rules/index.ts";
import { game, kazakhstanConsultations, kazakhstanProposal, play } from "../helpers.ts";

const BY_TIME_LIMIT = { stance: "object", concern: "timeLimit" } as const;
const find = (forecasts: Forecast[], said: Partial<Forecast>) =>
  forecasts.find((forecast) =>
    Object.entries(said).every(([key, value]) => forecast[key as keyof Forecast] === value),
  );

/**
 * What a fresh bot for `by` actually does about BY after BY's objection over the time limit, played
 * through the driver's own step: its first move that amends, answers BY or calls the vote, if any.
 */
function whatTheBotDoes(state: GameState, by: StateId, kind: BotKind): Action | null {
  let s = play(state, ["BY", { type: "position", stance: "object", concerns: ["timeLimit"] }]);
  const bot = createBot(kind, `${s.seed}:${by}`);
  for (let i = 0; i < 4; i++) {
    const step = botStep(s, by, bot);
    if (!step || "refused" in step) return null;
    const action = step.action;
    if (action.type === "propose" || action.type === "callVote") return action;
    if (action.type === "answerConcerns" && action.to === "BY") return action;
    s = step.state;
    if (s.phase !== "consultations") return null;
  }
  return null;
}

const reactionTo = (done: Action | null): Forecast["reaction"] =>
  !done ? "none" : done.type === "propose" ? "amend" : done.type === "answerConcerns" ? "answer" : "callVote";

describe("forecasts with the real bots", () => {
  it.each(["historical", "pragmatic", "hardline"] as const)(
    "kazakhstan-2022-01, a %s chair's text: one forecast per stance and per part of the text, by the proposer",
    (kind) => {
      const s = kazakhstanProposal();
      const forecasts = forecastReactions(s, "BY", () => kind);
      expect(forecasts.map((f) => [f.stance, f.concern ?? null, f.pledgeOf ?? null])).toEqual([
        ["endorse", null, null],
        ["standAside", null, null],
        ["object", null, null],
        ["object", "basis", null],
        ["object", "form", null],
        ["object", "tasks", null],
        ["object", "timeLimit", null],
        ["object", "pledge", "RU"],
        ["object", "pledge", "AM"],
        ["object", "pledge", "TJ"],
        ["object", "pledge", "KG"],
        ["object", "framing", null],
      ]);
      expect(new Set(forecasts.map((f) => f.by))).toEqual(new Set(["AM"]));
      // An objection over the time limit: the forecast is what a fresh bot then does.
      expect(find(forecasts, BY_TIME_LIMIT)?.reaction).toBe(reactionTo(whatTheBotDoes(s, "AM", kind)));
    },
  );

  it("a pragmatic host's own text: the host's bot is the one asked", () => {
    let s = kazakhstanConsultations();
    const kz = createBot("pragmatic", `${s.seed}:KZ`);
    const step = botStep(s, "KZ", kz);
    if (!step || "refused" in step) throw new Error("the host's bot tabled nothing");
    s = step.state;
    expect(s.proposal?.by).toBe("KZ");
    const forecasts = forecastReactions(s, "BY", (id) => (id === "KZ" ? "pragmatic" : null));
    expect(forecasts.length).toBeGreaterThan(3);
    expect(forecasts.every((f) => f.by === "KZ")).toBe(true);
    expect(find(forecasts, BY_TIME_LIMIT)?.reaction).toBe(reactionTo(whatTheBotDoes(s, "KZ", "pragmatic")));
  });

  it("the last member to speak: whatever it says, the historical chair calls the vote", () => {
    let s = kazakhstanProposal();
    for (const id of ["RU", "KZ", "KG", "TJ"] as const)
      s = play(s, [id, { type: "position", stance: "endorse" }]);
    const forecasts = forecastReactions(s, "BY", () => "historical");
    expect(find(forecasts, { stance: "endorse" })).toMatchObject({ by: "AM", reaction: "callVote" });
    // Pashinyan's call, with its date and his reason, as the timeline would log it.
    const reason = find(forecasts, { stance: "endorse" })?.reason;
    expect(reason?.key).toBe("reason.historical.stated");
    expect(reason?.params).toMatchObject({ step: "callVote", date: "2022-01-05" });
    expect(String(reason?.params?.said_en)).toMatch(/^Pashinyan/);
  });

  it("touches neither the game nor any live bot, and says the same twice", () => {
    const s = kazakhstanProposal();
    const before = JSON.stringify(s);
    const live = createBot("pragmatic", `${s.seed}:AM`);
    const twin = createBot("pragmatic", `${s.seed}:AM`);
    const once = forecastReactions(s, "BY", () => "pragmatic");
    expect(forecastReactions(s, "BY", () => "pragmatic")).toEqual(once);
    expect(JSON.stringify(s)).toBe(before);
    const next = play(s, ["BY", { type: "position", stance: "object", concerns: ["form"] }]);
    const legal = legalActions(next, "AM");
    expect(live.act(view(next, "AM"), legal)).toEqual(twin.act(view(next, "AM"), legal));
  });

  it("says nothing where there is nothing to forecast", () => {
    const s = kazakhstanProposal();
    const bots = () => "historical" as const;
    expect(forecastReactions(kazakhstanConsultations(), "BY", bots)).toEqual([]);
    expect(forecastReactions(game("kazakhstan-2022-01"), "BY", bots)).toEqual([]);
    expect(forecastReactions(s, "BY", () => null)).toEqual([]);
    expect(forecastReactions(s, "system", bots)).toEqual([]);
    // Armenia tabled the text and chairs: nobody else answers it.
    expect(forecastReactions(s, "AM", bots)).toEqual([]);
    // A stance already held is no hypothesis.
    const endorsed = play(s, ["BY", { type: "position", stance: "endorse" }]);
    expect(find(forecastReactions(endorsed, "BY", bots), { stance: "endorse" })).toBeUndefined();
  });
});

/** A scripted answerer: it meets an objection over the time limit, answers any other, amends `always`. */
function scripted(always?: Action): Bot {
  return {
    kind: "pragmatic",
    act(seen, legal) {
      if (always) return always;
      const can = (type: string) => legal.some((entry) => entry.type === type);
      const proposal = seen.proposal;
      for (const [id, concerns] of Object.entries(seen.concerns)) {
        if (!proposal || concerns.answered) continue;
        if (concerns.points.includes("timeLimit") && can("propose")) {
          const { by: _by, contingents: _contingents, ...terms } = proposal;
          return {
            type: "propose",
            terms: { ...terms, timeLimitDays: 14 },
            reason: { key: "reason.amend", params: { form: proposal.form } },
          };
        }
        if (can("answerConcerns"))
          return { type: "answerConcerns", to: id as StateId, reason: { key: "reason.callVote" } };
      }
      return null;
    },
  };
}

describe("each kind of reaction, with a scripted answerer", () => {
  const s = kazakhstanProposal();
  const forecasts = forecastReactions(
    s,
    "BY",
    () => "pragmatic",
    () => scripted(),
  );

  it("an amendment, with what it changes and the new terms", () => {
    expect(find(forecasts, BY_TIME_LIMIT)).toEqual({
      ...BY_TIME_LIMIT,
      by: "AM",
      reaction: "amend",
      changes: ["timeLimit"],
      terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 14 },
      reason: { key: "reason.amend", params: { form: "peacekeeping" } },
    });
  });

  it("an answer that keeps the text, with its reason; nothing said, nothing done", () => {
    expect(find(forecasts, { stance: "object", concern: "form" })).toMatchObject({
      reaction: "answer",
      reason: { key: "reason.callVote" },
    });
    expect(find(forecasts, { stance: "endorse" })).toEqual({ stance: "endorse", by: "AM", reaction: "none" });
  });

  it("looks past the answerer's other business: another member's concerns first, then this seat's", () => {
    const earlier = play(s, ["KG", { type: "position", stance: "standAside", concerns: ["form"] }]);
    const later = forecastReactions(
      earlier,
      "BY",
      () => "pragmatic",
      () => scripted(),
    );
    expect(find(later, { stance: "object", concern: "basis" })?.reaction).toBe("answer");
  });

  it("an amendment the bot would make whatever this seat says is no reaction to it", () => {
    const always: Action = {
      type: "propose",
      terms: { basis: "art4", form: "assessment", tasks: [], timeLimitDays: 21 },
    };
    const anyway = forecastReactions(
      s,
      "BY",
      () => "pragmatic",
      () => scripted(always),
    );
    expect(anyway.every((f) => f.reaction === "none")).toBe(true);
  });
});
