/** National approvals: each pledging state's procedure, its sittings, and the seat's own actions. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { approvalsVM, t } from "../../view/models.ts";
import { flag, heading, keyOf, type ScreenCtx } from "../common.ts";
import { approvalActionsSection } from "../sections/approval-actions.ts";
import { coachSection } from "../sections/coach.ts";
import { timelineSection } from "../sections/timeline.ts";

export function approvalsScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const rows = approvalsVM(ctx.snap, lang);
  sections.section("approvals", keyOf(lang, rows), () => [
    heading(t(lang, "ui.approvals.title")),
    rows.length === 0
      ? h("p", { class: "muted" }, t(lang, "ui.approvals.none"))
      : h(
          "ul",
          { class: "approvals", id: "approvals" },
          rows.map((row) =>
            h(
              "li",
              { "data-seat": row.id, class: `approval ${row.statusKey}` },
              h("h3", {}, flag(row.id), row.heading),
              h("p", {}, row.status),
              h(
                "ol",
                { class: "steps" },
                row.steps.map((step) =>
                  h("li", { class: step.failed ? "failed" : step.done ? "done" : "todo" }, step.label),
                ),
              ),
              row.sittings.length
                ? h(
                    "ul",
                    { class: "sittings" },
                    row.sittings.map((sitting) => h("li", {}, sitting)),
                  )
                : null,
              h("p", { class: "muted" }, `${row.clock} · ${row.lobbying}`),
              row.movedEarly ? h("p", {}, t(lang, "ui.approvals.earlyMove")) : null,
            ),
          ),
        ),
  ]);
  approvalActionsSection(sections, ctx, ctx.snap.phase === "approvals");
  coachSection(sections, ctx);
  timelineSection(sections, ctx, 15);
}
