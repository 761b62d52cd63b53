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
import { historicalReaction } from "./historical-reactions.ts";

const reason = (key: string, params?: Record<string, string | number>) => ({
  key: `reason.historical.${key}`,
  ...(params ? { params } : {}),
});

export function createHistoricalBot(): Bot {
  return {
    kind: "historical",
    act(view, legal) {
      const me = view.private;
      if (!me || me.role !== "leader") return null;
      return historicalReaction(view, me, legal) ?? decide(view, me, legal);
    },
  };
}

function stanceOn(view: SeatView, me: LeaderPrivate): Stance {
  const form = view.proposal?.form;
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
    const basis = preference.find((candidate) =>
      lawful.some((option) => option.form === form && option.basis === candidate),
    );
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
function approval(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const track = view.approvals[me.state];
  if (!track) return null;
  if (track.status === "pending" && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: reason("submit") };
  if (track.status === "failed") {
    if (me.playbook.revote && can(legal, "submitApproval"))
      return { type: "submitApproval", reason: reason("revote") };
    if (can(legal, "withdrawPledge")) return { type: "withdrawPledge", reason: reason("withdraw") };
  }
  return null;
}

function decide(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const playbook = me.playbook;
  const id: StateId = me.state;
  const date = view.scenario.date;
  switch (view.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      if (can(legal, "requestAssistance")) {
        const appeal = playbook.appeal ?? { channel: "none" as const };
        return { type: "requestAssistance", ...appeal, reason: reason(`appeal.${appeal.channel}`, { date }) };
      }
      if (playbook.informalAppeal && can(legal, "informalAppeal")) {
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
        response: playbook.bilateralResponse ?? "decline",
        ...(playbook.bilateralResponse === "assist" ? { troops: playbook.bilateralTroops ?? 1 } : {}),
        reason: reason(`bilateral.${playbook.bilateralResponse ?? "decline"}`, { date }),
      };
    case "consultations": {
      const proposal = view.proposal;
      if (!proposal) {
        const terms = playbook.proposal && lawfulTerms(playbook.proposal, legalOf(legal, "propose"));
        return terms ? { type: "propose", terms, reason: reason("propose", { date }) } : null;
      }
      const stance = stanceOn(view, me);
      const wanted =
        stance === "endorse" && TROOP_FORMS.includes(proposal.form)
          ? Math.min(playbook.pledge, legalOf(legal, "pledge")?.maxTroops ?? 0)
          : 0;
      if (can(legal, "pledge") && (proposal.contingents[id] ?? 0) !== wanted) {
        return {
          type: "pledge",
          troops: wanted,
          reason: reason(wanted > 0 ? "pledge" : "noPledge", { troops: wanted }),
        };
      }
      if (view.positions[id] !== stance && can(legal, "position")) {
        return {
          type: "position",
          stance,
          reason: reason(`stance.${stance}`, { form: proposal.form, date }),
        };
      }
      const allSpoke = view.scenario.members.every((member) => view.positions[member]);
      if (allSpoke && can(legal, "callVote")) {
        return {
          type: "callVote",
          format: playbook.voteFormat ?? "video",
          reason: reason("callVote", { format: playbook.voteFormat ?? "video" }),
        };
      }
      return null;
    }
    case "council": {
      if (!can(legal, "vote")) return null;
      const inForm = view.proposal && playbook.accepts.includes(view.proposal.form);
      const choice: VoteChoice = inForm ? playbook.vote : stanceToVote(playbook.onOther);
      const refuse = !!playbook.refuseToSign && choice !== "object";
      return {
        type: "vote",
        choice,
        ...(refuse ? { refuseToSign: true } : {}),
        reason: reason(refuse ? "refuseToSign" : `vote.${choice}`, { date }),
      };
    }
    case "approvals":
      return approval(view, me, legal);
    case "deployment": {
      // A parliament may still be voting while the first contingents land.
      const pending = approval(view, me, legal);
      if (pending) return pending;
      if (!can(legal, "missionDay")) return null;
      const end = view.missionDays >= (playbook.missionDays ?? view.decision?.terms.timeLimitDays ?? 14);
      return {
        type: "missionDay",
        decision: end ? "end" : "stay",
        reason: reason(end ? "missionEnd" : "missionStay", { day: view.missionDays }),
      };
    }
    case "debrief":
      return null;
  }
}
