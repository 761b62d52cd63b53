/** The projector: the room code, the proposal and votes, the table, the tracks, the latest events. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { approvalsVM, seatsVM, t, timelineVM, TRACK_NAMES } from "../../view/models.ts";
import { flag, keyOf, type ScreenCtx } from "../common.ts";
import { proposalSection } from "../sections/proposal.ts";
import { votesSection } from "../sections/votes.ts";
import { debriefScreen } from "./debrief.ts";

export function projectorScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const view = ctx.snap.view;
  sections.section("proj-head", keyOf(lang, view.scenario.id, ctx.snap.code), () => [
    h("h2", {}, view.scenario.title[lang]),
    h(
      "p",
      { class: "code-box" },
      h("span", { class: "label" }, t(lang, "ui.projector.join", { code: "" })),
      h("span", { class: "code" }, ctx.snap.code),
    ),
  ]);
  proposalSection(sections, ctx);
  votesSection(sections, ctx, false);
  const rows = seatsVM(ctx.snap, lang);
  sections.section("proj-seats", keyOf(lang, rows), () => [
    h(
      "ul",
      { class: "seats big" },
      rows.map((r) =>
        h(
          "li",
          {},
          flag(r.id),
          h("strong", {}, r.state),
          ` ${r.leader} `,
          r.stance ? h("span", { class: `tag stance-${r.stanceKey}` }, r.stance) : null,
        ),
      ),
    ),
  ]);
  sections.section("proj-tracks", keyOf(lang, view.tracks), () => [
    h(
      "ul",
      { class: "tracks inline" },
      TRACK_NAMES.map((k) =>
        h(
          "li",
          {},
          h("span", { class: `swatch track-${k}`, "aria-hidden": "true" }),
          t(lang, "ui.debrief.trackLine", { track: k, value: Math.round(view.tracks[k] * 10) / 10 }),
        ),
      ),
    ),
  ]);
  if (Object.keys(view.approvals).length) approvalsBrief(sections, ctx);
  const latest = timelineVM(ctx.snap, lang, 5);
  sections.section("proj-latest", keyOf(lang, latest), () => [
    h("h3", {}, t(lang, "ui.projector.latest")),
    h(
      "ol",
      { class: "timeline", role: "log", "aria-live": "polite" },
      latest.map((r) => h("li", {}, `${r.who}: ${r.text}`)),
    ),
  ]);
  if (view.debrief) debriefScreen(sections, ctx);
}

function approvalsBrief(sections: Sections, ctx: ScreenCtx): void {
  const rows = approvalsVM(ctx.snap, ctx.lang);
  sections.section("proj-approvals", keyOf(ctx.lang, rows), () => [
    h("h3", {}, t(ctx.lang, "ui.approvals.title")),
    h(
      "ul",
      {},
      rows.map((r) => h("li", {}, flag(r.id), r.status, r.sittings.length ? ` — ${r.sittings.at(-1)}` : "")),
    ),
  ]);
}
