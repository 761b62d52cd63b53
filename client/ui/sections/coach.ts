/**
 * The coach: for a leader who wants it, what each action it can take now would do, what the others are
 * likely to do (each said once), and how the bots would react to what it might say.
 */
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
                { "data-advice": line.action },
                h("strong", {}, t(lang, `ui.action.${line.action}`)),
                ": ",
                line.effect,
                line.outlook ? h("div", { class: "outlook" }, line.outlook) : null,
                line.notes.map((note) => h("div", { class: "outlook note" }, note)),
                line.forecasts.length > 0
                  ? h(
                      "div",
                      { class: "forecasts" },
                      h("div", { class: "forecasts-title" }, t(lang, "ui.coach.forecasts")),
                      h(
                        "ul",
                        {},
                        line.forecasts.map((forecast) => h("li", {}, forecast)),
                      ),
                    )
                  : null,
              ),
            ),
          ),
    ],
    { class: "coach", "aria-label": t(lang, "ui.coach.title") },
  );
}
