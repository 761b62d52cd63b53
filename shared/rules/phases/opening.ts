/** Briefing, appeal and the bilateral answer (GAME.md §2.1–2.2). */
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
  guard: (s, seat) =>
    leaderIn(["briefing"], s, seat) ??
    (s.ready.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(s, seat) {
    s.ready.push(seat as StateId);
    log(s, seat, "log.ready");
    if (s.ready.length === s.scenario.members.length) enterPhase(s, "appeal");
    return undefined;
  },
};

export const informalAppeal: Handler<"informalAppeal"> = {
  guard(s, seat) {
    const e = leaderIn(["appeal"], s, seat);
    if (e) return e;
    if (seat === s.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    if (s.informalAppeals.includes(seat as StateId)) return ruleError("ERR_ALREADY_DONE");
    if ((s.capital[seat as StateId] ?? 0) < 1) return ruleError("ERR_NO_CAPITAL");
    return undefined;
  },
  run(s, seat, a) {
    const id = seat as StateId;
    s.capital[id] = (s.capital[id] ?? 0) - 1;
    s.informalAppeals.push(id);
    log(s, seat, "log.informalAppeal", { framing: a.framing }, a.reason);
    advanceClock(s, HOURS.informalAppeal);
    return undefined;
  },
};

export const requestAssistance: Handler<"requestAssistance"> = {
  // In consultations the host may still turn an informal or referred request into a formal one.
  guard: (s, seat) =>
    s.phase === "consultations" && s.appeal?.channel === "formal"
      ? ruleError("ERR_ALREADY_DONE")
      : hostIn(["appeal", "consultations"], s, seat),
  run(s, seat, a) {
    const { channel, article, framing, target } = a;
    if (s.phase === "consultations" && channel !== "formal") {
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "channel" });
    }
    const bad = requestProblem(a, s.scenario.host, s.scenario.members);
    if (bad) return bad;
    s.appeal = { channel, atHour: s.clock };
    if (article) s.appeal.article = article;
    if (framing && channel !== "none") s.appeal.framing = framing;
    if (channel === "bilateral") s.appeal.target = target;
    log(
      s,
      seat,
      `log.request.${channel}`,
      { article: article ?? "", framing: framing ?? "", target: target ?? "" },
      a.reason,
    );
    if (channel === "none") {
      finish(s, "noRequest");
      return undefined;
    }
    advanceClock(s, HOURS[channel]);
    if (channel === "bilateral") enterPhase(s, "bilateral");
    else if (s.phase === "consultations")
      s.positions = {}; // the legal ground moved: positions are open again
    else enterConsultations(s);
    return undefined;
  },
};

export const respondBilateral: Handler<"respondBilateral"> = {
  guard: (s, seat) =>
    leaderIn(["bilateral"], s, seat) ??
    (seat === s.appeal?.target ? undefined : ruleError("ERR_NOT_YOUR_ROLE")),
  run(s, seat, a) {
    const id = seat as StateId;
    const troops = a.troops ?? 0;
    if (a.response === "assist") {
      const available = s.scenario.forces[id]?.available ?? 0;
      if (troops < 1) return ruleError("ERR_INCONSISTENT_TERMS", { field: "troops" });
      if (troops > available) return ruleError("ERR_OVER_FORCES", { troops, available });
    } else if (troops > 0) return ruleError("ERR_INCONSISTENT_TERMS", { field: "troops" });
    s.bilateralResponse = { response: a.response, troops };
    log(s, seat, `log.bilateral.${a.response}`, { troops }, a.reason);
    advanceClock(s, HOURS.bilateralAnswer);
    if (a.response === "decline") finish(s, "declined");
    else if (a.response === "referToAlliance") enterConsultations(s);
    else enterApprovals(s, { [id]: troops }, true);
    return undefined;
  },
};

/** The room clock ran out in an opening phase: the defaults of a silent table. */
export function openingTimeout(s: GameState, seat: Seat): void {
  if (s.phase === "briefing") {
    enterPhase(s, "appeal");
  } else if (s.phase === "appeal") {
    // Others carried the plea: the table talks informally. Otherwise nobody asked.
    if (s.informalAppeals.length > 0) {
      s.appeal = { channel: "informal", atHour: s.clock };
      log(s, seat, "log.request.informal", { article: "", framing: "", target: "" });
      enterConsultations(s);
    } else {
      s.appeal = { channel: "none", atHour: s.clock };
      finish(s, "noRequest");
    }
  } else if (s.phase === "bilateral") {
    s.bilateralResponse = { response: "decline", troops: 0 };
    finish(s, "declined");
  }
}
