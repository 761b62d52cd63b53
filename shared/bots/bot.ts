/**
 * A bot is a player: it sees only its own seat's view and the legal actions, and answers with an
 * action (which still goes through `apply`) or null when it has nothing to do now.
 */
import type { Action } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { SeatView } from "../rules/view.ts";
import type { BotKind } from "../rules/vocabulary.ts";

export interface Bot {
  readonly kind: BotKind;
  /** The next action for this view, or null to wait (for others, or for the timer). */
  act(view: SeatView, legal: readonly LegalAction[]): Action | null;
}
