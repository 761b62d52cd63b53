/** The Council vote: the votes as they come (or of the last decision), and the seat's own vote. */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { CHOICES, myState, partChoicesVM, t } from "../../view/models.ts";
import { flag, formKey, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, offered } from "../controls.ts";
import { concernFields } from "./concerns.ts";
import { withdrawRequestForm } from "./withdraw-request.ts";

function voteRecord(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const view = ctx.snap.view;
  const live = view.phase === "council" || !view.decision;
  const cast = live || !view.decision ? view.votes : view.decision.votes;
  const refused = live || !view.decision ? view.refusedToSign : view.decision.refusedToSign;
  const votes = view.scenario.members.map((member) => ({
    member,
    vote: cast[member] ? term(lang, cast[member]) : t(lang, "ui.council.notVoted"),
    key: cast[member] ?? "",
    refused: refused.includes(member),
  }));
  sections.section("votes", keyOf(lang, votes, view.round, view.format, view.decision), () => [
    heading(t(lang, "ui.council.vote")),
    view.format ? h("p", {}, t(lang, "ui.council.round", { round: view.round, format: view.format })) : null,
    h(
      "ul",
      { class: "votes", id: "votes" },
      votes.map((x) =>
        h(
          "li",
          { "data-seat": x.member },
          flag(x.member),
          `${term(lang, x.member)}: `,
          h("span", { class: `stance-${x.key}` }, x.vote),
          x.refused ? h("span", { class: "muted" }, ` (${t(lang, "ui.council.refusedToSign")})`) : null,
        ),
      ),
    ),
    view.decision
      ? h(
          "p",
          { class: "decision" },
          view.decision.passed
            ? t(lang, "ui.council.decision.passed", {
                form: view.decision.terms.form,
                round: view.decision.round,
              })
            : t(lang, "ui.council.decision.blocked", { round: view.decision.round }),
        )
      : null,
  ]);
}

/** The record once there has been a vote, and the vote form for a leader in the Council vote. */
export function votesSection(sections: Sections, ctx: ScreenCtx, withForm: boolean): void {
  const view = ctx.snap.view;
  if (view.round > 0 || view.phase === "council") voteRecord(sections, ctx);
  const me = myState(ctx.snap);
  if (!withForm || !me || !offered(ctx, "vote", view.phase === "council")) return;
  const lang = ctx.lang;
  const host = me === view.scenario.host;
  // An objection or a stand-aside in the vote may name the parts of the text, as in consultations.
  const parts = partChoicesVM(ctx.snap, lang);
  sections.section("vote-form", formKey(ctx, ["vote", "withdrawRequest"], parts), () => [
    actionForm(
      ctx,
      "vote",
      "vote",
      t(lang, "ui.action.vote"),
      [
        h(
          "label",
          { class: "check" },
          h("input", { type: "checkbox", id: "refuse-sign", name: "refuseToSign" }),
          t(lang, "ui.council.refuseToSign"),
        ),
        ...concernFields(ctx, "vote"),
      ],
      CHOICES.voteChoices.map((choice) => ({
        label: term(lang, choice),
        id: `vote-${choice}`,
        values: { choice },
      })),
    ),
    host ? withdrawRequestForm(ctx) : null,
  ]);
}
