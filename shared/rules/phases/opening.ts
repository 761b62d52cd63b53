/** Briefing, appeal and the bilateral answer (docs/game.md, "Briefing", "Appeal", "Bilateral answer"). */
import { ruleError } from "../errors.ts";
import { advanceClock, enterPhase, finish, log } from "../mechanics.ts";
import type { GameState, Seat } from "../state.ts";
import type { StateId } from "../vocabulary.ts";
import { enterApprovals, enterConsultations } from "./entry.ts";
import { requestProblem } from "../terms.ts";
import { hostIn, leaderIn, type Handler } from "./handler.ts";

/** In-game hours each step of the opening takes. */
const HOURS = { informalAppeal: 4, informal: 4, bilateral: 6, formal: 2, bilateralAnswer: 12 } as const;

export const ready: Handler<"ready"> = {
  guard: (state, seat) =>
    leaderIn(["briefing"], state, seat) ??
    (state.ready.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(state, seat) {
    state.ready.push(seat as StateId);
    log(state, seat, "log.ready");
    if (state.ready.length === state.scenario.members.length) enterPhase(state, "appeal");
    return undefined;
  },
};

export const informalAppeal: Handler<"informalAppeal"> = {
  guard(state, seat) {
    const error = leaderIn(["appeal"], state, seat);
    if (error) return error;
    if (seat === state.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    if (state.informalAppeals.includes(seat as StateId)) return ruleError("ERR_ALREADY_DONE");
    if ((state.capital[seat as StateId] ?? 0) < 1) return ruleError("ERR_NO_CAPITAL");
    return undefined;
  },
  run(state, seat, action) {
    const id = seat as StateId;
    state.capital[id] = (state.capital[id] ?? 0) - 1;
    state.informalAppeals.push(id);
    log(state, seat, "log.informalAppeal", { framing: action.framing }, action.reason);
    advanceClock(state, HOURS.informalAppeal);
    return undefined;
  },
};

export const requestAssistance: Handler<"requestAssistance"> = {
  // In consultations the host may still turn an informal or referred request into a formal one.
  guard: (state, seat) =>
    state.phase === "consultations" && state.appeal?.channel === "formal"
      ? ruleError("ERR_ALREADY_DONE")
      : hostIn(["appeal", "consultations"], state, seat),
  run(state, seat, action) {
    const { channel, article, framing, target } = action;
    if (state.phase === "consultations" && channel !== "formal") {
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "channel" });
    }
    const bad = requestProblem(action, state.scenario.host, state.scenario.members);
    if (bad) return bad;
    state.appeal = { channel, atHour: state.clock };
    if (article) state.appeal.article = article;
    if (framing && channel !== "none") state.appeal.framing = framing;
    if (channel === "bilateral" && target) state.appeal.target = target;
    log(
      state,
      seat,
      `log.request.${channel}`,
      { article: article ?? "", framing: framing ?? "", target: target ?? "" },
      action.reason,
    );
    if (channel === "none") {
      finish(state, "noRequest");
      return undefined;
    }
    advanceClock(state, HOURS[channel]);
    if (channel === "bilateral") enterPhase(state, "bilateral");
    else if (state.phase === "consultations")
      state.positions = {}; // the legal ground moved: positions are open again
    else enterConsultations(state);
    return undefined;
  },
};

export const respondBilateral: Handler<"respondBilateral"> = {
  guard: (state, seat) =>
    leaderIn(["bilateral"], state, seat) ??
    (seat === state.appeal?.target ? undefined : ruleError("ERR_NOT_YOUR_ROLE")),
  run(state, seat, action) {
    const id = seat as StateId;
    const troops = action.troops ?? 0;
    if (action.response === "assist") {
      const available = state.scenario.forces[id]?.available ?? 0;
      if (troops < 1) return ruleError("ERR_INCONSISTENT_TERMS", { field: "troops" });
      if (troops > available) return ruleError("ERR_OVER_FORCES", { troops, available });
    } else if (troops > 0) return ruleError("ERR_INCONSISTENT_TERMS", { field: "troops" });
    state.bilateralResponse = { response: action.response, troops };
    log(state, seat, `log.bilateral.${action.response}`, { troops }, action.reason);
    advanceClock(state, HOURS.bilateralAnswer);
    if (action.response === "decline") finish(state, "declined");
    else if (action.response === "referToAlliance") enterConsultations(state);
    else enterApprovals(state, { [id]: troops }, true);
    return undefined;
  },
};

/** The room clock ran out in an opening phase: the defaults of a silent table. */
export function openingTimeout(state: GameState, seat: Seat): void {
  if (state.phase === "briefing") {
    enterPhase(state, "appeal");
  } else if (state.phase === "appeal") {
    // Others carried the plea: the table talks informally. Otherwise nobody asked.
    if (state.informalAppeals.length > 0) {
      state.appeal = { channel: "informal", atHour: state.clock };
      log(state, seat, "log.request.informal", { article: "", framing: "", target: "" });
      enterConsultations(state);
    } else {
      state.appeal = { channel: "none", atHour: state.clock };
      finish(state, "noRequest");
    }
  } else if (state.phase === "bilateral") {
    state.bilateralResponse = { response: "decline", troops: 0 };
    finish(state, "declined");
  }
}
