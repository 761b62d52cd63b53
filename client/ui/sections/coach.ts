/** The coach: for a leader who wants it, what each legal action would do. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { coachVM, t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";

export function coachSection(sections: Sections, ctx: ScreenCtx): void {
  if (!ctx.coachOn || ctx.snap.view.private?.role !== "leader" || ctx.snap.view.ended) return;
  const lang = ctx.lang;
  const lines = coachVM(ctx.snap, lang);
  sections.section(
    "coach",
    keyOf(lang, lines),
    () => [
      heading(t(lang, "ui.coach.title")),
      lines.length === 0
        ? h("p", {}, t(lang, "ui.coach.nothing"))
        : h(
            "ul",
            {},
            lines.map((line) =>
              h(
                "li",
                {},
                h("strong", {}, t(lang, `ui.action.${line.action}`)),
                ": ",
                line.effect,
                line.outlook ? h("div", { class: "outlook" }, line.outlook) : null,
              ),
            ),
          ),
    ],
    { class: "coach", "aria-label": t(lang, "ui.coach.title") },
  );
}
