/**
 * The map, the deployment's screen: the crisis, each contingent on its way, the host's daily choice,
 * the others' pressure and withdrawal — and the national procedures still open during deployment.
 */
import type { ActionType } from "../../../shared/rules/index.ts";
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { mapVM, myState, t } from "../../view/models.ts";
import { flag, formKey, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, offered } from "../controls.ts";
import { approvalActionsSection } from "../sections/approval-actions.ts";
import { coachSection } from "../sections/coach.ts";
import { mapLegendSection } from "../sections/map-legend.ts";
import { timelineSection } from "../sections/timeline.ts";

const DEPLOY_ACTIONS: readonly ActionType[] = ["missionDay", "pressToLeave", "withdrawContingent"];

function deployActions(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const me = myState(ctx.snap);
  if (!me) return;
  const inDeployment = ctx.snap.phase === "deployment";
  const host = me === ctx.snap.view.scenario.host;
  const shown = DEPLOY_ACTIONS.filter((type) =>
    offered(ctx, type, inDeployment && (type === "missionDay" ? host : !host)),
  );
  if (shown.length === 0) return;
  const forms: Record<string, () => HTMLElement> = {
    missionDay: () =>
      actionForm(
        ctx,
        "missionDay",
        "mission-day",
        t(lang, "ui.action.missionDay"),
        [],
        [
          { label: t(lang, "ui.deploy.stay"), id: "mission-stay", values: { decision: "stay" } },
          { label: t(lang, "ui.deploy.end"), id: "mission-end", values: { decision: "end" } },
        ],
      ),
    pressToLeave: () =>
      actionForm(
        ctx,
        "pressToLeave",
        "press",
        t(lang, "ui.action.pressToLeave"),
        [],
        [{ label: t(lang, "ui.deploy.press") }],
      ),
    withdrawContingent: () =>
      actionForm(
        ctx,
        "withdrawContingent",
        "withdraw-contingent",
        t(lang, "ui.action.withdrawContingent"),
        [],
        [{ label: t(lang, "ui.deploy.withdraw") }],
      ),
  };
  sections.section("deploy-actions", formKey(ctx, [...DEPLOY_ACTIONS], shown), () =>
    shown.map((type) => (forms[type] as () => HTMLElement)()),
  );
}

export function mapScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const map = mapVM(ctx.snap, lang);
  sections.section(
    "map-facts",
    keyOf(
      lang,
      map.crisis.label,
      map.sitesLine,
      map.liesIn,
      map.mission,
      map.tokens.map((token) => token.label),
    ),
    () => [
      heading(t(lang, "ui.map.title")),
      h("p", { id: "crisis-place" }, map.crisis.label),
      map.liesIn ? h("p", { class: "muted" }, map.liesIn) : null,
      map.sitesLine ? h("p", { id: "crisis-sites", class: "muted" }, map.sitesLine) : null,
      map.mission ? h("p", {}, map.mission) : null,
      heading(t(lang, "ui.map.contingents"), "h3"),
      map.tokens.length === 0
        ? h("p", { class: "muted" }, t(lang, "ui.map.none"))
        : h(
            "ul",
            { id: "contingents" },
            map.tokens.map((token) => h("li", {}, flag(token.id), token.label)),
          ),
    ],
  );
  mapLegendSection(sections, lang);
  deployActions(sections, ctx);
  approvalActionsSection(sections, ctx, false);
  coachSection(sections, ctx);
  timelineSection(sections, ctx, 15);
}
