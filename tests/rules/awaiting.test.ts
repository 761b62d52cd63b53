/** Whom the game waits on (shared/rules/awaiting.ts): the seats that still have a decision to make. */
import { describe, expect, it } from "vitest";
import { createBot, playGame } from "../../shared/bots/index.ts";
import {
  apply,
  awaitedSeats,
  cloneState,
  legalActions,
  type Action,
  type GameState,
  type Seat,
} from "../../shared/rules/index.ts";
import {
  allReady,
  game,
  kazakhstanConsultations,
  kazakhstanProposal,
  PEACEKEEPING,
  play,
  scenario,
  SCENARIO_IDS,
} from "../helpers.ts";

const vote = (choice: "support" | "object" | "standAside"): Action => ({ type: "vote", choice });

/** Kazakhstan's council after the chair's call: every leader still to vote. */
const council = (seed = 1) => play(kazakhstanProposal(seed), ["AM", { type: "callVote", format: "phone" }]);

/** Kazakhstan after a decision with Russian and Kyrgyz pledges: each one's approval is pending. */
function approvals(deputies: Partial<Record<"KG" | "RU", number>> = {}): GameState {
  const s = play(
    allReady(game("kazakhstan-2022-01", 1, { deputies })),
    [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
    ],
    ["AM", { type: "propose", terms: { ...PEACEKEEPING, tasks: [...PEACEKEEPING.tasks] } }],
    ["RU", { type: "pledge", troops: 1480 }],
    ["KG", { type: "pledge", troops: 150 }],
    ["AM", { type: "callVote", format: "phone" }],
  );
  return play(s, ...s.scenario.members.map((m): [Seat, Action] => [m, vote("support")]));
}

