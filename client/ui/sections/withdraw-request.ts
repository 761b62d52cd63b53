/** The host withdraws its request (in consultations or the Council vote): the matter ends. */
import { t } from "../../view/models.ts";
import { actionForm, type Ctx } from "../controls.ts";

export function withdrawRequestForm(ctx: Ctx): HTMLElement {
  return actionForm(
    ctx,
    "withdrawRequest",
    "withdraw-request",
    t(ctx.lang, "ui.action.withdrawRequest"),
    [],
    [{ label: t(ctx.lang, "ui.council.withdraw") }],
  );
}
