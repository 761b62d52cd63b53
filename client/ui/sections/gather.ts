/** A quick match gathering strangers: the countdown and the people in ("Starting in 0:25 · 1 of 3 players"), and leaving. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { gatherVM, t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";

export function gatherSection(sections: Sections, ctx: ScreenCtx): void {
  const { lang, snap } = ctx;
  const vm = gatherVM(snap, Date.now(), lang);
  if (!vm) return;
  const people = Object.values(snap.seats).filter((s) => s.holder === "human").length;
  // The countdown itself is refreshed every half second by the app (`#gather-status`).
  sections.section("gather", keyOf(lang, snap.gathering, people), () => [
    heading(t(lang, "ui.lobby.gather.title")),
    h("p", { id: "gather-status", role: "status" }, vm.status),
    h("p", { class: "muted" }, t(lang, "ui.lobby.gather.hint")),
    h(
      "button",
      { type: "button", id: "gather-leave", onclick: () => ctx.room?.leave() },
      t(lang, "ui.lobby.gather.leave"),
    ),
  ]);
}
