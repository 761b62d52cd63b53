/**
 * The coach, for a human seat: for each action this seat can take now, what it does under the rules,
 * and what the others are likely to do — each thing said once, beside the action it matters most to.
 * It reads only the public part of the seat's view and the public procedure tables, never anyone's
 * private brief; how the bots would react to an objection comes from the server (`forecast.ts`),
 * which the seat's private view carries, and the coach only puts it into words.
 */
import type { ActionType, Message } from "../rules/actions.ts";
import { overclaim } from "../rules/framing.ts";
import type { LegalAction } from "../rules/legal.ts";
import { procedureFor } from "../rules/procedures.ts";
import type { Concerns } from "../rules/state.ts";
import type { SeatView } from "../rules/view.ts";
import { ART4_FRAMINGS, FRAMING_CLAIM, type Framing, type StateId } from "../rules/vocabulary.ts";
import type { Forecast } from "./negotiation.ts";

/** One sentence of a forecast: what this seat might say, and what the bot answering it would do. */
export interface CoachSentence {
  when: Message;
  then: Message;
  /** The bot's own reason for it, when it gives one. */
  why?: Message;
}

export interface CoachAdvice {
  type: ActionType;
  /** The legal effect of taking this action now. */
  effect: Message;
  /** What the others are likely to do, when the coach can tell (said once, beside one action). */
  outlook?: Message;
  /** Further things that concern this seat about this action (its own concerns, those it must answer). */
  notes?: Message[];
  /** position: how the bot that must answer is likely to react to each thing this seat could say. */
  forecasts?: CoachSentence[];
}

const msg = (key: string, params?: Message["params"]): Message => ({
  key: `coach.${key}`,
  ...(params ? { params } : {}),
});

function list(ids: readonly string[]): string {
  return ids.join(", ");
}

/** The framing with the best evidence for an Article 4 request, and how far it would overclaim. */
function art4Advice(view: SeatView): Message {
  const evidence = view.scenario.evidence;
  const best = [...ART4_FRAMINGS].sort((a, b) => evidence[b] - evidence[a])[0] as Framing;
  const gap = overclaim({ appeal: { channel: "formal", framing: best }, scenario: view.scenario });
  return gap > 2
    ? msg("outlook.art4Weak", { framing: best, evidence: evidence[best], claim: FRAMING_CLAIM[best] })
    : msg("outlook.art4Sound", { framing: best, evidence: evidence[best] });
}

function positionsOutlook(view: SeatView): Message {
  const members = view.scenario.members;
  const by = (stance: string) => members.filter((member) => view.positions[member] === stance);
  const objecting = by("object");
  if (objecting.length > 0) return msg("outlook.blocked", { states: list(objecting) });
  return msg("outlook.positions", {
    endorse: by("endorse").length,
    standAside: by("standAside").length,
    silent: members.filter((member) => !view.positions[member]).length,
  });
}

function votesOutlook(view: SeatView): Message {
  const members = view.scenario.members;
  const objecting = members.filter((member) => view.votes[member] === "object");
  if (objecting.length > 0) return msg("outlook.blocked", { states: list(objecting) });
  const endorsing = members.filter((member) => view.positions[member] === "endorse").length;
  return msg("outlook.votes", { cast: Object.keys(view.votes).length, of: members.length, endorsing });
}

/** What the approval model expects of a state's next sitting (from the public view). */
function chamberOutlook(view: SeatView, state: StateId): Message | undefined {
  const forecast = view.approvals[state]?.forecast;
  const chamber = procedureFor(state, view.scenario.date)?.chamber;
  if (!forecast || !chamber) return undefined;
  const body = { body_en: chamber.body.en, body_ru: chamber.body.ru };
  return forecast.expectedPresent < forecast.quorum
    ? msg("outlook.noQuorum", { ...body, present: forecast.expectedPresent, quorum: forecast.quorum })
    : msg("outlook.chamber", { ...body, expected: forecast.expectedYes, needed: forecast.needed });
}

