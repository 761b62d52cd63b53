/**
 * From a form's values to an action: what a DOM form read (each field's values, by name) becomes the
 * `Action` the seat sends, clamped to the bounds its legal action gives (most troops, lawful terms,
 * lobby targets). Pure: the screens read their own form element and hand the values here.
 */
import {
  APPEAL_CHANNELS,
  ARTICLES,
  BASES,
  BILATERAL_RESPONSES,
  BOT_KINDS,
  CONCERNS,
  DEPUTY_VOTES,
  FORMS,
  FRAMINGS,
  STANCES,
  STATE_IDS,
  TASKS,
  TROOP_FORMS,
  VOTE_CHOICES,
  VOTE_FORMATS,
  type Action,
  type ActionOf,
  type ActionType,
  type LegalAction,
  type StateId,
} from "../../shared/rules/index.ts";

/** The vocabulary the forms offer, for the screens (which do not read the rules themselves). */
export const CHOICES = {
  appealChannels: APPEAL_CHANNELS,
  botKinds: BOT_KINDS,
  states: STATE_IDS,
  articles: ARTICLES,
  bilateralResponses: BILATERAL_RESPONSES,
  concerns: CONCERNS,
  deputyVotes: DEPUTY_VOTES,
  framings: FRAMINGS,
  stances: STANCES,
  tasks: TASKS,
  voteChoices: VOTE_CHOICES,
  voteFormats: VOTE_FORMATS,
} as const;

/** A form's values: each field name with its values (a checked box gives "on", an unchecked none). */
export type FormValues = Readonly<Record<string, readonly string[]>>;

/** The action types a person sends from a form; the room sends the others itself. */
export const FORM_ACTIONS: readonly ActionType[] = [
  "ready",
  "informalAppeal",
  "requestAssistance",
  "respondBilateral",
  "propose",
  "pledge",
  "position",
  "answerConcerns",
  "callVote",
  "requestSession",
  "withdrawRequest",
  "vote",
  "submitApproval",
  "lobby",
  "withdrawPledge",
  "deputyVote",
  "missionDay",
  "pressToLeave",
  "withdrawContingent",
];

const first = (values: FormValues, name: string): string => values[name]?.[0] ?? "";
const isOn = (values: FormValues, name: string): boolean => (values[name] ?? []).length > 0;