describe("awaitedSeats", () => {
  it("briefing: the leaders not yet ready", () => {
    const s = game("kazakhstan-2022-01");
    expect(awaitedSeats(s)).toEqual([...s.scenario.members]);
    const after = play(s, ["RU", { type: "ready" }], ["KZ", { type: "ready" }]);
    expect(awaitedSeats(after)).toEqual(s.scenario.members.filter((m) => m !== "RU" && m !== "KZ"));
  });

  it("appeal: the host only (an informal appeal by another leader is not awaited)", () => {
    const s = allReady(game("kazakhstan-2022-01"));
    expect(s.phase).toBe("appeal");
    expect(legalActions(s, "RU").some((entry) => entry.type === "informalAppeal")).toBe(true);
    expect(awaitedSeats(s)).toEqual(["KZ"]);
  });

  it("bilateral: the state asked", () => {
    const s = play(allReady(game("kazakhstan-2022-01")), [
      "KZ",
      { type: "requestAssistance", channel: "bilateral", target: "RU" },
    ]);
    expect(s.phase).toBe("bilateral");
    expect(awaitedSeats(s)).toEqual(["RU"]);
  });

  it("consultations: the chair with nothing on the table; then who has not spoken on the text; then the chair", () => {
    const open = kazakhstanConsultations();
    expect(awaitedSeats(open)).toEqual(["AM"]);
    const tabled = play(open, ["RU", { type: "propose", terms: { ...PEACEKEEPING, tasks: ["guardSites"] } }]);
    const members = tabled.scenario.members;
    expect(awaitedSeats(tabled)).toEqual(members.filter((m) => m !== "RU"));
    let s = play(tabled, ["AM", { type: "position", stance: "endorse" }]);
    expect(awaitedSeats(s)).not.toContain("AM");
    for (const m of members.filter((id) => id !== "RU" && id !== "AM"))
      s = play(s, [m, { type: "position", stance: "standAside" }]);
    expect(awaitedSeats(s)).toEqual(["AM"]);
    // An amendment is a new text: everyone but its author is awaited again.
    const amended = play(s, [
      "BY",
      { type: "propose", terms: { ...PEACEKEEPING, tasks: ["guardSites"], timeLimitDays: 10 } },
    ]);
    expect(awaitedSeats(amended)).toEqual(members.filter((m) => m !== "BY"));
  });

  it("consultations: whoever tabled the text while a member's concerns wait for an answer", () => {
    const tabled = play(kazakhstanConsultations(), [
      "RU",
      { type: "propose", terms: { ...PEACEKEEPING, tasks: ["guardSites"] } },
    ]);
    const objected = play(tabled, ["BY", { type: "position", stance: "object", concerns: ["timeLimit"] }]);
    expect(awaitedSeats(objected)).toContain("RU");
    const answered = play(objected, ["RU", { type: "answerConcerns", to: "BY" }]);
    expect(awaitedSeats(answered)).not.toContain("RU");
  });

  it("council: the leaders who have not voted", () => {
    let s = council();
    expect(s.phase).toBe("council");
    expect(awaitedSeats(s)).toEqual([...s.scenario.members]);
    s = play(s, ["KZ", vote("support")], ["RU", vote("support")]);
    expect(awaitedSeats(s)).toEqual(s.scenario.members.filter((m) => m !== "KZ" && m !== "RU"));
  });

  it("approvals: a pending or failed track's leader, and human deputies of an open sitting who have not voted", () => {
    const s = approvals({ KG: 2 });
    expect(s.phase).toBe("approvals");
    expect(awaitedSeats(s)).toEqual(["RU", "KG"]);
    const sitting = play(s, ["KG", { type: "submitApproval" }]);
    expect(sitting.approvals.KG?.status).toBe("voting");
    expect(awaitedSeats(sitting)).toContain("KG.d1");
    expect(awaitedSeats(sitting)).toContain("KG.d2");
    expect(awaitedSeats(sitting)).not.toContain("KG");
    const oneVoted = play(sitting, ["KG.d1", { type: "deputyVote", vote: "no" }]);
    expect(awaitedSeats(oneVoted)).not.toContain("KG.d1");
    expect(awaitedSeats(oneVoted)).toContain("KG.d2");
    // A failed sitting: the leader decides again (a re-vote or keeping the contingent home).
    const failed = cloneState(s);
    const track = failed.approvals.KG;
    if (!track) throw new Error("no Kyrgyz track");
    track.status = "failed";
    expect(awaitedSeats(failed)).toContain("KG");
    track.status = "withdrawn";
    expect(awaitedSeats(failed)).not.toContain("KG");
  });

  it("deployment: the host's daily choice and the approvals still open; the debrief awaits nobody", () => {
    let s = approvals();
    s = play(s, ["RU", { type: "submitApproval" }]);
    expect(s.phase).toBe("deployment");
    expect(awaitedSeats(s)).toEqual(["KZ", ...(s.approvals.KG?.status === "pending" ? ["KG"] : [])]);
    const ended = play(s, ["KZ", { type: "missionDay", decision: "end" }]);
    expect(ended.phase).toBe("debrief");
    expect(awaitedSeats(ended)).toEqual([]);
  });

  it("over bot games in every scenario: each awaited seat can act, and an unfinished phase awaits someone", () => {
    let states = 0;
    for (const id of SCENARIO_IDS) {
      const sc = scenario(id);
      for (const kind of ["historical", "pragmatic"] as const) {
        const start = game(id, `${kind}-3`, { deputies: { [sc.host]: 1 } });
        const bots = Object.fromEntries(sc.members.map((m) => [m, createBot(kind, `${id}:${m}`)]));
        const { log } = playGame(start, bots);
        let s = start;
        for (const { seat, action } of log) {
          const awaited = awaitedSeats(s);
          for (const seat of awaited)
            expect(legalActions(s, seat).length, `${id} ${seat}`).toBeGreaterThan(0);
          if (!s.ended && ["briefing", "appeal", "consultations", "council"].includes(s.phase))
            expect(awaited.length, `${id} v${s.version} ${s.phase}`).toBeGreaterThan(0);
          const r = apply(s, seat, action);
          if (!r.ok) throw new Error(r.error.code);
          s = r.state;
          states++;
        }
        expect(awaitedSeats(s)).toEqual([]);
      }
    }
    expect(states).toBeGreaterThan(200);
  });
});