/** Whether lobbying a state's chamber could help: it wins votes, but it brings no absent deputy in. */
function lobbyOutlook(view: SeatView, state: StateId): Message[] {
  const forecast = view.approvals[state]?.forecast;
  const chamber = procedureFor(state, view.scenario.date)?.chamber;
  if (!forecast || !chamber) return [];
  const body = { state, body_en: chamber.body.en, body_ru: chamber.body.ru };
  if (forecast.expectedPresent < forecast.quorum)
    return [
      msg("note.lobbyNoQuorum", { ...body, present: forecast.expectedPresent, quorum: forecast.quorum }),
    ];
  if (forecast.expectedYes >= forecast.needed) return [];
  return [msg("note.lobbyShort", { ...body, expected: forecast.expectedYes, needed: forecast.needed })];
}

const partsOf = (concerns: readonly Concerns[]): string =>
  list([...new Set(concerns.flatMap((stated) => stated.points))]);

/** For whoever may answer: the members whose concerns wait, and what they name. */
function toAnswer(view: SeatView, targets: readonly StateId[]): Message | undefined {
  const waiting = targets.flatMap((id) => view.concerns[id] ?? []);
  if (waiting.length === 0) return undefined;
  return msg("note.toAnswer", { states: list(targets), parts: partsOf(waiting) || "form" });
}

/** For this seat, when it has stated concerns: whether they are answered. */
function ownConcerns(view: SeatView, me: StateId | undefined): Message | undefined {
  const mine = me ? view.concerns[me] : undefined;
  if (!mine || mine.points.length === 0) return undefined;
  return msg(mine.answered ? "note.mineAnswered" : "note.mineWaiting", { parts: list(mine.points) });
}

/** For a member who may amend while concerns are on record: what an amendment would have to meet. */
function toMeet(view: SeatView): Message | undefined {
  const stated = Object.entries(view.concerns) as [StateId, Concerns][];
  if (!view.proposal || stated.length === 0) return undefined;
  const named = stated.filter(([, concerns]) => concerns.points.length > 0);
  if (named.length === 0) return undefined;
  return msg("note.toMeet", {
    states: list(named.map(([id]) => id)),
    parts: partsOf(named.map(([, concerns]) => concerns)),
  });
}

/** The table-wide outlooks go beside the first of these actions the seat can take. */
const OUTLOOK_ORDER: readonly ActionType[] = ["position", "vote", "callVote", "requestSession", "propose"];

/** Advice for one action, before each thing is said only once. */
function adviceFor(view: SeatView, legalAction: LegalAction, me: StateId | undefined): CoachAdvice {
  const type = legalAction.type;
  const notes = (...messages: (Message | undefined)[]) => {
    const said = messages.filter((message): message is Message => message !== undefined);
    return said.length > 0 ? { notes: said } : {};
  };
  switch (type) {
    case "requestAssistance":
      return { type, effect: msg("effect.requestAssistance"), outlook: art4Advice(view) };
    case "respondBilateral":
      return { type, effect: msg("effect.respondBilateral", { max: legalAction.maxTroops ?? 0 }) };
    case "propose":
      return {
        type,
        effect: msg("effect.propose", { forms: list(legalAction.forms ?? []) }),
        ...(view.proposal ? { outlook: positionsOutlook(view) } : {}),
        ...notes(toMeet(view)),
      };
    case "pledge":
      return { type, effect: msg("effect.pledge", { max: legalAction.maxTroops ?? 0 }) };
    case "position":
      return {
        type,
        effect: msg("effect.position"),
        outlook: positionsOutlook(view),
        ...notes(ownConcerns(view, me)),
      };
    case "answerConcerns":
      return {
        type,
        effect: msg("effect.answerConcerns"),
        ...notes(toAnswer(view, legalAction.targets ?? [])),
      };
    case "callVote":
    case "requestSession":
      return { type, effect: msg(`effect.${type}`), outlook: positionsOutlook(view) };
    case "vote":
      return { type, effect: msg("effect.vote", { host: view.scenario.host }), outlook: votesOutlook(view) };
    case "submitApproval": {
      const outlook = me ? chamberOutlook(view, me) : undefined;
      return { type, effect: msg("effect.submitApproval"), ...(outlook ? { outlook } : {}) };
    }
    case "lobby": {
      // Only the chambers where lobbying could change the result: short of yes votes, or short of a quorum.
      const [outlook, ...more] = (legalAction.targets ?? []).flatMap((target) => lobbyOutlook(view, target));
      return { type, effect: msg("effect.lobby"), ...(outlook ? { outlook } : {}), ...notes(...more) };
    }
    case "missionDay":
      return {
        type,
        effect: msg("effect.missionDay", {
          day: view.missionDays + 1,
          limit: view.decision?.terms.timeLimitDays ?? 0,
        }),
      };
    default:
      return { type, effect: msg(`effect.${type}`) };
  }
}

