/**
 * The historical bot's stated reasons. A step that happened in reality names its timeline entry
 * (`at`) and its playbook step: the rules' log gives it the entry's date and the reason the real
 * actor gave (shared/rules/mechanics.ts, `resolveReason`). A step history never took (a player
 * changed the course) gets a reason from the actor's own objectives and the public state instead.
 */
import type { PlaybookStep } from "../scenarios/schema.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import { TROOP_FORMS, type Form, type Stance, type StateId } from "../rules/vocabulary.ts";

export interface Reason {
  key: string;
  params?: Record<string, string | number>;
}

export const reason = (key: string, params?: Record<string, string | number>): Reason => ({
  key: `reason.historical.${key}`,
  ...(params ? { params } : {}),
});

/**
 * The reason the real actor gave for this step, with its date, when the step is the historical one
 * (a step about a text only on a text of the form it was about); otherwise the fallback.
 */
export function stated(me: LeaderPrivate, step: PlaybookStep, fallback: Reason, form?: Form): Reason {
  const ref = me.playbook.steps?.[step];
  if (!ref || (ref.form !== undefined && ref.form !== form)) return fallback;
  return reason("stated", { at: ref.at, step });
}

const isTroops = (form: Form): boolean => TROOP_FORMS.includes(form);

/** A positive objective on `condition`, as the bot's brief weighs it. */
function wants(
  me: LeaderPrivate,
  test: (condition: LeaderPrivate["objectives"][number]["condition"]) => boolean,
) {
  return me.objectives.some((objective) => objective.weight > 0 && test(objective.condition));
}

/** The actor wants troops of the alliance (or its own) on the ground. */
export function wantsTroops(me: LeaderPrivate): boolean {
  return wants(
    me,
    (c) =>
      (c.type === "deployed" && c.value) ||
      (c.type === "ownTroopsAbroad" && c.value) ||
      (c.type === "leadNation" && c.state === me.state),
  );
}

/** Why the actor takes this stance on a form, read off its objectives and the severity of the crisis. */
export function formReason(view: SeatView, me: LeaderPrivate, form: Form, stance: Stance): Reason {
  const severity = view.tracks.severity;
  const troops = isTroops(form);
  if (stance === "endorse") {
    if (wants(me, (c) => c.type === "form" && c.forms.includes(form))) return reason("form.wanted", { form });
    if (troops && wantsTroops(me)) return reason("form.troopsNeeded", { severity });
    return reason("form.acceptable", { form });
  }
  const avoided = me.objectives.some(
    (o) => o.weight < 0 && o.condition.type === "form" && o.condition.forms.includes(form),
  );
  if (avoided) return reason("form.avoided", { form });
  if (troops && wants(me, (c) => c.type === "deployed" && !c.value)) return reason("form.noForce", { form });
  if (troops && wants(me, (c) => c.type === "ownTroopsAbroad" && !c.value))
    return reason("form.ownTroopsHome", { form });
  const stronger = wants(
    me,
    (c) => (c.type === "form" && !c.forms.includes(form)) || (c.type === "deployed" && c.value),
  );
  if (stronger) return reason("form.tooLittle", { form, severity });
  return reason("form.notAccepted", { form });
}

/** The request, when the playbook holds no stated reason for it. */
export function appealReason(
  view: SeatView,
  appeal: { channel: string; article?: string | undefined; target?: StateId | undefined },
): Reason {
  switch (appeal.channel) {
    case "formal":
      return reason("appeal.formal", { article: appeal.article ?? "art2", severity: view.tracks.severity });
    case "bilateral":
      return reason("appeal.bilateral", { target: appeal.target ?? "RU" });
    case "informal":
      return reason("appeal.informal");
    default:
      return reason("appeal.none");
  }
}

/** A pledge, when the playbook holds no stated reason for it. */
export function pledgeReason(me: LeaderPrivate, troops: number, form: Form): Reason {
  if (troops === 0) return reason("noPledge", { form });
  return wants(me, (c) => c.type === "leadNation" && c.state === me.state)
    ? reason("pledge.lead", { troops })
    : reason("pledge.share", { troops, form });
}
