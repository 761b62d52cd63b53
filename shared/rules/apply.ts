/**
 * The one transition function. `apply(state, seat, action)` returns the next state and the events
 * (timeline entries) it produced, or an error with a code and a translatable message. It never
 * throws on bad input and never mutates its input: it works on a copy and drops it on rejection.
 */
import { ActionSchema, type Action } from "./actions.ts";
import { ruleError, type RuleError } from "./errors.ts";
import { finish, log, recordTracks } from "./mechanics.ts";
import { approvalsTimeout, deputyVote, lobby, submitApproval, withdrawPledge } from "./phases/approvals.ts";
import {
  callVote,
  consultationsTimeout,
  pledge,
  position,
  propose,
  requestSession,
  withdrawRequest,
} from "./phases/consultations.ts";
import { answerConcerns } from "./phases/concerns.ts";
import { councilTimeout, vote } from "./phases/council.ts";
import { deploymentTimeout, missionDay, pressToLeave, withdrawContingent } from "./phases/deployment.ts";
import { isKnownSeat, type Handler, type HandlerMap } from "./phases/handler.ts";
import { inject } from "./phases/inject.ts";
import {
  informalAppeal,
  openingTimeout,
  ready,
  requestAssistance,
  respondBilateral,
} from "./phases/opening.ts";
import { cloneState, type GameState, type Seat, type TimelineEntry } from "./state.ts";

const timerExpired: Handler<"timerExpired"> = {
  guard: (_s, seat) => (seat === "system" ? undefined : ruleError("ERR_NOT_YOUR_ROLE")),
  run(state, seat) {
    log(state, seat, "log.timerExpired");
    switch (state.phase) {
      case "briefing":
      case "appeal":
      case "bilateral":
        openingTimeout(state, seat);
        break;
      case "consultations":
        consultationsTimeout(state);
        break;
      case "council":
        councilTimeout(state);
        break;
      case "approvals":
        approvalsTimeout(state);
        break;
      case "deployment":
        deploymentTimeout(state, seat);
        break;
      case "debrief":
        return ruleError("ERR_GAME_OVER");
    }
    return undefined;
  },
};

const HANDLERS = {
  ready,
  informalAppeal,
  requestAssistance,
  respondBilateral,
  propose,
  pledge,
  position,
  answerConcerns,
  callVote,
  requestSession,
  withdrawRequest,
  vote,
  submitApproval,
  lobby,
  withdrawPledge,
  deputyVote,
  missionDay,
  pressToLeave,
  withdrawContingent,
  timerExpired,
  inject,
} satisfies HandlerMap;

export type ApplyResult =
  { ok: true; state: GameState; events: TimelineEntry[] } | { ok: false; error: RuleError };

function handlerFor(action: Action): Handler<Action["type"]> {
  return HANDLERS[action.type] as Handler<Action["type"]>;
}

/** Checks the seat and the parameter-free rules; used by `apply` and by `legalActions`. */
export function guardFor(state: GameState, seat: Seat, type: Action["type"]): RuleError | undefined {
  if (state.ended) return ruleError("ERR_GAME_OVER");
  if (seat === "system" && type !== "timerExpired" && type !== "inject")
    return ruleError("ERR_NOT_YOUR_ROLE");
  return (HANDLERS[type] as Handler<Action["type"]>).guard(state, seat);
}

export function apply(state: GameState, seat: unknown, input: unknown): ApplyResult {
  if (!isKnownSeat(state, seat)) return { ok: false, error: ruleError("ERR_UNKNOWN_SEAT") };
  const parsed = ActionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: ruleError("ERR_INVALID_ACTION", { detail: parsed.error.issues[0]?.message ?? "" }),
    };
  }
  const action = parsed.data;
  const refused = guardFor(state, seat, action.type);
  if (refused) return { ok: false, error: refused };
  const draft = cloneState(state);
  const before = draft.timeline.length;
  const error = handlerFor(action).run(draft, seat, action);
  if (error) return { ok: false, error };
  // However severity got there — the clock, an event, an inject — at 10 the crisis is lost.
  if (!draft.ended && draft.tracks.severity >= 10) finish(draft, "crisisLost");
  recordTracks(draft);
  draft.version += 1;
  return { ok: true, state: draft, events: draft.timeline.slice(before) };
}
