/**
 * Which proposals and requests are lawful. Pure functions of the request on record, so the rules,
 * the legal-action list and the scenario checker all ask the same question the same way.
 */
import type { ProposalTerms } from "./actions.ts";
import { ruleError, type RuleError } from "./errors.ts";
import {
  ART4_FRAMINGS,
  TROOP_FORMS,
  type AppealChannel,
  type Article,
  type Framing,
  type StateId,
} from "./vocabulary.ts";

export interface RequestOnRecord {
  channel: AppealChannel;
  article?: Article | undefined;
  framing?: Framing | undefined;
  target?: StateId | undefined;
}

/** Troops, or the peacekeeping agreement, need a formal request; Art. 4 terms need an Art. 4 request. */
export function termsProblem(request: RequestOnRecord | null, terms: ProposalTerms): RuleError | undefined {
  const formal = request?.channel === "formal";
  const troops = TROOP_FORMS.includes(terms.form);
  if ((troops || terms.basis === "peacekeeping") && !formal)
    return ruleError("ERR_NEEDS_FORMAL_REQUEST", { form: terms.form });
  if (terms.basis === "art4" && !(formal && request.article === "art4")) {
    return ruleError("ERR_NEEDS_FORMAL_REQUEST", { form: terms.form });
  }
  if (terms.form === "collectiveForce" && terms.basis !== "art4")
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "basis" });
  if (terms.form === "peacekeeping" && terms.basis === "art2")
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "basis" });
  if (troops && terms.tasks.length === 0) return ruleError("ERR_INCONSISTENT_TERMS", { field: "tasks" });
  if (new Set(terms.tasks).size !== terms.tasks.length)
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "tasks" });
  return undefined;
}

/** A formal request names an article and a framing; Art. 4 needs aggression or foreign-linked terrorism. */
export function requestProblem(
  request: RequestOnRecord,
  host: StateId,
  members: readonly StateId[],
): RuleError | undefined {
  if (request.channel === "formal") {
    if (!request.article || !request.framing)
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "article" });
    if (request.article === "art4" && !ART4_FRAMINGS.includes(request.framing))
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "framing" });
  } else if (request.article) return ruleError("ERR_INCONSISTENT_TERMS", { field: "article" });
  if (
    request.channel === "bilateral" &&
    (!request.target || request.target === host || !members.includes(request.target))
  ) {
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "target" });
  }
  return undefined;
}
