/**
 * A bot is a player: it sees only its own seat's view and the legal actions, and answers with an
 * action (which still goes through `apply`) or null when it has nothing to do now.
 */
import type { Action } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { SeatView } from "../rules/view.ts";
import type { BotKind } from "../rules/vocabulary.ts";

/** What the table tells a bot beyond its seat's view. The simulator has no people and tells nothing. */
export interface BotContext {
  /**
   * The room's deliberation window has passed: a chair need not wait any longer for people who have
   * not taken a position (docs/game.md, "Turn discipline and pace").
   */
  deliberationOver?: boolean;
}

export interface Bot {
  readonly kind: BotKind;
  /** The next action for this view, or null to wait (for others, or for the timer). */
  act(view: SeatView, legal: readonly LegalAction[], context?: BotContext): Action | null;
}
