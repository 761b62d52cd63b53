/**
 * A campaign a player can follow (issue 12): "crisis N of M", what carried over and why, the wait
 * before the next crisis, and the whole campaign beside history after the last one.
 */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { carryForward, createGame, type CampaignCarry, type GameState } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { briefingScreen } from "../../client/ui/screens/briefing.ts";
import { debriefScreen } from "../../client/ui/screens/debrief.ts";
import { tickCountdowns } from "../../client/ui/sections/campaign.ts";
import { campaignVM, countdown } from "../../client/view/models.ts";
import type { Snapshot } from "../../client/view/snapshot.ts";
import { scenario } from "../helpers.ts";
import { renderScreen, seatSnapshot } from "./harness.ts";

function historical(id: string, carry?: CampaignCarry): GameState {
  const sc = scenario(id);
  const seed = `campaign:${id}`;
  return playGame(
    createGame({ scenario: sc, seed, ...(carry ? { carry } : {}) }),
    botsFor(sc, "historical", seed),
  ).state;
}

const snapOf = (state: GameState, at: { crisis: number; crises: number; deadline?: number }): Snapshot =>
  seatSnapshot(state, "AM", at);
const render = (snap: Snapshot, screen: typeof briefingScreen): HTMLElement =>
  renderScreen(snap, screen).root;

// Armenia asks in May 2021 and gets no troops; it remembers in September 2022.
const first = historical("armenia-2021-05");
const carry = carryForward(first);
const second = createGame({ scenario: scenario("armenia-2022-09"), seed: "c2", carry });

describe("a campaign of two crises", () => {
  it("the carry remembers each crisis played, beside its history", () => {
    expect(carry.past).toEqual([
      expect.objectContaining({
        scenarioId: "armenia-2021-05",
        asHistory: true,
        credibility: first.tracks.credibility,
      }),
    ]);
    expect(carry.grievances.AM ?? 0).toBeGreaterThan(0);
    expect(second.carry).toEqual(carry);
  });

  it("the briefing says which crisis this is, what carried over, and why", () => {
    const root = render(snapOf(second, { crisis: 2, crises: 2 }), briefingScreen);
    expect(root.querySelector("#campaign-crisis")?.textContent).toBe("Crisis 2 of 2");
    const carried = [...root.querySelectorAll("#campaign-carried li")].map((li) => li.textContent);
    expect(carried[0]).toContain(`credibility starts at ${Math.round(carry.credibility * 10) / 10}/10`);
    expect(carried[0]).toContain("Armenia, May 2021");
    expect(
      carried.some((line) => line.startsWith("Armenia remembers how the alliance answered its request")),
    ).toBe(true);
  });

  it("the first crisis's briefing has nothing carried over, but says it is crisis 1 of 2", () => {
    const root = render(
      snapOf(createGame({ scenario: scenario("armenia-2021-05"), seed: "c1" }), { crisis: 1, crises: 2 }),
      briefingScreen,
    );
    expect(root.querySelector("#campaign-crisis")?.textContent).toBe("Crisis 1 of 2");
    expect(root.querySelector("#campaign-carried")).toBeNull();
  });

  it("between crises the debrief counts down to the next one", () => {
    const at = Date.now() + 15_000;
    const root = render(snapOf(first, { crisis: 1, crises: 2, deadline: at }), debriefScreen);
    const next = root.querySelector<HTMLElement>("#campaign-next");
    expect(next?.textContent).toMatch(/The next one begins in 0:1[45]\./);
    tickCountdowns(root, at - 5_000);
    expect(next?.textContent).toBe("This crisis is over. The next one begins in 0:05.");
    expect(root.querySelector("#campaign-summary")).toBeNull();
  });

  it("after the last crisis the debrief sums up the whole campaign against history", () => {
    const ended = historical("armenia-2022-09", carry);
    const vm = campaignVM(snapOf(ended, { crisis: 2, crises: 2 }), "en");
    expect(vm?.nextAt).toBeNull();
    const rows = [
      ...render(snapOf(ended, { crisis: 2, crises: 2 }), debriefScreen).querySelectorAll(
        "#campaign-summary li",
      ),
    ];
    expect(rows.map((li) => li.textContent.split(":")[0])).toEqual([
      "Armenia, May 2021",
      scenario("armenia-2022-09").title.en.split(":")[0],
    ]);
    expect(rows.every((li) => li.textContent.includes("as in history"))).toBe(true);
  });

  it("outside a campaign nothing of it shows", () => {
    expect(campaignVM(snapOf(first, { crisis: 1, crises: 1 }), "en")).toBeNull();
    expect(countdown(65_000, 0)).toBe("1:05");
  });
});
