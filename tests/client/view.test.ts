/**
 * The client's view-models, without a browser: the synced state is built the way the server projects
 * it (flattened public view, one secret per seat) and decoded back; what each screen shows is checked
 * against the rules' own view and legal actions.
 */
import { describe, expect, it } from "vitest";
import type { ServerMessages } from "../../shared/protocol/index.ts";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState, SeatInfo } from "../../server/sync/schema.ts";
import { playGame, createBot } from "../../shared/bots/index.ts";
import { legalActions, view, type GameState, type Seat, type StateId } from "../../shared/rules/index.ts";
import {
  actionState,
  approvalsVM,
  clockVM,
  coachVM,
  debriefVM,
  errorText,
  mapVM,
  proposalFormVM,
  proposalVM,
  recordTracks,
  screenForPhase,
  seatsVM,
  timelineVM,
  formatLeft,
  gameTime,
} from "../../client/view/models.ts";
import { snapshotOf, type Snapshot, type SyncedState } from "../../client/view/snapshot.ts";
import { allReady, game, kazakhstanConsultations, kazakhstanProposal, play } from "../helpers.ts";

/** The synced state exactly as the server's projection builds it, with the secrets of `secretSeats`. */
function synced(s: GameState, secretSeats: Seat[], extra: Partial<SyncedState> = {}): SyncedState {
  const state = new RoomState();
  state.code = "ABCDE";
  projectPublic(state, s);
  for (const seat of secretSeats) projectSecret(state, s, seat);
  for (const m of s.scenario.members) {
    const info = new SeatInfo();
    info.holder = "bot";
    info.bot = "historical";
    state.seats.set(m, info);
  }
  return Object.assign(state as unknown as SyncedState, extra);
}

function snap(s: GameState, seat: StateId | null, extra: Partial<SyncedState> = {}): Snapshot {
  const out = snapshotOf(synced(s, seat ? [seat] : [], extra), seat);
  if (!out) throw new Error("no snapshot");
  return out;
}

function historicalGame(id = "kazakhstan-2022-01", seed = "v1"): GameState {
  const g = game(id, seed);
  const bots = Object.fromEntries(
    g.scenario.members.map((m) => [m, createBot("historical", `${seed}:${m}`)]),
  );
  return playGame(g, bots).state;
}

describe("decoding the synced state (the server's own projection)", () => {
  it("gives back the rules' view for the own seat, and its legal actions", () => {
    const s = kazakhstanProposal();
    const sn = snap(s, "RU");
    const v = view(s, "RU");
    expect(sn.view.proposal).toEqual(v.proposal);
    expect(sn.view.tracks).toEqual(v.tracks);
    expect(sn.view.timeline).toEqual(v.timeline);
    expect(sn.view.private).toEqual(v.private);
    expect(sn.legal).toEqual(legalActions(s, "RU"));
    expect(sn.phase).toBe("consultations");
  });

  it("a spectator gets no private part and no legal actions, even when another seat's secret is present", () => {
    const s = kazakhstanProposal();
    const sn = snapshotOf(synced(s, ["KZ"]), null);
    expect(sn?.view.private).toBeNull();
    expect(sn?.legal).toEqual([]);
  });

  it("is null before the room has sent its scenario", () => {
    expect(snapshotOf(synced(game("kazakhstan-2022-01"), [], { scenario: "" }), "RU")).toBeNull();
  });
});

