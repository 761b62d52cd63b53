/** The decision timeline: who did what, when, and the reasons the bots gave. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { t, timelineVM } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";

export function timelineSection(sections: Sections, ctx: ScreenCtx, limit = 40): void {
  const lang = ctx.lang;
  const rows = timelineVM(ctx.snap, lang, limit);
  sections.section("timeline", keyOf(lang, rows), () => [
    heading(t(lang, "ui.log.title")),
    rows.length === 0
      ? h("p", { class: "muted" }, t(lang, "ui.log.empty"))
      : h(
          "ol",
          { class: "timeline", role: "log", "aria-live": "off" },
          rows.map((row) =>
            h(
              "li",
              {},
              h("span", { class: "when" }, row.hour),
              " ",
              h("strong", {}, row.who),
              ": ",
              row.text,
              row.said ? h("div", { class: "said" }, row.said) : null,
              row.why ? h("div", { class: "why" }, row.why) : null,
            ),
          ),
        ),
  ]);
}
