/**
 * Which inputs a seat may use, and why not: what is enabled comes from the seat's legal actions, the
 * reason for a disabled one from the code the server's rules give (`unavailable`), in plain words.
 */
import { translate, type Language } from "../../shared/i18n/index.ts";
import type {
  ActionHolder,
  ActionType,
  LegalAction,
  Message,
  Unavailable,
} from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";

export function legalOf(snap: Snapshot, type: ActionType): LegalAction | undefined {
  return snap.legal.find((entry) => entry.type === type);
}

export interface ActionState {
  enabled: boolean;
  /** Why the input is disabled, in plain words; null when enabled. */
  reason: string | null;
}

/** A refusal by role, said as who may take the action. */
const HOLDER_REASONS: Record<ActionHolder, string> = {
  host: "ui.reason.notHost",
  notHost: "ui.reason.host",
  asked: "ui.reason.notTarget",
  pledged: "ui.reason.notPledged",
  deputy: "ui.reason.deputy",
  proposer: "ui.reason.proposer",
};

/** The rules' refusal as a message: its `error.*` string, or a plainer one for a few cases. */
export function reasonMessage(unavailable: Unavailable | undefined): Message {
  if (!unavailable) return { key: "ui.reason.notNow" };
  if (unavailable.holder) return { key: HOLDER_REASONS[unavailable.holder] };
  // The rules name the field that does not fit; these two read better as plain words.
  if (unavailable.code === "ERR_INCONSISTENT_TERMS" && unavailable.params?.field === "form")
    return { key: "ui.reason.noTroopForm" };
  if (unavailable.code === "ERR_INCONSISTENT_TERMS" && unavailable.params?.field === "contingents")
    return { key: "ui.reason.noContingents" };
  // A pledge already approved is not "already withdrawn": the rules say which it is.
  if (unavailable.code === "ERR_ALREADY_DONE" && unavailable.params?.what === "approved")
    return { key: "error.pledgeApproved" };
  const key = `error.${unavailable.code}`;
  return unavailable.params ? { key, params: unavailable.params } : { key };
}

/** Whether this seat may take an action now, and if not, why. Enabled only if it is in `legal`. */
export function actionState(snap: Snapshot, type: ActionType, lang: Language): ActionState {
  if (snap.paused) return { enabled: false, reason: translate(lang, { key: "ui.reason.paused" }) };
  if (legalOf(snap, type)) return { enabled: true, reason: null };
  if (snap.seat === null) return { enabled: false, reason: translate(lang, { key: "ui.reason.spectator" }) };
  return { enabled: false, reason: translate(lang, reasonMessage(snap.unavailable[type])) };
}