/** Actions only the room takes (the clock, the facilitator): never advice for a person. */
const ROOM_ONLY: readonly ActionType[] = ["timerExpired", "inject"];

export function coach(
  view: SeatView,
  legal: readonly LegalAction[],
  forecasts: readonly Forecast[] = [],
): CoachAdvice[] {
  const me = view.private?.role === "leader" ? view.private.state : undefined;
  const own = legal.filter((legalAction) => !ROOM_ONLY.includes(legalAction.type));
  const advice = own.map((legalAction) => adviceFor(view, legalAction, me));
  // Each outlook once: beside the action it matters most to, then in the order of the actions.
  const rank = (type: ActionType) => {
    const at = OUTLOOK_ORDER.indexOf(type);
    return at === -1 ? OUTLOOK_ORDER.length : at;
  };
  const said = new Set<string>();
  const fresh = (message: Message) => {
    const key = JSON.stringify(message);
    if (said.has(key)) return false;
    said.add(key);
    return true;
  };
  for (const entry of [...advice].sort((a, b) => rank(a.type) - rank(b.type))) {
    const notes = (entry.notes ?? []).filter(fresh);
    if (entry.outlook && !fresh(entry.outlook)) delete entry.outlook;
    if (notes.length > 0) entry.notes = notes;
    else delete entry.notes;
  }
  const sentences = forecastSentences(forecasts);
  const position = advice.find((entry) => entry.type === "position");
  if (position && sentences.length > 0) position.forecasts = sentences;
  return advice;
}

/** Forecasts with the same reaction, said together. */
function reactionKey(forecast: Forecast): string {
  const { stance: _stance, concern: _concern, pledgeOf: _pledgeOf, ...reaction } = forecast;
  return JSON.stringify({ ...reaction, reason: reaction.reason?.key });
}

function whenOf(group: readonly Forecast[]): Message[] {
  const out: Message[] = [];
  for (const stance of ["endorse", "standAside"] as const)
    if (group.some((forecast) => forecast.stance === stance && !forecast.concern))
      out.push(msg(`if.${stance}`));
  if (group.some((forecast) => forecast.stance === "object" && !forecast.concern)) out.push(msg("if.object"));
  const parts = [...new Set(group.flatMap((forecast) => (forecast.concern ? [forecast.concern] : [])))];
  if (parts.length > 0)
    out.push(msg(parts.length === 1 ? "if.objectOver" : "if.objectOverAny", { parts: list(parts) }));
  return out;
}

function thenOf(forecast: Forecast): Message {
  const by = forecast.by;
  switch (forecast.reaction) {
    case "amend": {
      const terms = forecast.terms;
      return msg("then.amend", {
        by,
        parts: list(forecast.changes?.length ? forecast.changes : ["form"]),
        form: terms?.form ?? "",
        basis: terms?.basis ?? "",
        days: terms?.timeLimitDays ?? 0,
      });
    }
    case "answer":
    case "callVote":
    case "none":
      return msg(`then.${forecast.reaction}`, { by });
  }
}

/**
 * The forecasts in words: one sentence per reaction and per kind of thing said ("if you object over
 * the time limit or the tasks, Kazakhstan is likely to amend…"), and one for all the rest.
 */
export function forecastSentences(forecasts: readonly Forecast[]): CoachSentence[] {
  const first = forecasts[0];
  if (!first) return [];
  if (forecasts.every((forecast) => forecast.reaction === "none"))
    return [{ when: msg("if.anything"), then: thenOf(first) }];
  const groups = new Map<string, Forecast[]>();
  for (const forecast of forecasts) {
    if (forecast.reaction === "none") continue;
    const key = reactionKey(forecast);
    groups.set(key, [...(groups.get(key) ?? []), forecast]);
  }
  const out: CoachSentence[] = [];
  for (const group of groups.values()) {
    const head = group[0] as Forecast;
    for (const when of whenOf(group))
      out.push({ when, then: thenOf(head), ...(head.reason ? { why: head.reason } : {}) });
  }
  const quiet = forecasts.find((forecast) => forecast.reaction === "none");
  if (quiet) out.push({ when: msg("if.otherwise"), then: thenOf(quiet) });
  return out;
}
