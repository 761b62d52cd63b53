/**
 * The tracks' section and the turn banner in the DOM (happy-dom): accessible meters with their values
 * and translated labels, details that open on a tap, and a banner whose clock changes in place.
 */
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState } from "../../server/sync/schema.ts";
import { tracksVM } from "../../client/view/models.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import { renderBanner } from "../../client/ui/banner.ts";
import { renderTracks } from "../../client/ui/sections/tracks.ts";
import { kazakhstanProposal } from "../helpers.ts";

const window = new Window({ url: "http://localhost/" });
Object.assign(globalThis, { document: window.document, HTMLElement: window.HTMLElement });

function snap(waitingFor: string[], deadline: number): Snapshot {
  const s = kazakhstanProposal();
  const state = new RoomState();
  state.code = "ABCDE";
  projectPublic(state, s);
  projectSecret(state, s, "BY");
  state.waitingFor.push(...waitingFor);
  state.deadline = deadline;
  const out = snapshotOf(state, "BY");
  if (!out) throw new Error("no snapshot");
  return out;
}

describe("the tracks section", () => {
  it("draws each track as a labelled meter, and opens the details with every standing on a tap", () => {
    const el = document.createElement("section");
    document.body.append(el);
    const s = snap([], 0);
    let open = false;
    const draw = (): void => {
      renderTracks(el, tracksVM(s, {}, "ru"), "ru", {
        open,
        toggle: () => {
          open = !open;
          draw();
        },
      });
    };
    draw();
    const meters = el.querySelectorAll('.gauges [role="meter"]');
    expect(meters.length).toBe(4);
    const severity = meters[0] as unknown as HTMLElement;
    expect(severity.getAttribute("aria-label")).toBe("Острота кризиса");
    expect(severity.getAttribute("aria-valuemin")).toBe("0");
    expect(severity.getAttribute("aria-valuemax")).toBe("10");
    expect(Number(severity.getAttribute("aria-valuenow"))).toBe(s.view.tracks.severity);
    expect(severity.getAttribute("aria-valuetext")).toMatch(/ из 10$/);
    const toggle = el.querySelector("#tracks-toggle") as unknown as HTMLButtonElement;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect((el.querySelector("#tracks-detail") as unknown as HTMLElement).hidden).toBe(true);
    toggle.click();
    expect(el.querySelector("#tracks-toggle")?.getAttribute("aria-expanded")).toBe("true");
    expect(el.querySelectorAll('#tracks-detail [role="meter"]').length).toBe(s.view.scenario.members.length);
    expect(el.querySelector('[data-gauge="standing.BY"]')?.className).toContain("mine");
    renderTracks(el, null, "ru", { open, toggle: () => undefined });
    expect(el.hidden).toBe(true);
  });
});

describe("the turn banner", () => {
  it("says whom the table waits on, the player's move and the time left, updating the clock in place", () => {
    const el = document.createElement("div");
    const s = snap(["BY"], 100_000);
    renderBanner(el, s, "en", 40_000);
    expect(el.dataset.kind).toBe("you");
    expect(el.querySelector(".move")?.textContent).toBe("Your move: take a position on the proposal");
    const left = el.querySelector(".left");
    expect(left?.textContent).toBe("1:00 left");
    renderBanner(el, s, "en", 41_000);
    expect(el.querySelector(".left")).toBe(left);
    expect(left?.textContent).toBe("0:59 left");
    expect(el.getAttribute("aria-live")).toBeNull();
  });
});
