/**
 * The national procedure's actions: a leader submits its pledge, lobbies a chamber or withdraws; a
 * deputy votes. Offered wherever the rules allow them — in the approvals and during deployment too.
 */
import { term } from "../../../shared/i18n/index.ts";
import type { ActionType } from "../../../shared/rules/index.ts";
import type { Sections } from "../dom.ts";
import { options } from "../dom.ts";
import { CHOICES, legalOf, t } from "../../view/models.ts";
import { formKey, type ScreenCtx } from "../common.ts";
import { actionForm, field, offered, select } from "../controls.ts";

const LEADER_ACTIONS: readonly ActionType[] = ["submitApproval", "lobby", "withdrawPledge"];

/** `where`: the screen shows these forms even when none is allowed (the approvals screen, in its phase). */
export function approvalActionsSection(sections: Sections, ctx: ScreenCtx, where: boolean): void {
  const snap = ctx.snap;
  if (!snap.seat) return;
  const lang = ctx.lang;
  const deputy = snap.view.private?.role === "deputy";
  const shown = deputy
    ? offered(ctx, "deputyVote", where)
    : LEADER_ACTIONS.some((type) => offered(ctx, type, where));
  if (!shown) return;
  const targets = legalOf(snap, "lobby")?.targets ?? [];
  sections.section(
    "approval-actions",
    formKey(ctx, ["deputyVote", "submitApproval", "lobby", "withdrawPledge"], snap.phase),
    () =>
      deputy
        ? [
            actionForm(
              ctx,
              "deputyVote",
              "deputy-vote",
              t(lang, "ui.approvals.deputy"),
              [],
              CHOICES.deputyVotes.map((vote) => ({ label: term(lang, vote), values: { vote } })),
            ),
          ]
        : [
            actionForm(
              ctx,
              "submitApproval",
              "submit-approval",
              t(lang, "ui.action.submitApproval"),
              [],
              [{ label: t(lang, "ui.approvals.submit") }],
            ),
            actionForm(
              ctx,
              "lobby",
              "lobby",
              t(lang, "ui.action.lobby"),
              [
                field(
                  t(lang, "ui.approvals.lobby"),
                  select(
                    "lobby-target",
                    "target",
                    options(targets.map((x) => ({ value: x, label: term(lang, x) }))),
                  ),
                ),
              ],
              [{ label: t(lang, "ui.approvals.lobbyBtn") }],
            ),
            actionForm(
              ctx,
              "withdrawPledge",
              "withdraw-pledge",
              t(lang, "ui.action.withdrawPledge"),
              [],
              [{ label: t(lang, "ui.approvals.withdrawPledge") }],
            ),
          ],
  );
}
