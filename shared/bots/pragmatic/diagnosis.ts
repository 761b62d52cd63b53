/**
 * A bot's judgement of the text on the table, made once per text (memory.judged): its stance, and
 * when it does not endorse, the parts it names (its concerns), whether meeting exactly those would
 * win its endorsement (a bargain: "support in exchange for a change"), and the reason it gives.
 */
import type { ProposalTerms } from "../../rules/actions.ts";
import type { SeatView } from "../../rules/view.ts";
import { CONCERNS, TROOP_FORMS } from "../../rules/vocabulary.ts";
import { aimsOf, appraise, meetParts, outsizedPledger, partsOf, termsKey } from "./appraisal.ts";
import { formCause, lawfulForms, notOurs, partWhy } from "./explain.ts";
import { formNoise, formWorth, stanceFor, TEMPERAMENTS, type Ctx, type Diagnosis } from "./judgement.ts";

type Proposal = NonNullable<SeatView["proposal"]>;

/**
 * Judges a text once a council round: the same terms get the same judgement (and, for a bot against
 * some state leading a force, the same leading pledger), however the severity drifts meanwhile.
 * After a blocked vote the capitals confer again, and a crisis that has deepened since may change
 * their minds.
 */
export function judge(ctx: Ctx, proposal: Proposal): Diagnosis {
  const minded = Object.keys(aimsOf(ctx).againstLead).length > 0;
  // The vote opens the next round: it is judged with the consultations that led to it.
  const { phase, round } = ctx.view;
  const consulted = phase === "council" ? round - 1 : round;
  const key = `${consulted}:${termsKey(proposal)}:${minded ? (outsizedPledger(proposal) ?? "-") : ""}`;
  let diagnosis = ctx.memory.judged.get(key);
  if (!diagnosis) {
    diagnosis = diagnose(ctx, proposal);
    ctx.memory.judged.set(key, diagnosis);
  }
  return diagnosis;
}

/** How far a text without troops falls short of the best force for a hard-line host that holds out. */
const HOLDOUT = 3;

/**
 * A hard-line host that asked the alliance formally for military help (under Article 4, or in a
 * grave crisis) and wants troops holds out against a text without them that falls far short of the
 * force it could have: it asked for help, not for words.
 */
function holdsOut(ctx: Ctx, proposal: ProposalTerms, u: number): boolean {
  const { view, me, temperament, prefs } = ctx;
  if (me.state !== view.scenario.host || temperament !== TEMPERAMENTS.hardline || prefs.deploy <= 0)
    return false;
  if (TROOP_FORMS.includes(proposal.form) || view.appeal?.channel !== "formal") return false;
  if (view.appeal.article !== "art4" && view.tracks.severity < 7) return false;
  const forces = lawfulForms(ctx).filter((form) => TROOP_FORMS.includes(form));
  return forces.some((form) => formWorth(ctx, form) + formNoise(ctx, form) - u >= HOLDOUT);
}

/** Whether the bot would endorse this text (worth `u` to it): its bar, and a hard-line host's holdout. */
export function endorses(ctx: Ctx, text: ProposalTerms, u: number): boolean {
  return !holdsOut(ctx, text, u) && stanceFor(ctx, u) === "endorse";
}

function diagnose(ctx: Ctx, proposal: Proposal): Diagnosis {
  const u = appraise(ctx, proposal);
  if (holdsOut(ctx, proposal, u)) {
    const why = {
      key: "concern.form.tooWeak",
      params: { form: proposal.form, severity: Math.round(ctx.view.tracks.severity) },
    };
    return { u, stance: "object", points: ["form"], asks: [], bargain: false, why };
  }
  const stance = stanceFor(ctx, u);
  if (stance === "endorse") return { u, stance, points: [], asks: [], bargain: false, why: null };
  const named = partsOf(ctx, proposal).filter((part) => part.cost >= ctx.temperament.concernAt);
  const asks = named.filter((part) => part.fixable);
  const met = appraise(ctx, meetParts(ctx, proposal, asks));
  const bargain = asks.length > 0 && stanceFor(ctx, met) === "endorse";
  const form = bargain ? null : formCause(ctx, proposal.form);
  const points = CONCERNS.filter(
    (concern) => named.some((part) => part.concern === concern) || (concern === "form" && form),
  );
  const pledgeOf = named.find((part) => part.concern === "pledge")?.pledgeOf;
  const main = bargain ? asks[0] : named[0];
  const why = bargain && main ? partWhy(main, true) : (form ?? (main ? partWhy(main, false) : null));
  return {
    u,
    stance,
    points,
    ...(pledgeOf ? { pledgeOf } : {}),
    asks: bargain ? asks : [],
    bargain,
    why: why ?? notOurs(proposal.form),
  };
}
