/** The room's creator's controls in the lobby and the briefing: hand the open seats to bots, invite. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { roomControlsVM, t } from "../../view/models.ts";
import { keyOf, type ScreenCtx } from "../common.ts";

export function roomSection(sections: Sections, ctx: ScreenCtx): void {
  const { lang, snap, room } = ctx;
  const vm = roomControlsVM(snap);
  if (!room || (vm.open === 0 && vm.invite === null)) return;
  sections.section("room-controls", keyOf(lang, vm, snap.code), () => [
    ...(vm.open > 0
      ? [
          h("p", { class: "muted", id: "fill-seats-hint" }, t(lang, "ui.room.fillHint", { count: vm.open })),
          h(
            "button",
            {
              type: "button",
              id: "fill-seats-btn",
              "aria-describedby": "fill-seats-hint",
              onclick: () => room.fillSeats(),
            },
            t(lang, "ui.room.fillSeats"),
          ),
        ]
      : []),
    ...(vm.invite === "closed"
      ? [
          h("p", { class: "muted", id: "invite-hint" }, t(lang, "ui.room.soloClosed")),
          h(
            "button",
            {
              type: "button",
              id: "invite-btn",
              "aria-describedby": "invite-hint",
              onclick: () => room.invite(),
            },
            t(lang, "ui.room.invite"),
          ),
        ]
      : []),
    vm.invite === "invited"
      ? h("p", { id: "invited" }, t(lang, "ui.room.invited", { code: snap.code }))
      : null,
  ]);
}
