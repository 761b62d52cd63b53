/**
 * The table from the appeal to the Council vote: the appeal, the bilateral answer, the proposal and
 * its editor, each leader's position and pledge, the call for a vote, and the vote itself.
 */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { options } from "../dom.ts";
import {
  answerTargetsVM,
  CHOICES,
  legalOf,
  myState,
  partChoicesVM,
  positionVM,
  t,
} from "../../view/models.ts";
import { formKey, troopsInput, type ScreenCtx } from "../common.ts";
import { actionForm, field, offered, select } from "../controls.ts";
import { appealSection } from "../sections/appeal.ts";
import { bilateralSection } from "../sections/bilateral.ts";
import { chatSection } from "../sections/chat.ts";
import { answerForm, concernsSection, positionForm } from "../sections/concerns.ts";
import { coachSection } from "../sections/coach.ts";
import { proposalSection, proposeSection } from "../sections/proposal.ts";
import { readySection } from "../sections/ready.ts";
import { seatsSection } from "../sections/seats.ts";
import { timelineSection } from "../sections/timeline.ts";
import { votesSection } from "../sections/votes.ts";
import { withdrawRequestForm } from "../sections/withdraw-request.ts";

const CONSULT_ACTIONS = [
  "position",
  "answerConcerns",
  "pledge",
  "callVote",
  "requestSession",
  "withdrawRequest",
] as const;

function consultActions(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const view = ctx.snap.view;
  const me = myState(ctx.snap);
  const inConsultations = view.phase === "consultations";
  // During the vote the host's withdrawal sits with the vote form; the answer to concerns is offered
  // only to whoever has concerns to answer.
  const shown = CONSULT_ACTIONS.filter((type) =>
    type === "withdrawRequest"
      ? me === view.scenario.host && view.phase !== "council" && offered(ctx, type, inConsultations)
      : // The host sends no contingent to its own crisis: no pledge form, not even a disabled one.
        type === "pledge" && me === view.scenario.host
        ? false
        : type === "answerConcerns"
          ? legalOf(ctx.snap, type) !== undefined
          : offered(ctx, type, inConsultations),
  );
  if (shown.length === 0) return;
  const max = legalOf(ctx.snap, "pledge")?.maxTroops ?? (me ? view.scenario.forces[me]?.available : 0) ?? 0;
  const forms: Record<(typeof CONSULT_ACTIONS)[number], () => HTMLElement> = {
    position: () => positionForm(ctx),
    answerConcerns: () => answerForm(ctx),
    pledge: () =>
      actionForm(
        ctx,
        "pledge",
        "pledge",
        t(lang, "ui.action.pledge"),
        [field(t(lang, "ui.council.pledge", { max }), troopsInput("pledge-troops", max))],
        [{ label: t(lang, "ui.council.pledgeBtn") }],
      ),
    callVote: () =>
      actionForm(
        ctx,
        "callVote",
        "callvote",
        t(lang, "ui.action.callVote"),
        [
          field(
            t(lang, "ui.council.format"),
            select(
              "vote-format",
              "format",
              options(CHOICES.voteFormats.map((format) => ({ value: format, label: term(lang, format) }))),
            ),
          ),
        ],
        [{ label: t(lang, "ui.council.callVote") }],
      ),
    requestSession: () =>
      actionForm(
        ctx,
        "requestSession",
        "session",
        t(lang, "ui.action.requestSession"),
        [],
        [{ label: t(lang, "ui.council.requestSession") }],
      ),
    withdrawRequest: () => withdrawRequestForm(ctx),
  };
  // What the position and answer forms say depends on the text and this seat's stance, not on others' moves.
  const negotiation = [
    positionVM(ctx.snap, lang),
    partChoicesVM(ctx.snap, lang),
    answerTargetsVM(ctx.snap, lang),
  ];
  sections.section("consult-actions", formKey(ctx, [...CONSULT_ACTIONS], shown, negotiation), () =>
    shown.map((type) => forms[type]()),
  );
}

export function consultationsScreen(sections: Sections, ctx: ScreenCtx): void {
  const view = ctx.snap.view;
  if (view.phase === "briefing") readySection(sections, ctx, "table-ready");
  appealSection(sections, ctx);
  bilateralSection(sections, ctx);
  proposalSection(sections, ctx);
  concernsSection(sections, ctx);
  if (myState(ctx.snap) && offered(ctx, "propose", view.phase === "consultations"))
    proposeSection(sections, ctx);
  if (myState(ctx.snap)) consultActions(sections, ctx);
  votesSection(sections, ctx, true);
  coachSection(sections, ctx);
  seatsSection(sections, ctx, "table-seats", t(ctx.lang, "ui.council.table"));
  timelineSection(sections, ctx);
  chatSection(sections, ctx);
}
