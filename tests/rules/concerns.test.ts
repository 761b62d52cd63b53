/** Negotiation: an objection names the parts of the text it is about, and the proposer answers. */
import { describe, expect, it } from "vitest";
import { legalActions } from "../../shared/rules/index.ts";
import { kazakhstanProposal, play, refuse } from "../helpers.ts";

describe("concerns about the text on the table", () => {
  it("an objection with concerns is recorded, logged with its parts, and public", () => {
    const s = play(kazakhstanProposal(), [
      "BY",
      { type: "position", stance: "object", concerns: ["timeLimit", "tasks"], note: "Not open-ended." },
    ]);
    expect(s.positions.BY).toBe("object");
    expect(s.concerns.BY).toMatchObject({
      stance: "object",
      points: ["timeLimit", "tasks"],
      answered: false,
    });
    const entry = s.timeline.at(-1);
    expect(entry?.message).toEqual({
      key: "log.position.objectOver",
      params: { concerns: "timeLimit, tasks", note: "Not open-ended." },
    });
  });

  it("an endorsement cannot carry concerns, and a pledge concern must name a state that pledged", () => {
    const s = kazakhstanProposal();
    refuse(s, "BY", { type: "position", stance: "endorse", concerns: ["form"] }, "ERR_INCONSISTENT_TERMS");
    refuse(
      s,
      "BY",
      { type: "position", stance: "object", concerns: ["pledge"], pledgeOf: "KZ" },
      "ERR_INCONSISTENT_TERMS",
    );
    refuse(s, "BY", { type: "position", stance: "object", note: "\u200b\u200b" }, "ERR_INVALID_ACTION");
  });

  it("the proposer or the chair answers once; an amendment clears the concerns", () => {
    const objected = play(kazakhstanProposal(), [
      "BY",
      { type: "position", stance: "standAside", concerns: ["pledge"], pledgeOf: "RU" },
    ]);
    expect(legalActions(objected, "AM").find((a) => a.type === "answerConcerns")?.targets).toEqual(["BY"]);
    refuse(objected, "KG", { type: "answerConcerns", to: "BY" }, "ERR_NOT_YOUR_ROLE");
    const answered = play(objected, ["AM", { type: "answerConcerns", to: "BY" }]);
    expect(answered.concerns.BY?.answered).toBe(true);
    refuse(answered, "AM", { type: "answerConcerns", to: "BY" }, "ERR_NOTHING_TO_DO");
    const terms = {
      basis: "peacekeeping",
      form: "peacekeeping",
      tasks: ["guardSites"],
      timeLimitDays: 20,
    } as const;
    const amended = play(objected, ["AM", { type: "propose", terms: { ...terms, tasks: [...terms.tasks] } }]);
    expect(amended.concerns).toEqual({});
  });

  it("an objection in the vote carries its concerns back into consultations when it blocks", () => {
    let s = play(kazakhstanProposal(), ["AM", { type: "callVote", format: "video" }]);
    s = play(s, ["BY", { type: "vote", choice: "object", concerns: ["form"] }]);
    for (const id of ["RU", "KZ", "AM", "KG", "TJ"] as const)
      s = play(s, [id, { type: "vote", choice: "support" }]);
    expect(s.phase).toBe("consultations");
    expect(s.concerns.BY?.points).toEqual(["form"]);
  });
});
