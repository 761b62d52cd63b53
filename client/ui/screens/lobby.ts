/** The lobby: the room code to share, who holds each seat, ready, and the chat. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";
import { chatSection } from "../sections/chat.ts";
import { gatherSection } from "../sections/gather.ts";
import { readySection } from "../sections/ready.ts";
import { roomSection } from "../sections/room.ts";
import { seatsSection } from "../sections/seats.ts";

/** The game client runs framed in the classroom page with `?class=CODE`. */
const inClassroom = (): boolean => new URLSearchParams(location.search).has("class");

export function lobbyScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const snap = ctx.snap;
  // A solo room nobody has been invited to is not for sharing either.
  const closed = snap.solo && !snap.invited;
  sections.section("code", keyOf(lang, snap.code, closed), () => [
    heading(t(lang, "ui.lobby.title")),
    h(
      "p",
      { class: "code-box" },
      h("span", { class: "label" }, t(lang, "ui.lobby.code")),
      h("span", { class: "code", id: "room-code" }, snap.code),
      // At a classroom table the facilitator seats people: the room code is not for sharing.
      inClassroom() || closed ? null : h("span", { class: "muted" }, t(lang, "ui.lobby.codeHint")),
    ),
    h("p", {}, h("strong", {}, snap.view.scenario.title[lang]), ` — ${snap.view.scenario.date}`),
  ]);
  gatherSection(sections, ctx);
  readySection(sections, ctx, "lobby-ready");
  // Strangers gathering for a quick match get bots when it starts, not from one of them.
  if (!snap.gathering) roomSection(sections, ctx);
  seatsSection(sections, ctx, "lobby-seats", t(lang, "ui.lobby.seats"));
  chatSection(sections, ctx);
}
