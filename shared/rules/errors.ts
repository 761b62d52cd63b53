/**
 * Rejections are values, never exceptions. Each code has a translatable message in shared/i18n
 * under `error.<code>`.
 */
import type { Message } from "./actions.ts";

export const ERROR_CODES = [
  "ERR_INVALID_ACTION",
  "ERR_UNKNOWN_SEAT",
  "ERR_GAME_OVER",
  "ERR_WRONG_PHASE",
  "ERR_NOT_YOUR_ROLE",
  "ERR_ALREADY_DONE",
  "ERR_NO_PROPOSAL",
  "ERR_NOT_CHAIR",
  "ERR_OVER_FORCES",
  "ERR_NEEDS_FORMAL_REQUEST",
  "ERR_INCONSISTENT_TERMS",
  "ERR_NO_CAPITAL",
  "ERR_NOTHING_TO_DO",
  "ERR_STALE_VERSION",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RuleError {
  code: ErrorCode;
  /** What to show the player, translatable. */
  message: Message;
}

export function ruleError(code: ErrorCode, params?: Message["params"]): RuleError {
  return { code, message: params ? { key: `error.${code}`, params } : { key: `error.${code}` } };
}
