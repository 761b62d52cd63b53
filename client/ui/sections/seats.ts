/** The seats at the table: each state, its leader, who holds the seat, and its stance. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { seatsVM, t } from "../../view/models.ts";
import { flag, heading, keyOf, type ScreenCtx } from "../common.ts";

export function seatsSection(sections: Sections, ctx: ScreenCtx, id: string, title: string): void {
  const lang = ctx.lang;
  const rows = seatsVM(ctx.snap, lang);
  sections.section(id, keyOf(lang, rows, ctx.snap.spectators, ctx.snap.phase === "briefing"), () => [
    heading(title),
    h(
      "ul",
      { class: "seats" },
      rows.map((row) =>
        h(
          "li",
          { class: `seat${row.isMe ? " me" : ""}${row.speaking ? " speaking" : ""}`, "data-seat": row.id },
          flag(row.id),
          h("strong", {}, row.state),
          " — ",
          h("span", {}, row.leader),
          row.title ? h("span", { class: "muted" }, ` (${row.title})`) : null,
          h("span", { class: "tags" }, [
            row.isMe ? h("span", { class: "tag you" }, t(lang, "ui.lobby.you")) : null,
            row.isChair ? h("span", { class: "tag" }, t(lang, "ui.lobby.chair")) : null,
            row.isHost ? h("span", { class: "tag host" }, t(lang, "ui.lobby.host")) : null,
            h("span", { class: "tag holder" }, row.holder),
            ctx.snap.phase === "briefing"
              ? h(
                  "span",
                  { class: `tag ${row.ready ? "ok" : ""}` },
                  t(lang, row.ready ? "ui.lobby.ready" : "ui.lobby.notReady"),
                )
              : null,
            row.stance ? h("span", { class: `tag stance-${row.stanceKey}` }, row.stance) : null,
            row.speaking ? h("span", { class: "tag speaking" }, t(lang, "ui.council.speaking")) : null,
          ]),
        ),
      ),
    ),
    ctx.snap.spectators > 0
      ? h("p", { class: "muted" }, t(lang, "ui.lobby.spectators", { count: ctx.snap.spectators }))
      : null,
  ]);
}
