/**
 * Balance (issue 11, point 5): the behaviours that let every outcome class a scenario allows occur in
 * mixed play — reluctant members who pledge when the crisis spirals and may think again, the lone
 * veto that stands aside, the hard-line host that holds out, the chair's summit, the historical
 * members at the brink, and the host that prizes its sovereignty.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../../shared/bots/index.ts";
import {
  createGame,
  legalActions,
  view,
  type Action,
  type GameState,
  type StateId,
} from "../../shared/rules/index.ts";
import type { Objective } from "../../shared/scenarios/schema.ts";
import { allReady, game, play, scenario } from "../helpers.ts";

type Kind = "historical" | "pragmatic" | "hardline";

const act = (kind: Kind, seed: string, s: GameState, seat: StateId): Action | null =>
  createBot(kind, seed).act(view(s, seat), legalActions(s, seat));

const at = (s: GameState, severity: number): GameState => ({ ...s, tracks: { ...s.tracks, severity } });

const seeds = (n: number) => Array.from({ length: n }, (_, i) => `b:${i}`);

const PEACEKEEPING = {
  basis: "peacekeeping",
  form: "peacekeeping",
  tasks: ["guardSites"],
  timeLimitDays: 14,
} as const;

/** Osh, June 2010: Kyrgyzstan asks under Article 2 and tables a peacekeeping force. */
function oshForce(): GameState {
  return play(
    allReady(game("kyrgyzstan-2010-06")),
    ["KG", { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" }],
    ["KG", { type: "propose", terms: { ...PEACEKEEPING, tasks: [...PEACEKEEPING.tasks] } }],
  );
}

/** The same force put to the vote, with the given pledges, after every other member endorsed it. */
function oshVote(pledges: Partial<Record<StateId, number>>, severity: number): GameState {
  let s = oshForce();
  for (const [id, troops] of Object.entries(pledges) as [StateId, number][])
    s = play(s, [id, { type: "pledge", troops }]);
  for (const id of ["KZ", "BY", "AM", "TJ"] as const)
    s = play(s, [id, { type: "position", stance: "endorse" }]);
  s = play(
    s,
    ["RU", { type: "position", stance: "standAside" }],
    ["RU", { type: "callVote", format: "video" }],
  );
  return at(s, severity);
}

describe("a member whose brief keeps its troops at home", () => {
  it("may pledge without Russia when the crisis next door spirals and containing it matters to it", () => {
    const pledges = (severity: number) =>
      seeds(100).filter((seed) => {
        const action = act("pragmatic", seed, at(oshForce(), severity), "KZ");
        return action?.type === "pledge" && action.troops > 0;
      }).length;
    const calm = pledges(6.5);
    const grave = pledges(9);
    // Kazakhstan's brief keeps its soldiers out of the south; at severity 9 it weighs its wish to see
    // the killing next door stopped above that, in many games but not all.
    expect(calm).toBeLessThan(15);
    expect(grave).toBeGreaterThan(40);
    expect(grave).toBeLessThan(100);
  });

  it("thinks again at home before sending the pledge to its procedure; a willing Russia does not", () => {
    const decided = play(
      oshVote({ KZ: 500, RU: 2500 }, 7.5),
      ...votesBy(["KZ", "BY", "AM", "TJ", "UZ", "KG", "RU"]),
    );
    expect(decided.phase).toBe("approvals");
    const kazakh = seeds(60).map((seed) => act("pragmatic", seed, decided, "KZ"));
    const back = kazakh.filter((a) => a?.type === "withdrawPledge");
    expect(back.length).toBeGreaterThan(0);
    expect(back.length).toBeLessThan(60);
    for (const a of back) expect(a).toMatchObject({ reason: { key: "reason.withdraw.secondThoughts" } });
    for (const seed of seeds(30))
      expect(act("pragmatic", seed, decided, "RU")?.type).not.toBe("withdrawPledge");
  });

  it("backs a force but will not send the only troops: it stands aside, and takes its pledge out", () => {
    const alone = oshVote({ KZ: 500 }, 9);
    expect(act("pragmatic", "k", alone, "KZ")).toMatchObject({
      type: "vote",
      choice: "standAside",
      reason: { key: "reason.vote.onlyPledge" },
    });
    const together = oshVote({ KZ: 500, TJ: 150 }, 9);
    expect(act("pragmatic", "k", together, "KZ")).toMatchObject({ type: "vote", choice: "support" });
  });
});

/** Every member but the one left to vote supports, in seat order. */
function votesBy(ids: readonly StateId[]): [StateId, Action][] {
  return ids.map((id) => [id, { type: "vote", choice: id === "UZ" ? "standAside" : "support" }]);
}

describe("the lone veto", () => {
  it("a pragmatist will not block alone a force every other member backs and the host wants", () => {
    let s = oshVote({ TJ: 150 }, 7.5);
    s = play(
      s,
      ...(["KZ", "BY", "AM", "TJ", "KG", "RU"] as const).map((id): [StateId, Action] => [
        id,
        { type: "vote", choice: "support" },
      ]),
    );
    expect(act("pragmatic", "u", s, "UZ")).toMatchObject({
      type: "vote",
      choice: "standAside",
      refuseToSign: true,
      reason: { key: "reason.vote.alone" },
    });
    // A hard-liner blocks readily, alone or not.
    expect(act("hardline", "u", s, "UZ")).toMatchObject({ type: "vote", choice: "object" });
  });
});

/** Armenia, September 2022: the Article 4 request, and Russia's text of equipment and aid on the table. */
function yerevanEquipment(): GameState {
  return play(
    allReady(game("armenia-2022-09")),
    ["AM", { type: "requestAssistance", channel: "formal", article: "art4", framing: "externalAggression" }],
    [
      "RU",
      {
        type: "propose",
        terms: { basis: "art4", form: "equipment", tasks: ["humanitarian"], timeLimitDays: 30 },
      },
    ],
  );
}

describe("hosts", () => {
  it("a hard-line host that asked under Article 4 for help holds out against words; a pragmatist takes them", () => {
    const s = at(play(yerevanEquipment(), ["AM", { type: "callVote", format: "video" }]), 7.5);
    expect(act("hardline", "a", s, "AM")).toMatchObject({
      type: "vote",
      choice: "object",
      concerns: ["form"],
      reason: { key: "reason.concern.form.tooWeak" },
    });
    expect(act("pragmatic", "a", s, "AM")).toMatchObject({ type: "vote", choice: "support" });
  });

  it("a hard-line host that prizes its sovereignty may ask nobody", () => {
    const base = scenario("armenia-2021-05");
    const proud: Objective = {
      id: "own-fate",
      weight: 6,
      text: { en: "Armenia keeps control of its own fate", ru: "Армения сама решает свою судьбу" },
      condition: { type: "track", track: "sovereignty", atLeast: 5 },
    };
    const brief = base.briefs.AM;
    if (!brief) throw new Error("no brief");
    const custom = {
      ...base,
      briefs: { ...base.briefs, AM: { ...brief, objectives: [...brief.objectives, proud] } },
    };
    const channels = (s: GameState, kind: Kind) =>
      seeds(100).filter((seed) => {
        const action = act(kind, seed, s, "AM");
        return action?.type === "requestAssistance" && action.channel === "none";
      }).length;
    const own = allReady(game("armenia-2021-05"));
    const sovereign = allReady(createGame({ scenario: custom, seed: 1 }));
    expect(channels(sovereign, "hardline")).toBeGreaterThan(50);
    expect(channels(sovereign, "pragmatic")).toBeLessThan(channels(sovereign, "hardline"));
    expect(channels(own, "hardline")).toBeLessThan(10);
  });
});

describe("the chair's format", () => {
  /** April 2010: Bakiyev's text of equipment and aid, which every member but the chair endorses. */
  function bishkekEquipment(): GameState {
    let s = play(
      allReady(game("kyrgyzstan-2010-04")),
      ["KG", { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" }],
      [
        "KG",
        {
          type: "propose",
          terms: { basis: "art2", form: "equipment", tasks: ["humanitarian"], timeLimitDays: 30 },
        },
      ],
    );
    for (const id of ["KZ", "BY", "AM", "TJ", "UZ"] as const)
      s = play(s, [id, { type: "position", stance: "endorse" }]);
    return play(s, ["RU", { type: "position", stance: "standAside" }]);
  }

  it("a hard-line chair that does not back the text leaves it to a summit, unless a summit would lose the crisis", () => {
    const s = bishkekEquipment();
    expect(act("hardline", "r", s, "RU")).toMatchObject({
      type: "callVote",
      format: "summit",
      reason: { key: "reason.callVote.summit" },
    });
    // The same chair, having watched the crisis worsen 2.5 points in 20 hours, calls a video session.
    const chair = createBot("hardline", "r");
    chair.act(view(s, "RU"), legalActions(s, "RU"));
    const later = { ...at(s, s.tracks.severity + 2.5), clock: s.clock + 20 };
    expect(chair.act(view(later, "RU"), legalActions(later, "RU"))).toMatchObject({
      type: "callVote",
      format: "video",
    });
  });
});

describe("historical members at the brink", () => {
  /** Armenia, September 2022: a peacekeeping force with Kazakhstan's pledge, put to the vote. */
  function yerevanForce(severity: number): GameState {
    const s = play(
      allReady(game("armenia-2022-09")),
      [
        "AM",
        { type: "requestAssistance", channel: "formal", article: "art4", framing: "externalAggression" },
      ],
      ["AM", { type: "propose", terms: { ...PEACEKEEPING, tasks: [...PEACEKEEPING.tasks] } }],
      ["KZ", { type: "pledge", troops: 125 }],
      ["AM", { type: "callVote", format: "video" }],
    );
    return at(s, severity);
  }

  it("a Russia that objected to any force in reality lets the others send one when the crisis is a day from lost", () => {
    expect(act("historical", "h", yerevanForce(8), "RU")).toMatchObject({ type: "vote", choice: "object" });
    expect(act("historical", "h", yerevanForce(9.2), "RU")).toMatchObject({
      type: "vote",
      choice: "standAside",
      refuseToSign: true,
      reason: { key: "reason.historical.react.brink" },
    });
  });

  it("Uzbekistan, firmly against the alliance's troops in 2010, still objects at the brink", () => {
    const s = play(
      oshForce(),
      ["TJ", { type: "pledge", troops: 150 }],
      ["RU", { type: "callVote", format: "video" }],
    );
    expect(act("historical", "h", at(s, 9.5), "UZ")).toMatchObject({ type: "vote", choice: "object" });
  });
});
