/** The briefing's one action: this leader has read the brief. */
import type { Sections } from "../dom.ts";
import { t } from "../../view/models.ts";
import { formKey, type ScreenCtx } from "../common.ts";
import { actionForm, offered } from "../controls.ts";

export function readySection(sections: Sections, ctx: ScreenCtx, id: string): void {
  // A quick match still gathering strangers holds its briefing until they are in.
  if (!ctx.snap.seat || ctx.snap.gathering || !offered(ctx, "ready", ctx.snap.phase === "briefing")) return;
  sections.section(id, formKey(ctx, ["ready"]), () => [
    actionForm(
      ctx,
      "ready",
      `${id}-form`,
      t(ctx.lang, "ui.action.ready"),
      [],
      [{ label: t(ctx.lang, "ui.lobby.readyBtn"), id: "ready-btn" }],
    ),
  ]);
}
