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
function art4Advice(v: SeatView): Message {
  const ev = v.scenario.evidence;
  const best = [...ART4_FRAMINGS].sort((a, b) => ev[b] - ev[a])[0] as Framing;
  const gap = overclaim({ appeal: { channel: "formal", framing: best }, scenario: v.scenario });
  return gap > 2
    ? msg("outlook.art4Weak", { framing: best, evidence: ev[best], claim: FRAMING_CLAIM[best] })
    : msg("outlook.art4Sound", { framing: best, evidence: ev[best] });
}

function positionsOutlook(v: SeatView): Message {
  const m = v.scenario.members;
  const by = (s: string) => m.filter((x) => v.positions[x] === s);
  const objecting = by("object");
  if (objecting.length > 0) return msg("outlook.blocked", { states: list(objecting) });
  return msg("outlook.positions", {
    endorse: by("endorse").length,
    standAside: by("standAside").length,
    silent: m.filter((x) => !v.positions[x]).length,
  });
}

function votesOutlook(v: SeatView): Message {
  const m = v.scenario.members;
  const objecting = m.filter((x) => v.votes[x] === "object");
  if (objecting.length > 0) return msg("outlook.blocked", { states: list(objecting) });
  const endorsing = m.filter((x) => v.positions[x] === "endorse").length;
  return msg("outlook.votes", { cast: Object.keys(v.votes).length, of: m.length, endorsing });
}

/** What the approval model expects of a state's next sitting (from the public view). */
function chamberOutlook(v: SeatView, state: StateId): Message | undefined {
  const f = v.approvals[state]?.forecast;
  const chamber = procedureFor(state, v.scenario.date)?.chamber;
  if (!f || !chamber) return undefined;
  const body = { body_en: chamber.body.en, body_ru: chamber.body.ru };
  return f.expectedPresent < f.quorum
    ? msg("outlook.noQuorum", { ...body, present: f.expectedPresent, quorum: f.quorum })
    : msg("outlook.chamber", { ...body, expected: f.expectedYes, needed: f.needed });
}

export function coach(v: SeatView, legal: readonly LegalAction[]): CoachAdvice[] {
  const me = v.private?.role === "leader" ? v.private.state : undefined;
  return legal.map((l): CoachAdvice => {
    switch (l.type) {
      case "requestAssistance":
        return { type: l.type, effect: msg("effect.requestAssistance"), outlook: art4Advice(v) };
      case "informalAppeal":
        return { type: l.type, effect: msg("effect.informalAppeal") };
      case "respondBilateral":
        return { type: l.type, effect: msg("effect.respondBilateral", { max: l.maxTroops ?? 0 }) };
      case "propose":
        return {
          type: l.type,
          effect: msg("effect.propose", { forms: (l.forms ?? []).join(", ") }),
          outlook: v.proposal ? positionsOutlook(v) : undefined,
        };
      case "pledge":
        return { type: l.type, effect: msg("effect.pledge", { max: l.maxTroops ?? 0 }) };
      case "position":
        return { type: l.type, effect: msg("effect.position"), outlook: positionsOutlook(v) };
      case "callVote":
      case "requestSession":
        return { type: l.type, effect: msg(`effect.${l.type}`), outlook: positionsOutlook(v) };
      case "vote":
        return {
          type: l.type,
          effect: msg("effect.vote", { host: v.scenario.host }),
          outlook: votesOutlook(v),
        };
      case "submitApproval": {
        const outlook = me ? chamberOutlook(v, me) : undefined;
        return { type: l.type, effect: msg("effect.submitApproval"), ...(outlook ? { outlook } : {}) };
      }
      case "lobby": {
        const target = l.targets?.[0];
        const outlook = target ? chamberOutlook(v, target) : undefined;
        return { type: l.type, effect: msg("effect.lobby"), ...(outlook ? { outlook } : {}) };
      }
      case "missionDay":
        return {
          type: l.type,
          effect: msg("effect.missionDay", {
            day: v.missionDays,
            limit: v.decision?.terms.timeLimitDays ?? 0,
          }),
        };
      default:
        return { type: l.type, effect: msg(`effect.${l.type}`) };
    }
  });
}