describe("inputs are enabled only by the legal actions, and say why not", () => {
  it("briefing: ready is enabled, then refused as already done", () => {
    const s = game("kazakhstan-2022-01");
    expect(actionState(snap(s, "BY"), "ready", "en")).toEqual({ enabled: true, reason: null });
    const after = play(s, ["BY", { type: "ready" }]);
    const st = actionState(snap(after, "BY"), "ready", "en");
    expect(st.enabled).toBe(false);
    expect(st.reason).toBe("You have already done that.");
  });

  it("a consultations action in the briefing is disabled with the phase named, in either language", () => {
    const s = game("kazakhstan-2022-01");
    expect(actionState(snap(s, "RU"), "propose", "en").reason).toBe(
      "That is not possible in this phase (Briefing).",
    );
    expect(actionState(snap(s, "RU"), "propose", "ru").reason).toMatch(/Брифинг/);
  });

  it("only the chair may call the vote; the host alone may answer the appeal", () => {
    const s = kazakhstanProposal();
    const chair = s.scenario.chair;
    const other = s.scenario.members.find((m) => m !== chair && m !== s.scenario.host) as StateId;
    expect(actionState(snap(s, chair), "callVote", "en").enabled).toBe(
      legalActions(s, chair).some((l) => l.type === "callVote"),
    );
    expect(actionState(snap(s, other), "callVote", "en")).toEqual({
      enabled: false,
      reason: "Only the chair of the Council can call the vote.",
    });
    const appeal = allReady(game("kazakhstan-2022-01"));
    expect(actionState(snap(appeal, "KZ"), "requestAssistance", "en").enabled).toBe(true);
    expect(actionState(snap(appeal, "RU"), "requestAssistance", "en").reason).toBe(
      "Only the state in crisis can do that.",
    );
  });

  it("every action a seat can take is enabled, and every other one is disabled with a reason", () => {
    const s = kazakhstanProposal();
    for (const seat of s.scenario.members) {
      const sn = snap(s, seat);
      const legal = new Set(legalActions(s, seat).map((l) => l.type));
      for (const type of [
        "propose",
        "pledge",
        "position",
        "callVote",
        "requestSession",
        "vote",
        "ready",
      ] as const) {
        const st = actionState(sn, type, "en");
        expect(st.enabled, `${seat} ${type}`).toBe(legal.has(type));
        if (!st.enabled) expect(st.reason, `${seat} ${type}`).toMatch(/\w/);
      }
    }
  });

  it("while paused nothing is enabled", () => {
    const s = game("kazakhstan-2022-01");
    expect(actionState(snap(s, "BY", { paused: true }), "ready", "en")).toEqual({
      enabled: false,
      reason: "The game is paused.",
    });
  });

  it("a spectator is told spectators cannot act", () => {
    const s = game("kazakhstan-2022-01");
    expect(actionState(snap(s, null), "ready", "en").reason).toBe("Spectators cannot act.");
  });
});

