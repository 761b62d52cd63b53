/** Consultations over one proposal, and the council vote (GAME.md §2.3–2.4). */
import type { ProposalTerms } from "../actions.ts";
import { ruleError, type RuleError } from "../errors.ts";
import { addStanding, addTrack, advanceClock, enterPhase, finish, fireEvents, log } from "../mechanics.ts";
import type { GameState } from "../state.ts";
import { FRAMING_CLAIM, TROOP_FORMS, type StateId, type VoteFormat } from "../vocabulary.ts";
import { termsProblem } from "../terms.ts";
import { enterApprovals } from "./approvals.ts";
import { enterConsultations } from "./opening.ts";
import { hostIn, leaderIn, type Handler } from "./handler.ts";

/** Hours a council round takes in each format, and how many rounds the format allows in all. */
export const FORMAT_HOURS: Record<VoteFormat, number> = { phone: 3, video: 8, summit: 48 };
export const FORMAT_MAX_ROUNDS: Record<VoteFormat, number> = { phone: 2, video: 3, summit: 4 };

const HOURS = { propose: 2, pledge: 0.5, position: 0.5 } as const;

/** How far the request's framing claims more than the evidence shows (0 when it does not). */
export function overclaim(s: GameState): number {
  const f = s.appeal?.channel === "formal" ? s.appeal.framing : undefined;
  return f ? Math.max(0, FRAMING_CLAIM[f] - s.scenario.evidence[f]) : 0;
}

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

function enterCouncil(s: GameState, format: VoteFormat): void {
  s.round += 1;
  s.format = format;
  s.votes = {};
  s.refusedToSign = [];
  enterPhase(s, "council");
  advanceClock(s, FORMAT_HOURS[format]);
}

export const vote: Handler<"vote"> = {
  guard: (s, seat) =>
    leaderIn(["council"], s, seat) ?? (s.votes[seat as StateId] ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(s, seat, a) {
    const id = seat as StateId;
    if (a.refuseToSign && a.choice === "object")
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "refuseToSign" });
    s.votes[id] = a.choice;
    if (a.refuseToSign) s.refusedToSign.push(id);
    log(s, seat, `log.vote.${a.choice}`, { refuseToSign: a.refuseToSign ? 1 : 0 }, a.reason);
    if (s.scenario.members.every((m) => s.votes[m])) tally(s);
    return undefined;
  },
};

/** The timer ended the round: whoever has not voted stands aside. */
export function councilTimeout(s: GameState): void {
  for (const m of s.scenario.members) s.votes[m] ??= "standAside";
  tally(s);
}

/** One objection blocks; standing aside does not; the affected state must support. */
export function councilPasses(votes: GameState["votes"], host: StateId): boolean {
  return votes[host] === "support" && !Object.values(votes).includes("object");
}

function tally(s: GameState): void {
  const p = s.proposal;
  if (!p) return;
  const host = s.scenario.host;
  if (!councilPasses(s.votes, host)) {
    const format = s.format ?? "video";
    log(s, "system", "log.blocked", { round: s.round });
    if (s.round >= FORMAT_MAX_ROUNDS[format]) finish(s, "noDecision");
    else enterConsultations(s);
    return;
  }
  const terms: ProposalTerms = {
    basis: p.basis,
    form: p.form,
    tasks: [...p.tasks],
    timeLimitDays: p.timeLimitDays,
  };
  const troops = TROOP_FORMS.includes(p.form);
  s.decision = {
    passed: true,
    round: s.round,
    atHour: s.clock,
    terms,
    // Standing aside means taking no part: only the states that support send their pledges.
    contingents: troops ? supportersOnly(p.contingents, s.votes) : {},
    votes: { ...s.votes },
    refusedToSign: [...s.refusedToSign],
  };
  log(s, "system", "log.decision", { form: p.form, round: s.round });
  decisionEffects(s, troops);
  fireEvents(s, "decision", false);
  if (troops && Object.keys(s.decision.contingents).length > 0)
    enterApprovals(s, s.decision.contingents, false);
  else finish(s, troops ? "noContingents" : "nonTroopDecision");
}

function supportersOnly(
  contingents: Partial<Record<StateId, number>>,
  votes: GameState["votes"],
): Partial<Record<StateId, number>> {
  const kept: Partial<Record<StateId, number>> = {};
  for (const [id, n] of Object.entries(contingents) as [StateId, number][])
    if (votes[id] === "support") kept[id] = n;
  return kept;
}

/** What a passed decision does to the public tracks (GAME.md §3). */
function decisionEffects(s: GameState, troops: boolean): void {
  const formal = s.appeal?.channel === "formal";
  const claim = overclaim(s);
  if (formal) addTrack(s, "credibility", troops ? 2 : 1);
  if (troops) {
    // Acting on a weak framing lifts credibility a little now and costs legitimacy.
    if (claim > 2) addTrack(s, "credibility", 0.5);
    addTrack(s, "legitimacy", 0.5 - 0.3 * claim);
    if (s.decision?.terms.tasks.includes("restoreOrder")) addTrack(s, "legitimacy", -1);
  }
  for (const id of s.refusedToSign) {
    addTrack(s, "credibility", -0.5);
    addStanding(s, id, 0.5);
  }
}
