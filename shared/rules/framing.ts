/**
 * How far a request's framing claims more than the evidence shows. One definition for the rules
 * (a passed decision's legitimacy, the deputies' votes) and for the bots, which read the same public
 * facts from their view.
 */
import type { Appeal } from "./state.ts";
import { FRAMING_CLAIM, type Framing } from "./vocabulary.ts";

/** The request on record and the scenario's public evidence: a game state or any seat's view has both. */
export interface ClaimOnRecord {
  appeal: Pick<Appeal, "channel" | "framing"> | null;
  scenario: { evidence: Readonly<Record<Framing, number>> };
}

/** The overclaim of a formal request's framing (0 when it claims no more than the evidence, or is not formal). */
export function overclaim({ appeal, scenario }: ClaimOnRecord): number {
  const framing = appeal?.channel === "formal" ? appeal.framing : undefined;
  return framing ? Math.max(0, FRAMING_CLAIM[framing] - scenario.evidence[framing]) : 0;
}
