/**
 * Negotiation at the table: the concerns members stated about the text (listed beside it for all, so
 * whoever tabled it sees who raised what), the position form with the parts an objection or a
 * stand-aside can name, the proposer's answer, and whose concerns an amendment meets.
 */
import type { Sections } from "../dom.ts";
import { h, options } from "../dom.ts";
import {
  answerTargetsVM,
  concernsVM,
  legalOf,
  meetsVM,
  partChoicesVM,
  positionVM,
  t,
} from "../../view/models.ts";
import { flag, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, field } from "../controls.ts";

/** The concerns on record about the current text, one entry per member: who, what, their words, answered. */
export function concernsSection(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const rows = ctx.snap.view.proposal ? concernsVM(ctx.snap, lang) : [];
  sections.section(
    "concerns",
    keyOf(lang, rows, !!ctx.snap.view.proposal),
    () =>
      ctx.snap.view.proposal
        ? [
            heading(t(lang, "ui.concerns.title"), "h3"),
            rows.length === 0
              ? h("p", { class: "muted" }, t(lang, "ui.negotiation.none"))
              : h(
                  "ul",
                  { class: "concerns", id: "concerns" },
                  rows.map((row) =>
                    h(
                      "li",
                      { "data-seat": row.state, class: row.answered ? "answered" : "waiting" },
                      flag(row.state),
                      h("strong", { class: `stance-${row.stance}` }, row.who),
                      h("div", { class: "names" }, row.names),
                      row.said ? h("div", { class: "said" }, row.said) : null,
                      h("div", { class: "status muted" }, row.status),
                    ),
                  ),
                ),
          ]
        : [],
    { class: "proposal-concerns", "aria-label": t(lang, "ui.concerns.title") },
  );
}

/** What an objection or a stand-aside can name: the parts of the text as they read now, and a line of one's own. */
export function concernFields(ctx: ScreenCtx, prefix: string): HTMLElement[] {
  const lang = ctx.lang;
  const choices = partChoicesVM(ctx.snap, lang);
  const box = (id: string, value: string, label: string, checked: boolean) =>
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", id, name: "concern", value, checked }),
      label,
    );
  const pledge = choices.pledge;
  const pledgeOf =
    pledge && pledge.states.length === 1
      ? h("input", { type: "hidden", id: `${prefix}-pledge-of`, name: "pledgeOf", value: pledge.selected })
      : pledge
        ? field(
            t(lang, "ui.concerns.whosePledge"),
            h(
              "select",
              { id: `${prefix}-pledge-of`, name: "pledgeOf" },
              options(pledge.states, pledge.selected),
            ),
          )
        : null;
  return [
    h(
      "fieldset",
      { class: "concern-parts" },
      h("legend", {}, t(lang, "ui.negotiation.parts")),
      choices.parts.map((part) =>
        box(`${prefix}-concern-${part.concern}`, part.concern, part.label, part.checked),
      ),
      pledge ? box(`${prefix}-concern-pledge`, "pledge", pledge.label, pledge.checked) : null,
      pledgeOf,
    ),
    field(
      t(lang, "ui.concerns.note"),
      h("input", {
        id: `${prefix}-note`,
        name: "note",
        type: "text",
        maxlength: 200,
        value: choices.note,
      }),
    ),
  ];
}

/** Where this seat stands, the stance buttons (one held is not a fresh choice), and the parts to name. */
export function positionForm(ctx: ScreenCtx): HTMLElement {
  const lang = ctx.lang;
  const position = positionVM(ctx.snap, lang);
  return actionForm(
    ctx,
    "position",
    "position",
    t(lang, "ui.council.position.label"),
    [
      h("p", { class: "current", id: "position-current" }, position.current),
      ...concernFields(ctx, "position"),
    ],
    position.buttons.map((button) => ({
      label: button.label,
      id: `position-${button.stance}`,
      values: { stance: button.stance },
      pressed: button.held,
      unavailable: button.unavailable,
    })),
  );
}

/** The proposer's (or the chair's) answer to a member's concerns, keeping the text as it is. */
export function answerForm(ctx: ScreenCtx): HTMLElement {
  const lang = ctx.lang;
  const targets = answerTargetsVM(ctx.snap, lang);
  return actionForm(
    ctx,
    "answerConcerns",
    "answer-concerns",
    t(lang, "ui.concerns.answer"),
    [
      field(
        t(lang, "ui.concerns.answerTo"),
        h("select", { id: "answer-to", name: "to" }, options(targets, targets[0]?.value ?? "")),
      ),
      field(
        t(lang, "ui.concerns.answerNote"),
        h("input", { id: "answer-note", name: "note", type: "text", maxlength: 200 }),
      ),
    ],
    [{ label: t(lang, "ui.concerns.answerBtn"), id: "answer-send" }],
  );
}

/** For an amendment while concerns are on record: whose concerns it meets (said in the timeline). */
export function meetsFields(ctx: ScreenCtx): HTMLElement[] {
  const members = meetsVM(ctx.snap, ctx.lang);
  if (members.length === 0 || !legalOf(ctx.snap, "propose")) return [];
  return [
    h(
      "fieldset",
      { class: "meets" },
      h("legend", {}, t(ctx.lang, "ui.negotiation.meets")),
      members.map((member) =>
        h(
          "label",
          { class: "check" },
          h("input", { type: "checkbox", id: `meets-${member.value}`, name: "meets", value: member.value }),
          member.label,
        ),
      ),
    ),
  ];
}
