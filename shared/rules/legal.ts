/**
 * What a seat may do now. Each entry names an action type that passes its rules' guard, with the
 * bounds of its parameters, so a client can enable exactly these inputs and a bot can choose among them.
 */
import { ACTION_TYPES, type ActionType, type Message } from "./actions.ts";
import { guardFor } from "./apply.ts";
import type { ErrorCode } from "./errors.ts";
import { MAX_LOBBYING } from "./phases/approvals.ts";
import { unansweredConcerns } from "./phases/concerns.ts";
import { checkTerms } from "./phases/consultations.ts";
import type { GameState, Seat } from "./state.ts";
import { BASES, FORMS, type Basis, type Form, type StateId } from "./vocabulary.ts";

export interface LegalAction {
  type: ActionType;
  /** pledge, respondBilateral: the most troops this state can send. */
  maxTroops?: number;
  /** propose: the forms and bases lawful on the request on record, and which go together. */
  forms?: Form[];
  bases?: Basis[];
  terms?: { form: Form; basis: Basis }[];
  /** lobby: the states whose chamber still has to vote; answerConcerns: the members still unanswered. */
  targets?: StateId[];
}

export function legalActions(state: GameState, seat: Seat): LegalAction[] {
  const out: LegalAction[] = [];
  for (const type of ACTION_TYPES) {
    if (guardFor(state, seat, type)) continue;
    const entry: LegalAction = { type };
    if (type === "pledge" || type === "respondBilateral") {
      entry.maxTroops = state.scenario.forces[seat as StateId]?.available ?? 0;
    }
    if (type === "propose") {
      const tasks = ["guardSites" as const];
      entry.terms = FORMS.flatMap((form) =>
        BASES.filter((basis) => !checkTerms(state, { basis, form, tasks, timeLimitDays: 30 })).map(
          (basis) => ({ form, basis }),
        ),
      );
      entry.forms = FORMS.filter((f) => entry.terms?.some((t) => t.form === f));
      entry.bases = BASES.filter((b) => entry.terms?.some((t) => t.basis === b));
    }
    if (type === "lobby") {
      entry.targets = [];
      for (const track of Object.values(state.approvals)) {
        const open = track.status === "pending" || track.status === "failed";
        if (track.needsVote && open && track.lobbying < MAX_LOBBYING) entry.targets.push(track.state);
      }
      if (entry.targets.length === 0) continue;
    }
    if (type === "answerConcerns") entry.targets = unansweredConcerns(state);
    out.push(entry);
  }
  return out;
}

/** Whose action it is, named when the rules refuse a seat for its role (ERR_NOT_YOUR_ROLE). */
export type ActionHolder = "host" | "notHost" | "asked" | "pledged" | "deputy" | "proposer";

/** Why an action is unavailable to a seat now: the code `apply` would refuse it with. */
export interface Unavailable {
  code: ErrorCode;
  params?: Message["params"];
  /** For a refusal by role: who may take the action instead. */
  holder?: ActionHolder;
}

const HOLDERS: Partial<Record<ActionType, ActionHolder>> = {
  requestAssistance: "host",
  withdrawRequest: "host",
  missionDay: "host",
  informalAppeal: "notHost",
  pledge: "notHost",
  pressToLeave: "notHost",
  respondBilateral: "asked",
  submitApproval: "pledged",
  withdrawPledge: "pledged",
  withdrawContingent: "pledged",
  deputyVote: "deputy",
  answerConcerns: "proposer",
};

/**
 * For each action type a seat cannot take now, why not: the error of the same guard `apply` runs
 * (`guardFor`), so a client explains a disabled input as the rules would refuse it. An action the
 * guard passes but `legalActions` leaves out (a lobby with no chamber left to lobby) is ERR_NOTHING_TO_DO.
 * A caller that already has the seat's legal actions passes them, so they are not computed twice.
 */
export function unavailableActions(
  state: GameState,
  seat: Seat,
  legalNow: readonly LegalAction[] = legalActions(state, seat),
): Partial<Record<ActionType, Unavailable>> {
  const legal = new Set(legalNow.map((entry) => entry.type));
  const out: Partial<Record<ActionType, Unavailable>> = {};
  for (const type of ACTION_TYPES) {
    if (legal.has(type)) continue;
    const error = guardFor(state, seat, type);
    const entry: Unavailable = { code: error?.code ?? "ERR_NOTHING_TO_DO" };
    if (error?.message.params) entry.params = error.message.params;
    const holder = HOLDERS[type];
    if (entry.code === "ERR_NOT_YOUR_ROLE" && holder && seat !== "system") entry.holder = holder;
    out[type] = entry;
  }
  return out;
}
