/**
 * The historical bot plays what the real actor did, read from its own seat's playbook (part of its
 * private brief). It reacts to proposals by form: a form the actor accepted gets its support.
 */
import type { Action, ProposalTerms } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import {
  FORMS,
  TROOP_FORMS,
  type Basis,
  type Stance,
  type StateId,
  type VoteChoice,
} from "../rules/vocabulary.ts";
import type { Bot } from "./bot.ts";
import { can, legalOf, stanceToVote } from "./common.ts";

const reason = (key: string, params?: Record<string, string | number>) => ({
  key: `reason.historical.${key}`,
  ...(params ? { params } : {}),
});

export function createHistoricalBot(): Bot {
  return {
    kind: "historical",
    act(v, legal) {
      const me = v.private;
      if (!me || me.role !== "leader") return null;
      return decide(v, me, legal);
    },
  };
}

function stanceOn(v: SeatView, me: LeaderPrivate): Stance {
  const form = v.proposal?.form;
  return form && me.playbook.accepts.includes(form) ? "endorse" : me.playbook.onOther;
}

/**
 * The real proposal, fitted to the request on record: if a player asked in another way than history
 * did, the actor tables the strongest lawful form no stronger than its own, on a lawful basis.
 */
function lawfulTerms(terms: ProposalTerms, legal: LegalAction | undefined): ProposalTerms | undefined {
  const lawful = legal?.terms ?? [];
  const preference: Basis[] = [terms.basis, "art4", "peacekeeping", "art2"];
  for (const form of FORMS.slice(0, FORMS.indexOf(terms.form) + 1).reverse()) {
    const basis = preference.find((b) => lawful.some((t) => t.form === form && t.basis === b));
    if (!basis) continue;
    const troops = TROOP_FORMS.includes(form);
    return {
      ...terms,
      form,
      basis,
      tasks: troops && terms.tasks.length === 0 ? ["guardSites"] : terms.tasks,
    };
  }
  return undefined;
}

/** This state's own national approval, as the real actor handled it. */
function approval(v: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const t = v.approvals[me.state];
  if (!t) return null;
  if (t.status === "pending" && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: reason("submit") };
  if (t.status === "failed") {
    if (me.playbook.revote && can(legal, "submitApproval"))
      return { type: "submitApproval", reason: reason("revote") };
    if (can(legal, "withdrawPledge")) return { type: "withdrawPledge", reason: reason("withdraw") };
  }
  return null;
}

function decide(v: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const pb = me.playbook;
  const id: StateId = me.state;
  const date = v.scenario.date;
  switch (v.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      if (can(legal, "requestAssistance")) {
        const a = pb.appeal ?? { channel: "none" as const };
        return { type: "requestAssistance", ...a, reason: reason(`appeal.${a.channel}`, { date }) };
      }
      if (pb.informalAppeal && can(legal, "informalAppeal")) {
        return {
          type: "informalAppeal",
          framing: "domesticUnrest",
          reason: reason("informalAppeal", { date }),
        };
      }
      return null;
    case "bilateral":
      if (!can(legal, "respondBilateral")) return null;
      return {
        type: "respondBilateral",
        response: pb.bilateralResponse ?? "decline",
        ...(pb.bilateralResponse === "assist" ? { troops: pb.bilateralTroops ?? 1 } : {}),
        reason: reason(`bilateral.${pb.bilateralResponse ?? "decline"}`, { date }),
      };
    case "consultations": {
      const p = v.proposal;
      if (!p) {
        const terms = pb.proposal && lawfulTerms(pb.proposal, legalOf(legal, "propose"));
        return terms ? { type: "propose", terms, reason: reason("propose", { date }) } : null;
      }
      const stance = stanceOn(v, me);
      const wanted =
        stance === "endorse" && TROOP_FORMS.includes(p.form)
          ? Math.min(pb.pledge, legalOf(legal, "pledge")?.maxTroops ?? 0)
          : 0;
      if (can(legal, "pledge") && (p.contingents[id] ?? 0) !== wanted) {
        return {
          type: "pledge",
          troops: wanted,
          reason: reason(wanted > 0 ? "pledge" : "noPledge", { troops: wanted }),
        };
      }
      if (v.positions[id] !== stance && can(legal, "position")) {
        return { type: "position", stance, reason: reason(`stance.${stance}`, { form: p.form, date }) };
      }
      const allSpoke = v.scenario.members.every((m) => v.positions[m]);
      if (allSpoke && can(legal, "callVote")) {
        return {
          type: "callVote",
          format: pb.voteFormat ?? "video",
          reason: reason("callVote", { format: pb.voteFormat ?? "video" }),
        };
      }
      return null;
    }
    case "council": {
      if (!can(legal, "vote")) return null;
      const inForm = v.proposal && pb.accepts.includes(v.proposal.form);
      const choice: VoteChoice = inForm ? pb.vote : stanceToVote(pb.onOther);
      const refuse = !!pb.refuseToSign && choice !== "object";
      return {
        type: "vote",
        choice,
        ...(refuse ? { refuseToSign: true } : {}),
        reason: reason(refuse ? "refuseToSign" : `vote.${choice}`, { date }),
      };
    }
    case "approvals":
      return approval(v, me, legal);
    case "deployment": {
      // A parliament may still be voting while the first contingents land.
      const pending = approval(v, me, legal);
      if (pending) return pending;
      if (!can(legal, "missionDay")) return null;
      const end = v.missionDays >= (pb.missionDays ?? v.decision?.terms.timeLimitDays ?? 14);
      return {
        type: "missionDay",
        decision: end ? "end" : "stay",
        reason: reason(end ? "missionEnd" : "missionStay", { day: v.missionDays }),
      };
    }
    case "debrief":
      return null;
  }
}
