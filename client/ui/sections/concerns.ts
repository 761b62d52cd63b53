/**
 * Negotiation at the table: the concerns members stated about the text (listed for all, so whoever
 * tabled it sees them), the parts an objection or a stand-aside can name, and the proposer's answer.
 */
import { term } from "../../../shared/i18n/index.ts";
import type { Concerns, StateId } from "../../../shared/rules/index.ts";
import type { Sections } from "../dom.ts";
import { h, options } from "../dom.ts";
import { CHOICES, legalOf, t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, field } from "../controls.ts";

function concernLine(ctx: ScreenCtx, id: StateId, concerns: Concerns): string {
  const lang = ctx.lang;
  const parts = concerns.points.map((point) =>
    point === "pledge" && concerns.pledgeOf
      ? t(lang, "ui.concerns.pledgeOf", { state: concerns.pledgeOf })
      : term(lang, point),
  );
  const line = t(lang, concerns.stance === "object" ? "ui.concerns.objects" : "ui.concerns.standsAside", {
    state: id,
    parts: parts.length > 0 ? parts.join("; ") : t(lang, "ui.concerns.unstated"),
  });
  const note = concerns.note ? ` “${concerns.note}”` : "";
  return `${line}${note}${concerns.answered ? ` ${t(lang, "ui.concerns.answered")}` : ""}`;
}

/** The concerns on record about the current text, one line per member. */
export function concernsSection(sections: Sections, ctx: ScreenCtx): void {
  const entries = Object.entries(ctx.snap.view.concerns) as [StateId, Concerns][];
  const lines = entries.map(([id, concerns]) => concernLine(ctx, id, concerns));
  sections.section("concerns", keyOf(ctx.lang, lines), () =>
    lines.length === 0
      ? []
      : [
          heading(t(ctx.lang, "ui.concerns.title")),
          h(
            "ul",
            { class: "concerns", id: "concerns" },
            lines.map((line) => h("li", {}, line)),
          ),
        ],
  );
}

/** What an objection or a stand-aside can name: the parts of the text, whose pledge, a line of one's own. */
export function concernFields(ctx: ScreenCtx, prefix: string): HTMLElement[] {
  const lang = ctx.lang;
  const pledged = Object.keys(ctx.snap.view.proposal?.contingents ?? {}) as StateId[];
  return [
    h(
      "fieldset",
      { class: "concern-parts" },
      h("legend", {}, t(lang, "ui.concerns.because")),
      CHOICES.concerns.map((concern) =>
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            id: `${prefix}-concern-${concern}`,
            name: "concern",
            value: concern,
          }),
          term(lang, concern),
        ),
      ),
    ),
    ...(pledged.length > 0
      ? [
          field(
            t(lang, "ui.concerns.whosePledge"),
            h(
              "select",
              { id: `${prefix}-pledge-of`, name: "pledgeOf" },
              options(
                pledged.map((id) => ({ value: id, label: term(lang, id) })),
                pledged[0] ?? "",
              ),
            ),
          ),
        ]
      : []),
    field(
      t(lang, "ui.concerns.note"),
      h("input", { id: `${prefix}-note`, name: "note", type: "text", maxlength: 200 }),
    ),
  ];
}

/** The proposer's (or the chair's) answer to a member's concerns, keeping the text as it is. */
export function answerForm(ctx: ScreenCtx): HTMLElement {
  const lang = ctx.lang;
  const targets = legalOf(ctx.snap, "answerConcerns")?.targets ?? [];
  return actionForm(
    ctx,
    "answerConcerns",
    "answer-concerns",
    t(lang, "ui.concerns.answer"),
    [
      field(
        t(lang, "ui.concerns.answerTo"),
        h(
          "select",
          { id: "answer-to", name: "to" },
          options(
            targets.map((id) => ({ value: id, label: term(lang, id) })),
            targets[0] ?? "",
          ),
        ),
      ),
      field(
        t(lang, "ui.concerns.answerNote"),
        h("input", { id: "answer-note", name: "note", type: "text", maxlength: 200 }),
      ),
    ],
    [{ label: t(lang, "ui.concerns.answerBtn"), id: "answer-send" }],
  );
}
