/** The bilateral answer: the state asked directly assists, declines or refers to the alliance. */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { options } from "../dom.ts";
import { CHOICES, legalOf, myState, t } from "../../view/models.ts";
import { formKey, heading, troopsInput, type ScreenCtx } from "../common.ts";
import { actionForm, field, offered, select } from "../controls.ts";

export function bilateralSection(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  if (!myState(ctx.snap) || !offered(ctx, "respondBilateral", ctx.snap.phase === "bilateral")) return;
  const max = legalOf(ctx.snap, "respondBilateral")?.maxTroops ?? 0;
  sections.section("bilateral-form", formKey(ctx, ["respondBilateral"]), () => [
    heading(t(lang, "ui.bilateral.title")),
    actionForm(
      ctx,
      "respondBilateral",
      "bilateral",
      t(lang, "ui.action.respondBilateral"),
      [
        field(
          t(lang, "ui.bilateral.response"),
          select(
            "bilateral-response",
            "response",
            options(CHOICES.bilateralResponses.map((x) => ({ value: x, label: term(lang, x) }))),
          ),
        ),
        field(t(lang, "ui.bilateral.troops", { max }), troopsInput("bilateral-troops", max)),
      ],
      [{ label: t(lang, "ui.bilateral.send") }],
    ),
  ]);
}
