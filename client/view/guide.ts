/**
 * The guided crisis: before a player acts in each step of a first solo game, the coach says what the
 * step is, what this seat may do in it, and what the rules make of it. Pure: which step a snapshot is
 * in, and its text for this seat's role (host, chair, another member).
 */
import type { Language } from "../../shared/i18n/index.ts";
import { PHASES } from "../../shared/rules/vocabulary.ts";
import { myState, type Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";

/** The steps of a crisis in the order a player meets them: its phases. */
export const GUIDE_STEPS = PHASES;
export type GuideStepName = (typeof GUIDE_STEPS)[number];

/** Steps whose text differs for the host, for the chair, and for the others. */
const BY_ROLE: readonly GuideStepName[] = ["appeal", "bilateral", "consultations"];

export interface GuideStep {
  /** Unique within a game: the step, once acknowledged, is not shown again. */
  key: string;
  heading: string;
  body: string;
}

export function guideStep(snap: Snapshot, lang: Language): GuideStep | null {
  const me = myState(snap);
  if (!me) return null;
  const phase = snap.view.phase;
  if (!GUIDE_STEPS.includes(phase)) return null;
  const { host, chair } = snap.view.scenario;
  const role = me === host ? "host" : me === chair ? "chair" : "member";
  const key = BY_ROLE.includes(phase) ? `ui.guide.${phase}.${role}` : `ui.guide.${phase}`;
  const n = GUIDE_STEPS.indexOf(phase) + 1;
  return {
    key: `${snap.view.scenario.id}:${phase}`,
    heading: t(lang, "ui.guide.heading", {
      n,
      of: GUIDE_STEPS.length,
      // A localized parameter: a plain one would be read as a term (the phase's own name).
      step_en: t("en", `ui.guide.step.${phase}`),
      step_ru: t("ru", `ui.guide.step.${phase}`),
    }),
    body: t(lang, key, { state: me, host, chair }),
  };
}
