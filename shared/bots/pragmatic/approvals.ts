/** The pragmatic bot in national approvals: its own procedure, re-votes, and lobbying partners. */
import type { Action } from "../../rules/actions.ts";
import { can, legalOf } from "../common.ts";
import { willToSend } from "./appraisal.ts";
import { noise, reason, type Ctx } from "./judgement.ts";

export function approvals(ctx: Ctx): Action | null {
  const { view, me, legal, memory, prefs } = ctx;
  const own = view.approvals[me.state];
  const lobbyLegal = legalOf(legal, "lobby");
  // Before the pledge goes to its procedure the cabinet weighs it once more at home, with half the
  // leader's own lean and what it hears there: a member whose brief keeps its troops at home keeps
  // them there if, on second thoughts, the will to send them is gone.
  if (own?.status === "pending" && !memory.reweighed && prefs.ownTroops < 0 && can(legal, "withdrawPledge")) {
    memory.reweighed = true;
    if (willToSend(ctx) - (memory.sendLean ?? 0) + noise(ctx) <= 0)
      return { type: "withdrawPledge", reason: reason("withdraw.secondThoughts") };
  }
  if (
    own &&
    own.needsVote &&
    (own.status === "pending" || own.status === "failed") &&
    lobbyLegal?.targets?.includes(me.state) &&
    !memory.lobbied.has(me.state) &&
    me.capital >= 2
  ) {
    memory.lobbied.add(me.state);
    return { type: "lobby", target: me.state, reason: reason("lobby", { target: me.state }) };
  }
  if (own?.status === "pending" && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: reason("submit") };
  if (own?.status === "failed") {
    if (memory.revotes < ctx.temperament.revotes && prefs.ownTroops >= 0 && can(legal, "submitApproval")) {
      memory.revotes += 1;
      return { type: "submitApproval", reason: reason("revote") };
    }
    if (can(legal, "withdrawPledge")) return { type: "withdrawPledge", reason: reason("withdraw") };
  }
  // A leader who wants the force to go leans on a partner's parliament that balked.
  if (lobbyLegal && (prefs.lead > 0 || prefs.deploy > 4) && me.capital >= 3) {
    const target = lobbyLegal.targets?.find(
      (other) =>
        other !== me.state && view.approvals[other]?.status === "failed" && !memory.lobbied.has(other),
    );
    if (target) {
      memory.lobbied.add(target);
      return { type: "lobby", target, reason: reason("lobby", { target }) };
    }
  }
  return null;
}
