/**
 * Consultations over one proposal (docs/game.md, "Consultations"): tabling and amending it, pledges,
 * positions, and calling the council's vote. The host may withdraw its request here or in the vote.
 */
import type { ProposalTerms } from "../actions.ts";
import { ruleError, type RuleError } from "../errors.ts";
import { advanceClock, finish, log } from "../mechanics.ts";
import type { GameState } from "../state.ts";
import { termsProblem } from "../terms.ts";
import { TROOP_FORMS, type StateId } from "../vocabulary.ts";
import { enterCouncil } from "./entry.ts";
import { hostIn, leaderIn, type Handler } from "./handler.ts";

const HOURS = { propose: 2, pledge: 0.5, position: 0.5 } as const;

/** Whether terms are lawful given the request on record; the reason when not. */
export function checkTerms(s: GameState, t: ProposalTerms): RuleError | undefined {
  return termsProblem(s.appeal, t);
}

const sameTerms = (a: ProposalTerms, b: ProposalTerms): boolean =>
  a.basis === b.basis &&
  a.form === b.form &&
  a.timeLimitDays === b.timeLimitDays &&
  a.tasks.length === b.tasks.length &&
  a.tasks.every((t, i) => b.tasks[i] === t);

const needsProposal = (s: GameState): RuleError | undefined =>
  s.proposal ? undefined : ruleError("ERR_NO_PROPOSAL");

export const propose: Handler<"propose"> = {
  guard: (s, seat) => leaderIn(["consultations"], s, seat),
  run(s, seat, a) {
    const t = a.terms;
    const bad = checkTerms(s, t);
    if (bad) return bad;
    if (s.proposal && sameTerms(s.proposal, t)) return ruleError("ERR_NOTHING_TO_DO");
    const keepPledges = TROOP_FORMS.includes(t.form) ? (s.proposal?.contingents ?? {}) : {};
    const amended = s.proposal !== null;
    s.proposal = { ...t, tasks: [...t.tasks], by: seat as StateId, contingents: { ...keepPledges } };
    // New text: earlier endorsements were for other words.
    s.positions = { [seat as StateId]: "endorse" };
    log(
      s,
      seat,
      amended ? "log.amend" : "log.propose",
      { form: t.form, basis: t.basis, days: t.timeLimitDays },
      a.reason,
    );
    advanceClock(s, HOURS.propose);
    return undefined;
  },
};

export const pledge: Handler<"pledge"> = {
  guard(s, seat) {
    const e = leaderIn(["consultations"], s, seat) ?? needsProposal(s);
    if (e) return e;
    if (seat === s.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    if (!TROOP_FORMS.includes(s.proposal?.form ?? "statement"))
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "form" });
    // A state with no forces to offer has nothing to pledge.
    const available = s.scenario.forces[seat as StateId]?.available ?? 0;
    if (available === 0) return ruleError("ERR_OVER_FORCES", { troops: 1, available });
    return undefined;
  },
  run(s, seat, a) {
    const id = seat as StateId;
    const available = s.scenario.forces[id]?.available ?? 0;
    if (a.troops > available) return ruleError("ERR_OVER_FORCES", { troops: a.troops, available });
    const proposal = s.proposal;
    if (!proposal) return ruleError("ERR_NO_PROPOSAL");
    if ((proposal.contingents[id] ?? 0) === a.troops) return ruleError("ERR_NOTHING_TO_DO");
    const { [id]: _previous, ...others } = proposal.contingents;
    proposal.contingents = a.troops === 0 ? others : { ...others, [id]: a.troops };
    log(s, seat, "log.pledge", { troops: a.troops }, a.reason);
    advanceClock(s, HOURS.pledge);
    return undefined;
  },
};

export const position: Handler<"position"> = {
  guard: (s, seat) => leaderIn(["consultations"], s, seat) ?? needsProposal(s),
  run(s, seat, a) {
    const id = seat as StateId;
    if (s.positions[id] === a.stance) return ruleError("ERR_ALREADY_DONE");
    s.positions[id] = a.stance;
    log(s, seat, `log.position.${a.stance}`, undefined, a.reason);
    advanceClock(s, HOURS.position);
    return undefined;
  },
};

function readyForVote(s: GameState): RuleError | undefined {
  const p = s.proposal;
  if (!p) return ruleError("ERR_NO_PROPOSAL");
  if (TROOP_FORMS.includes(p.form) && Object.keys(p.contingents).length === 0) {
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "contingents" });
  }
  return undefined;
}

export const callVote: Handler<"callVote"> = {
  guard: (s, seat) =>
    leaderIn(["consultations"], s, seat) ??
    (seat === s.scenario.chair ? readyForVote(s) : ruleError("ERR_NOT_CHAIR")),
  run(s, seat, a) {
    log(s, seat, "log.callVote", { format: a.format }, a.reason);
    enterCouncil(s, a.format);
    return undefined;
  },
};

export const requestSession: Handler<"requestSession"> = {
  guard: (s, seat) =>
    leaderIn(["consultations"], s, seat) ??
    readyForVote(s) ??
    (s.sessionRequests.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(s, seat, a) {
    s.sessionRequests.push(seat as StateId);
    log(s, seat, "log.requestSession", undefined, a.reason);
    // Any two members can force an extraordinary session when the chair stalls.
    if (s.sessionRequests.length >= 2) enterCouncil(s, "video");
    return undefined;
  },
};

export const withdrawRequest: Handler<"withdrawRequest"> = {
  guard: (s, seat) => hostIn(["consultations", "council"], s, seat),
  run(s, seat, a) {
    log(s, seat, "log.withdrawRequest", undefined, a.reason);
    finish(s, "requestWithdrawn");
    return undefined;
  },
};

/** The timer ran out: a proposal ready for a vote goes to one (video); otherwise the matter lapses. */
export function consultationsTimeout(s: GameState): void {
  if (readyForVote(s)) finish(s, "noDecision");
  else enterCouncil(s, "video");
}