function oneOf<T extends string>(list: readonly T[], value: string, fallback: T): T {
  return (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A whole number in [min, max]; anything unreadable is `fallback`. */
export function clampInt(value: string, min: number, max: number, fallback: number): number {
  const n = Math.round(Number(value));
  if (value.trim() === "" || !Number.isFinite(n)) return Math.max(min, Math.min(max, fallback));
  return Math.max(min, Math.min(max, n));
}

function proposeFrom(values: FormValues, legal: LegalAction | undefined): Action | null {
  const terms = legal?.terms ?? [];
  const fallback = terms[0];
  if (!fallback) return null;
  const form = oneOf(FORMS, first(values, "form"), fallback.form);
  const basis = oneOf(BASES, first(values, "basis"), fallback.basis);
  // A pair the rules do not allow becomes the first lawful basis for that form, or the first pair.
  const lawful =
    terms.find((pair) => pair.form === form && pair.basis === basis) ??
    terms.find((pair) => pair.form === form) ??
    fallback;
  const tasks = TASKS.filter((task) => (values.tasks ?? []).includes(task));
  // An amendment may say whose concerns it meets: the timeline shows it as the proposer's reason.
  const meets = STATE_IDS.filter((id) => (values.meets ?? []).includes(id));
  return {
    type: "propose",
    terms: {
      form: lawful.form,
      basis: lawful.basis,
      // The tasks belong to a force; a statement's form hides them, and sends none.
      tasks: TROOP_FORMS.includes(lawful.form) ? tasks : [],
      timeLimitDays: clampInt(first(values, "days"), 1, 365, 30),
    },
    ...(meets.length > 0
      ? { reason: { key: "reason.person.meets", params: { states: meets.join(", ") } } }
      : {}),
  };
}

/** The concerns an objection or a stand-aside names: the ticked parts, whose pledge, the person's line. */
function concernsFrom(values: FormValues): Pick<ActionOf<"position">, "concerns" | "pledgeOf" | "note"> {
  const concerns = CONCERNS.filter((concern) => (values.concern ?? []).includes(concern));
  const pledgeOf = first(values, "pledgeOf");
  const note = first(values, "note").trim().slice(0, 200);
  return {
    ...(concerns.length > 0 ? { concerns } : {}),
    ...(concerns.includes("pledge") && (STATE_IDS as readonly string[]).includes(pledgeOf)
      ? { pledgeOf: pledgeOf as StateId }
      : {}),
    ...(note ? { note } : {}),
  };
}

function positionFrom(values: FormValues): Action {
  const stance = oneOf(STANCES, first(values, "stance"), "endorse");
  return stance === "endorse"
    ? { type: "position", stance }
    : { type: "position", stance, ...concernsFrom(values) };
}

function requestFrom(values: FormValues): Action {
  const channel = oneOf(APPEAL_CHANNELS, first(values, "channel"), "formal");
  if (channel === "formal")
    return {
      type: "requestAssistance",
      channel,
      article: oneOf(ARTICLES, first(values, "article"), "art4"),
      framing: oneOf(FRAMINGS, first(values, "framing"), FRAMINGS[0]),
    };
  if (channel === "bilateral") {
    const target = first(values, "target");
    return (STATE_IDS as readonly string[]).includes(target)
      ? { type: "requestAssistance", channel, target: target as StateId }
      : { type: "requestAssistance", channel };
  }
  return { type: "requestAssistance", channel };
}

/**
 * The action a form's values make, or null when they make none (no lawful terms, no lobby target).
 * `legal` is the seat's legal entry for the type; its bounds clamp the values.
 */
export function actionFrom(
  type: ActionType,
  values: FormValues,
  legal: LegalAction | undefined,
): Action | null {
  switch (type) {
    case "ready":
    case "requestSession":
    case "withdrawRequest":
    case "submitApproval":
    case "withdrawPledge":
    case "pressToLeave":
    case "withdrawContingent":
      return { type };
    case "informalAppeal":
      return { type, framing: oneOf(FRAMINGS, first(values, "framing"), FRAMINGS[0]) };
    case "requestAssistance":
      return requestFrom(values);
    case "respondBilateral": {
      const response = oneOf(BILATERAL_RESPONSES, first(values, "response"), "decline");
      if (response !== "assist") return { type, response };
      const troops = clampInt(first(values, "troops"), 0, legal?.maxTroops ?? 0, 0);
      return { type, response, troops };
    }
    case "propose":
      return proposeFrom(values, legal);
    case "pledge":
      return { type, troops: clampInt(first(values, "troops"), 0, legal?.maxTroops ?? 0, 0) };
    case "position":
      return positionFrom(values);
    case "answerConcerns": {
      const targets = legal?.targets ?? [];
      const to = targets.find((id) => id === first(values, "to")) ?? targets[0];
      if (!to) return null;
      const note = first(values, "note").trim();
      return note ? { type, to, note } : { type, to };
    }
    case "callVote":
      return { type, format: oneOf(VOTE_FORMATS, first(values, "format"), "video") };
    case "vote": {
      const choice = oneOf(VOTE_CHOICES, first(values, "choice"), "standAside");
      const said = choice === "support" ? {} : concernsFrom(values);
      // Refusing to sign goes with a vote that lets the decision pass, never with an objection.
      return isOn(values, "refuseToSign") && choice !== "object"
        ? { type, choice, refuseToSign: true, ...said }
        : { type, choice, ...said };
    }
    case "lobby": {
      const targets = legal?.targets ?? [];
      const wanted = first(values, "target");
      const target = targets.find((id) => id === wanted) ?? targets[0];
      return target ? { type, target } : null;
    }
    case "deputyVote":
      return { type, vote: oneOf(DEPUTY_VOTES, first(values, "vote"), "abstain") };
    case "missionDay":
      return { type, decision: first(values, "decision") === "end" ? "end" : "stay" };
    case "timerExpired":
    case "inject":
      return null;
  }
}
