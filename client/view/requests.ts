/**
 * The host's request form: which fields each channel asks for, and the defaults a sensible leader
 * would pick — the framing the evidence supports best, under the article that framing belongs to.
 */
import {
  APPEAL_CHANNELS,
  ART4_FRAMINGS,
  FRAMINGS,
  type AppealChannel,
  type Article,
  type Framing,
  type StateId,
} from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";

export type RequestField = "article" | "framing" | "target";

/** The fields each channel asks for: a formal request names its article and framing, a bilateral one its ally. */
export const REQUEST_FIELDS: Record<AppealChannel, readonly RequestField[]> = {
  none: [],
  informal: [],
  bilateral: ["target"],
  formal: ["article", "framing"],
};

export interface RequestFormVM {
  channels: readonly AppealChannel[];
  /** The framings, strongest evidence first, each with its evidence out of 10. */
  framings: { framing: Framing; evidence: number }[];
  targets: StateId[];
  initial: { channel: AppealChannel; article: Article; framing: Framing };
}

export function requestFormVM(snap: Snapshot): RequestFormVM {
  const scenario = snap.view.scenario;
  const framings = [...FRAMINGS]
    .map((framing) => ({ framing, evidence: scenario.evidence[framing] }))
    .sort((a, b) => b.evidence - a.evidence);
  const strongest = framings[0]?.framing ?? "borderIncident";
  return {
    channels: APPEAL_CHANNELS,
    framings,
    targets: scenario.members.filter((id) => id !== scenario.host),
    initial: {
      channel: "formal",
      // An Article 4 framing asks for collective defence; any other framing opens Article 2 consultations.
      article: ART4_FRAMINGS.includes(strongest) ? "art4" : "art2",
      framing: strongest,
    },
  };
}