describe("what each screen shows", () => {
  it("the phase clock counts down, warns under 30 s, and shows the pause", () => {
    const s = game("kazakhstan-2022-01");
    const now = 1_000_000;
    const c = clockVM(snap(s, "RU", { deadline: now + 95_000 }), now, "en");
    expect(c).toMatchObject({
      phase: "Phase: Briefing",
      time: "Day 1, 00:00",
      left: "1:35 left",
      urgent: false,
    });
    expect(clockVM(snap(s, "RU", { deadline: now + 9_000 }), now, "en").urgent).toBe(true);
    expect(clockVM(snap(s, "RU", { paused: true }), now, "ru").left).toBe("Пауза");
    expect(formatLeft(-5)).toBe("0:00");
    expect(gameTime(50)).toEqual({ day: 3, hour: "02" });
  });

  it("the table lists every member with leader, chair, host, and who holds the seat", () => {
    const s = kazakhstanProposal();
    const rows = seatsVM(snap(s, "BY"), "en");
    expect(rows.map((r) => r.id)).toEqual(s.scenario.members);
    expect(rows.find((r) => r.id === "BY")?.isMe).toBe(true);
    expect(rows.find((r) => r.id === s.scenario.chair)?.isChair).toBe(true);
    expect(rows.find((r) => r.id === "KZ")?.isHost).toBe(true);
    expect(rows[0]?.holder).toBe("bot (historical)");
    expect(rows.find((r) => r.id === "RU")?.leader).toBe(s.scenario.leaders.RU?.name.en);
  });

  it("the proposal reads in words, with its pledges", () => {
    const p = proposalVM(snap(kazakhstanProposal(), "RU"), "en");
    expect(p.terms).toBe("a peacekeeping force on the basis of Article 4, for 21 days");
    expect(p.pledges).toContain("Russia: 1480");
    expect(proposalVM(snap(kazakhstanConsultations(), "RU"), "en").present).toBe(false);
  });

  it("the proposal editor offers only the form and basis pairs the rules allow", () => {
    const s = kazakhstanConsultations();
    const f = proposalFormVM(snap(s, "RU"));
    const legal = legalActions(s, "RU").find((l) => l.type === "propose")?.terms ?? [];
    expect(f.enabled).toBe(true);
    expect(f.forms.flatMap((x) => x.bases.map((b) => ({ form: x.form, basis: b })))).toEqual(legal);
    expect(proposalFormVM(snap(game("kazakhstan-2022-01"), "RU")).enabled).toBe(false);
  });

  it("the timeline names who acted and gives the bots' reasons", () => {
    const s = historicalGame();
    const rows = timelineVM(snap(s, "RU"), "en");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.why?.startsWith("Why: "))).toBe(true);
    expect(rows.every((r) => !/\{\w+\}/.test(r.text))).toBe(true);
  });

  it("the coach explains each legal action of the seat", () => {
    const s = kazakhstanProposal();
    const lines = coachVM(snap(s, "RU"), "en");
    expect(lines.map((l) => l.action)).toEqual(legalActions(s, "RU").map((l) => l.type));
    expect(lines.every((l) => l.effect.length > 10)).toBe(true);
    expect(coachVM(snap(s, null), "en")).toEqual([]);
  });

  it("approvals show each pledging state's steps and its votes against the votes needed", () => {
    const s = historicalGame();
    const rows = approvalsVM(snap(s, "KG"), "en");
    const kg = rows.find((r) => r.id === "KG");
    expect(kg).toBeDefined();
    expect(kg?.sittings.length).toBeGreaterThan(0);
    expect(kg?.sittings[0]).toMatch(/^Sitting 1: \d+–\d+, \d+ needed/);
    // January 2022: the first sitting failed, the re-vote passed; the steps show where it stands now.
    expect(kg?.sittings[0]).toMatch(/failed|no quorum/);
    expect(kg?.sittings.at(-1)).toMatch(/passed$/);
    expect(kg?.steps.at(-1)).toMatchObject({ done: true, failed: false });
  });

  it("the map places contingents between their capital and the crisis", () => {
    const s = historicalGame();
    const m = mapVM(snap(s, "RU"), "en");
    expect(m.crisis.label).toBe("Crisis: Almaty");
    expect(m.tokens.length).toBeGreaterThan(0);
    for (const t of m.tokens) {
      expect(t.progress).toBeGreaterThanOrEqual(0);
      expect(t.progress).toBeLessThanOrEqual(1);
      expect(t.label).toMatch(/troops/);
    }
  });

  it("the debrief explains every score, beside history, with questions and sources, in both languages", () => {
    const s = historicalGame();
    const en = debriefVM(snap(s, "RU"), "en");
    const ru = debriefVM(snap(s, "RU"), "ru");
    expect(en?.scores.map((x) => x.id).sort()).toEqual([...s.scenario.members].sort());
    expect(en?.scores.find((x) => x.id === "RU")?.mine).toBe(true);
    expect(en?.matches).toBe("Your game ended as history did.");
    expect(en?.reality.length).toBe(s.scenario.historical.timeline.length);
    expect(en?.questions.length).toBe(s.scenario.questions.length);
    expect(en?.sources).toEqual(s.scenario.sources);
    expect(ru?.end).not.toBe(en?.end);
    expect(ru?.end).toMatch(/[а-я]/);
    expect(debriefVM(snap(kazakhstanProposal(), "RU"), "en")).toBeNull();
  });

  it("track history keeps a point only when a track moved", () => {
    const a = snap(game("kazakhstan-2022-01"), "RU");
    const h1 = recordTracks([], a);
    expect(recordTracks(h1, a)).toBe(h1);
    const b = snap(historicalGame(), "RU");
    expect(recordTracks(h1, b)).toHaveLength(2);
  });

  it("each phase opens its screen", () => {
    expect(screenForPhase("briefing")).toBe("briefing");
    expect(screenForPhase("consultations")).toBe("consultations");
    expect(screenForPhase("approvals")).toBe("approvals");
    expect(screenForPhase("deployment")).toBe("map");
    expect(screenForPhase("debrief")).toBe("debrief");
  });
});

describe("server errors in plain words", () => {
  const err = (code: string, key: string): ServerMessages["error"] => ({
    code: code as ServerMessages["error"]["code"],
    to: "action",
    message: { key },
  });

  it("a rule's refusal uses the rules' message; a protocol error its client text", () => {
    expect(errorText(err("ERR_NOT_CHAIR", "error.ERR_NOT_CHAIR"), "en")).toBe(
      "Only the chair of the Council can call the vote.",
    );
    expect(errorText(err("ERR_SEAT_TAKEN", "error.ERR_SEAT_TAKEN"), "en")).toBe(
      "That seat is already taken; choose another.",
    );
    expect(errorText(err("ERR_PAUSED", "error.ERR_PAUSED"), "ru")).toBe(
      "Игра на паузе; сначала продолжите её.",
    );
  });

  it("an unknown code still reads as a sentence, never as a key", () => {
    expect(errorText(err("ERR_X", "error.ERR_X"), "en")).toBe("Something went wrong: ERR_X");
  });
});
