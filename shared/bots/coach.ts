/**
 * The coach, for a human seat: for each action legal now, what it does under the rules, and what
 * the other leaders are likely to do — read only from the public part of the seat's view and the
 * public procedure tables, never from anyone's private brief.
 */
import type { ActionType, Message } from "../rules/actions.ts";
import { overclaim } from "../rules/framing.ts";
import type { LegalAction } from "../rules/legal.ts";
import { procedureFor } from "../rules/procedures.ts";
import type { SeatView } from "../rules/view.ts";
import { ART4_FRAMINGS, FRAMING_CLAIM, type Framing, type StateId } from "../rules/vocabulary.ts";

export interface CoachAdvice {
  type: ActionType;
  /** The legal effect of taking this action now. */
  effect: Message;
  /** What the others are likely to do, when the coach can tell. */
  outlook?: Message;
}

const msg = (key: string, params?: Message["params"]): Message => ({
  key: `coach.${key}`,
  ...(params ? { params } : {}),
});

function list(ids: readonly StateId[]): string {
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

export function coach(view: SeatView, legal: readonly LegalAction[]): CoachAdvice[] {
  const me = view.private?.role === "leader" ? view.private.state : undefined;
  return legal.map((legalAction): CoachAdvice => {
    switch (legalAction.type) {
      case "requestAssistance":
        return { type: legalAction.type, effect: msg("effect.requestAssistance"), outlook: art4Advice(view) };
      case "informalAppeal":
        return { type: legalAction.type, effect: msg("effect.informalAppeal") };
      case "respondBilateral":
        return {
          type: legalAction.type,
          effect: msg("effect.respondBilateral", { max: legalAction.maxTroops ?? 0 }),
        };
      case "propose":
        return {
          type: legalAction.type,
          effect: msg("effect.propose", { forms: (legalAction.forms ?? []).join(", ") }),
          ...(view.proposal ? { outlook: positionsOutlook(view) } : {}),
        };
      case "pledge":
        return { type: legalAction.type, effect: msg("effect.pledge", { max: legalAction.maxTroops ?? 0 }) };
      case "position":
        return { type: legalAction.type, effect: msg("effect.position"), outlook: positionsOutlook(view) };
      case "callVote":
      case "requestSession":
        return {
          type: legalAction.type,
          effect: msg(`effect.${legalAction.type}`),
          outlook: positionsOutlook(view),
        };
      case "vote":
        return {
          type: legalAction.type,
          effect: msg("effect.vote", { host: view.scenario.host }),
          outlook: votesOutlook(view),
        };
      case "submitApproval": {
        const outlook = me ? chamberOutlook(view, me) : undefined;
        return {
          type: legalAction.type,
          effect: msg("effect.submitApproval"),
          ...(outlook ? { outlook } : {}),
        };
      }
      case "lobby": {
        const target = legalAction.targets?.[0];
        const outlook = target ? chamberOutlook(view, target) : undefined;
        return { type: legalAction.type, effect: msg("effect.lobby"), ...(outlook ? { outlook } : {}) };
      }
      case "missionDay":
        return {
          type: legalAction.type,
          effect: msg("effect.missionDay", {
            day: view.missionDays,
            limit: view.decision?.terms.timeLimitDays ?? 0,
          }),
        };
      default:
        return { type: legalAction.type, effect: msg(`effect.${legalAction.type}`) };
    }
  });
}
