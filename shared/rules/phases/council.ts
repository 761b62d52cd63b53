/** The council vote on the proposal (docs/game.md, "Council vote"): one objection blocks. */
import type { ProposalTerms } from "../actions.ts";
import { ruleError } from "../errors.ts";
import { overclaim } from "../framing.ts";
import { addStanding, addTrack, finish, fireEvents, log } from "../mechanics.ts";
import type { GameState } from "../state.ts";
import { TROOP_FORMS, type StateId } from "../vocabulary.ts";
import { enterApprovals, enterConsultations, FORMAT_MAX_ROUNDS } from "./entry.ts";
import { leaderIn, type Handler } from "./handler.ts";

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
