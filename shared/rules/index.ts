/** The rules of Unanimity: one transition function, legal actions, views, outcome and replay. */
export * from "./vocabulary.ts";
export * from "./actions.ts";
export * from "./errors.ts";
export * from "./state.ts";
export * from "./setup.ts";
export { apply, type ApplyResult } from "./apply.ts";
export {
  legalActions,
  unavailableActions,
  type ActionHolder,
  type LegalAction,
  type Unavailable,
} from "./legal.ts";
export { awaitedSeats } from "./awaiting.ts";
export {
  view,
  spectatorView,
  type SeatView,
  type PublicView,
  type LeaderPrivate,
  type DeputyPrivate,
} from "./view.ts";
export { compareWithHistory, outcomeOf, type Facts, type GameOutcome, type ScoreCard } from "./outcome.ts";
export { replay, type GameRecord, type LoggedAction } from "./replay.ts";
export { campaignOrder, carryForward, type CampaignCarry } from "./campaign.ts";
export { procedureFor, PROCEDURES, type Procedure } from "./procedures.ts";
export { councilPasses } from "./phases/council.ts";
export { needsVote, FORMAT_HOURS, FORMAT_MAX_ROUNDS } from "./phases/entry.ts";
export { unansweredConcerns } from "./phases/concerns.ts";
