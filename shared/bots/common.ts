/** Small helpers every bot uses. */
import type { ActionType } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { Stance, VoteChoice } from "../rules/vocabulary.ts";

export const can = (legal: readonly LegalAction[], type: ActionType): boolean =>
  legal.some((legalAction) => legalAction.type === type);

export const legalOf = (legal: readonly LegalAction[], type: ActionType): LegalAction | undefined =>
  legal.find((legalAction) => legalAction.type === type);

export function stanceToVote(stance: Stance): VoteChoice {
  return stance === "endorse" ? "support" : stance;
}
