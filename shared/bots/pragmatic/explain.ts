/**
 * Why a pragmatic or hard-line bot takes a step, said from its own objectives and the state of the
 * crisis: which factor of a form weighs most with it (troops it does or does not want, the severity,
 * a form it set out for or against), and which part of a text costs it (appraisal.ts). Reason keys
 * are `reason.<why>`; every parameter is a term, a state or a number, so `translate` shows it.
 */
import type { Message } from "../../rules/actions.ts";
import { termsProblem } from "../../rules/terms.ts";
import { BASES, FORMS, TROOP_FORMS, type Form } from "../../rules/vocabulary.ts";
import type { Text } from "./appraisal.ts";
import {
  formFactors,
  formWorth,
  reason,
  type Ctx,
  type FormFactor,
  type Part,
  type Why,
} from "./judgement.ts";

export const said = (why: Why): Message => reason(why.key, why.params);

const severityOf = (ctx: Ctx): number => Math.round(ctx.view.tracks.severity);

/** The forms lawful on the request on record (a statement always is). */
export function lawfulForms(ctx: Ctx): Form[] {
  return FORMS.filter((form) =>
    BASES.some(
      (basis) =>
        !termsProblem(ctx.view.appeal, {
          basis,
          form,
          tasks: TROOP_FORMS.includes(form) ? ["guardSites"] : [],
          timeLimitDays: 30,
        }),
    ),
  );
}

/** The lawful form worth most to this bot, other than the one given. */
export function bestOtherForm(ctx: Ctx, except: Form): Form {
  let best: Form = "statement";
  let bestWorth = -Infinity;
  for (const form of lawfulForms(ctx)) {
    if (form === except) continue;
    const worth = formWorth(ctx, form);
    if (worth > bestWorth) [best, bestWorth] = [form, worth];
  }
  return best;
}

/** The reason a part of the text gives: an offer ("ask": meet it and we endorse) or a concern. */
export function partWhy(part: Part, offer: boolean): Why {
  return { key: `${offer ? "ask" : "concern"}.${part.cause}`, params: part.params };
}

/** Which factor makes this form bad for the bot, when one does; null when none of its aims is at stake. */
export function formCause(ctx: Ctx, form: Form): Why | null {
  const f = formFactors(ctx, form);
  const severity = severityOf(ctx);
  const causes: [number, Why][] = [
    [f.aim, { key: "concern.form.notWanted", params: { form, alt: bestOtherForm(ctx, form) } }],
    [f.deploy, { key: "concern.form.noTroops", params: { form, host: ctx.view.scenario.host } }],
    [f.severity, { key: "concern.form.calm", params: { form, severity } }],
    [f.tooWeak, { key: "concern.form.tooWeak", params: { form, severity } }],
    [f.decision, { key: "concern.form.noDecision", params: { form } }],
    [f.ownTroops, { key: "concern.form.ownTroops", params: { form } }],
  ];
  const [worst, why] = causes.reduce((a, b) => (b[0] < a[0] ? b : a));
  if (worst <= -0.5) return why;
  // Nothing in the form hurts, but another is clearly better: say what that one brings.
  const alt = bestOtherForm(ctx, form);
  if (formWorth(ctx, alt) < formWorth(ctx, form) + 1) return null;
  const factor = swing(ctx, form, alt);
  if (TROOP_FACTORS.includes(factor) && TROOP_FORMS.includes(alt))
    return { key: "concern.form.tooWeak", params: { form, severity } };
  if (factor === "noTroops" || factor === "deploy")
    return { key: "concern.form.noTroops", params: { form, host: ctx.view.scenario.host } };
  if (factor === "severity") return { key: "concern.form.calm", params: { form, severity } };
  return { key: "concern.form.aim", params: { form, alt } };
}

/** A stand-aside that no part of the text explains: none of the bot's aims is at stake in it. */
export const notOurs = (form: Form): Why => ({ key: "concern.notOurs", params: { form } });

/** What makes a text good for the bot, for an endorsement ("endorse.*") or a proposal ("propose.*"). */
export function supportWhy(ctx: Ctx, text: Text, prefix: "endorse" | "propose"): Why {
  const f = formFactors(ctx, text.form);
  const { form, timeLimitDays: days } = text;
  const troops = TROOP_FORMS.includes(form) ? f.deploy + f.drive + f.severity : 0;
  const options: [number, Why][] = [
    [troops, { key: `${prefix}.troops`, params: { form, days, severity: severityOf(ctx) } }],
    [f.aim, { key: `${prefix}.aim`, params: { form } }],
    [f.noTroops, { key: `${prefix}.noTroops`, params: { form, host: ctx.view.scenario.host } }],
    [f.decision, { key: `${prefix}.decision`, params: { form } }],
  ];
  const [best, why] = options.reduce((a, b) => (b[0] > a[0] ? b : a));
  if (best > 0.25) return why;
  return ctx.me.state === ctx.view.scenario.host
    ? { key: `${prefix}.host`, params: { form } }
    : { key: `${prefix}.noHarm`, params: { form, days } };
}

const TROOP_FACTORS: readonly FormFactor[] = ["deploy", "drive", "severity", "ownTroops", "tooWeak"];

/** The factor that gains (or loses) most between two forms for this bot. */
function swing(ctx: Ctx, from: Form, to: Form): FormFactor {
  const a = formFactors(ctx, from);
  const b = formFactors(ctx, to);
  let best: FormFactor = "aim";
  let gain = -Infinity;
  for (const factor of Object.keys(a) as FormFactor[]) {
    const delta = b[factor] - a[factor];
    if (delta > gain) [best, gain] = [factor, delta];
  }
  return best;
}

/** Why the bot tables `to` in place of `from`: what it gains by the change. */
export function counterWhy(ctx: Ctx, from: Form, to: Form): Why {
  const factor = swing(ctx, from, to);
  const severity = severityOf(ctx);
  const host = ctx.view.scenario.host;
  if (TROOP_FACTORS.includes(factor) || factor === "noTroops") {
    if (TROOP_FORMS.includes(to)) return { key: "counter.troops", params: { form: to, from, severity } };
    if (factor === "severity") return { key: "counter.calm", params: { form: to, from, severity } };
    return { key: "counter.noTroops", params: { form: to, from, host } };
  }
  return { key: "counter.aim", params: { form: to, from } };
}

/** Why the proposer keeps `form` rather than change it to `asked`: what it would lose. */
export function keepFormWhy(ctx: Ctx, form: Form, asked: Form): Why {
  const factor = swing(ctx, asked, form);
  const severity = severityOf(ctx);
  if (TROOP_FACTORS.includes(factor) || factor === "noTroops") {
    if (TROOP_FORMS.includes(form))
      return { key: "keep.form.troops", params: { form, alt: asked, severity } };
    if (factor === "severity") return { key: "keep.form.calm", params: { form, alt: asked, severity } };
    return { key: "keep.form.noTroops", params: { form, alt: asked, host: ctx.view.scenario.host } };
  }
  return { key: "keep.form.aim", params: { form, alt: asked } };
}
