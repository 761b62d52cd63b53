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
import { concernParams, recordConcerns, statedConcerns } from "./concerns.ts";
import { enterCouncil } from "./entry.ts";
import { hostIn, leaderIn, type Handler } from "./handler.ts";

const HOURS = { propose: 2, pledge: 0.5, position: 0.5 } as const;

/** Whether terms are lawful given the request on record; the reason when not. */
export function checkTerms(state: GameState, terms: ProposalTerms): RuleError | undefined {
  return termsProblem(state.appeal, terms);
}

const sameTerms = (a: ProposalTerms, b: ProposalTerms): boolean =>
  a.basis === b.basis &&
  a.form === b.form &&
  a.timeLimitDays === b.timeLimitDays &&
  a.tasks.length === b.tasks.length &&
  a.tasks.every((task, i) => b.tasks[i] === task);

const needsProposal = (state: GameState): RuleError | undefined =>
  state.proposal ? undefined : ruleError("ERR_NO_PROPOSAL");

export const propose: Handler<"propose"> = {
  guard: (state, seat) => leaderIn(["consultations"], state, seat),
  run(state, seat, action) {
    const terms = action.terms;
    const bad = checkTerms(state, terms);
    if (bad) return bad;
    if (state.proposal && sameTerms(state.proposal, terms)) return ruleError("ERR_NOTHING_TO_DO");
    const keepPledges = TROOP_FORMS.includes(terms.form) ? (state.proposal?.contingents ?? {}) : {};
    const amended = state.proposal !== null;
    state.proposal = {
      ...terms,
      tasks: [...terms.tasks],
      by: seat as StateId,
      contingents: { ...keepPledges },
    };
    // New text: earlier endorsements, and concerns about the old words, were for other words.
    state.positions = { [seat as StateId]: "endorse" };
    state.concerns = {};
    log(
      state,
      seat,
      amended ? "log.amend" : "log.propose",
      { form: terms.form, basis: terms.basis, days: terms.timeLimitDays },
      action.reason,
    );
    advanceClock(state, HOURS.propose);
    return undefined;
  },
};

export const pledge: Handler<"pledge"> = {
  guard(state, seat) {
    const error = leaderIn(["consultations"], state, seat) ?? needsProposal(state);
    if (error) return error;
    if (seat === state.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    if (!TROOP_FORMS.includes(state.proposal?.form ?? "statement"))
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "form" });
    // A state with no forces to offer has nothing to pledge.
    const available = state.scenario.forces[seat as StateId]?.available ?? 0;
    if (available === 0) return ruleError("ERR_OVER_FORCES", { troops: 1, available });
    return undefined;
  },
  run(state, seat, action) {
    const id = seat as StateId;
    const available = state.scenario.forces[id]?.available ?? 0;
    if (action.troops > available) return ruleError("ERR_OVER_FORCES", { troops: action.troops, available });
    const proposal = state.proposal;
    if (!proposal) return ruleError("ERR_NO_PROPOSAL");
    if ((proposal.contingents[id] ?? 0) === action.troops) return ruleError("ERR_NOTHING_TO_DO");
    const { [id]: _previous, ...others } = proposal.contingents;
    proposal.contingents = action.troops === 0 ? others : { ...others, [id]: action.troops };
    log(state, seat, "log.pledge", { troops: action.troops }, action.reason);
    advanceClock(state, HOURS.pledge);
    return undefined;
  },
};

export const position: Handler<"position"> = {
  guard: (state, seat) => leaderIn(["consultations"], state, seat) ?? needsProposal(state),
  run(state, seat, action) {
    const id = seat as StateId;
    const stated = statedConcerns(state, action.stance, action);
    if ("code" in stated) return stated;
    const changed = recordConcerns(state, id, stated.concerns);
    if (state.positions[id] === action.stance && !changed) return ruleError("ERR_ALREADY_DONE");
    state.positions[id] = action.stance;
    const key = stated.concerns ? `log.position.${action.stance}Over` : `log.position.${action.stance}`;
    log(state, seat, key, concernParams(stated.concerns), action.reason);
    advanceClock(state, HOURS.position);
    return undefined;
  },
};

function readyForVote(state: GameState): RuleError | undefined {
  const proposal = state.proposal;
  if (!proposal) return ruleError("ERR_NO_PROPOSAL");
  if (TROOP_FORMS.includes(proposal.form) && Object.keys(proposal.contingents).length === 0) {
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "contingents" });
  }
  return undefined;
}

export const callVote: Handler<"callVote"> = {
  guard: (state, seat) =>
    leaderIn(["consultations"], state, seat) ??
    (seat === state.scenario.chair ? readyForVote(state) : ruleError("ERR_NOT_CHAIR")),
  run(state, seat, action) {
    log(state, seat, "log.callVote", { format: action.format }, action.reason);
    enterCouncil(state, action.format);
    return undefined;
  },
};

export const requestSession: Handler<"requestSession"> = {
  guard: (state, seat) =>
    leaderIn(["consultations"], state, seat) ??
    readyForVote(state) ??
    (state.sessionRequests.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(state, seat, action) {
    state.sessionRequests.push(seat as StateId);
    log(state, seat, "log.requestSession", undefined, action.reason);
    // Any two members can force an extraordinary session when the chair stalls.
    if (state.sessionRequests.length >= 2) enterCouncil(state, "video");
    return undefined;
  },
};

export const withdrawRequest: Handler<"withdrawRequest"> = {
  guard: (state, seat) => hostIn(["consultations", "council"], state, seat),
  run(state, seat, action) {
    log(state, seat, "log.withdrawRequest", undefined, action.reason);
    finish(state, "requestWithdrawn");
    return undefined;
  },
};

/** The timer ran out: a proposal ready for a vote goes to one (video); otherwise the matter lapses. */
export function consultationsTimeout(state: GameState): void {
  if (readyForVote(state)) finish(state, "noDecision");
  else enterCouncil(state, "video");
}
