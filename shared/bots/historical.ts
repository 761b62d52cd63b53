/**
 * The historical bot plays what the real actor did, read from its own seat's playbook (part of its
 * private brief). It reacts to proposals by form: a form the actor accepted gets its support. Each
 * step history took carries the real date and the actor's stated reason (historical-reasons.ts);
 * when it tabled the text or chairs, it answers members' concerns (historical-negotiation.ts).
 */
import type { Action, ProposalTerms } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import { FORMS, TROOP_FORMS, type Basis, type Stance, type VoteChoice } from "../rules/vocabulary.ts";
import type { Bot, BotContext } from "./bot.ts";
import { can, legalOf, stanceToVote } from "./common.ts";
import { loweredPledge, negotiate } from "./historical-negotiation.ts";
import { historicalReaction } from "./historical-reactions.ts";
import { appealReason, formReason, pledgeReason, reason, stated } from "./historical-reasons.ts";

export function createHistoricalBot(): Bot {
  return {
    kind: "historical",
    act(view, legal, context) {
      const me = view.private;
      if (!me || me.role !== "leader") return null;
      return historicalReaction(view, me, legal) ?? decide(view, me, legal, context ?? {});
    },
  };
}

function stanceOn(view: SeatView, me: LeaderPrivate): Stance {
  const form = view.proposal?.form;
  return form && me.playbook.accepts.includes(form) ? "endorse" : me.playbook.onOther;
}

const sameTerms = (a: ProposalTerms, b: ProposalTerms): boolean =>
  a.basis === b.basis &&
  a.form === b.form &&
  a.timeLimitDays === b.timeLimitDays &&
  a.tasks.join() === b.tasks.join();

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
  const form = view.decision?.terms.form;
  const severity = view.tracks.severity;
  if (track.status === "pending" && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: stated(me, "submit", reason("submit"), form) };
  if (track.status !== "failed") return null;
  // The leadership works on its own deputies once, keeping the capital a re-vote needs.
  const lobbyOwn = legalOf(legal, "lobby")?.targets?.includes(me.state) ?? false;
  if (me.playbook.lobbyOwn && track.lobbying === 0 && lobbyOwn && me.capital >= 2)
    return { type: "lobby", target: me.state, reason: stated(me, "lobby", reason("lobby"), form) };
  if (me.playbook.revote && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: stated(me, "revote", reason("revote", { severity }), form) };
  if (can(legal, "withdrawPledge"))
    return { type: "withdrawPledge", reason: stated(me, "withdraw", reason("withdraw"), form) };
  return null;
}

function consultations(
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
  context: BotContext,
): Action | null {
  const playbook = me.playbook;
  const id = me.state;
  const proposal = view.proposal;
  if (!proposal) {
    const own = playbook.proposal;
    const terms = own && lawfulTerms(own, legalOf(legal, "propose"));
    if (!own || !terms) return null;
    const fallback = sameTerms(terms, own)
      ? reason("propose.own", { form: terms.form, days: terms.timeLimitDays })
      : reason("propose.fitted", { form: terms.form });
    return {
      type: "propose",
      terms,
      reason: sameTerms(terms, own) ? stated(me, "proposal", fallback) : fallback,
    };
  }
  const negotiated = negotiate(view, me, legal);
  if (negotiated) return negotiated;
  const form = proposal.form;
  const stance = stanceOn(view, me);
  const pledge = Math.min(playbook.pledge, loweredPledge(view, id) ?? Infinity);
  const wanted =
    stance === "endorse" && TROOP_FORMS.includes(form)
      ? Math.min(pledge, legalOf(legal, "pledge")?.maxTroops ?? 0)
      : 0;
  if (can(legal, "pledge") && (proposal.contingents[id] ?? 0) !== wanted) {
    const fallback = pledgeReason(me, wanted, form);
    const historical = wanted > 0 && wanted === playbook.pledge;
    return {
      type: "pledge",
      troops: wanted,
      reason: historical ? stated(me, "pledge", fallback, form) : fallback,
    };
  }
  if (view.positions[id] !== stance && can(legal, "position")) {
    return {
      type: "position",
      stance,
      // The historical actor's stance follows the form, so that is what an objection is about.
      ...(stance === "endorse" ? {} : { concerns: ["form" as const] }),
      reason: stated(me, "stance", formReason(view, me, form, stance), form),
    };
  }
  // The chair calls the vote once everyone has spoken, or once the room's window for people has passed.
  const allSpoke = view.scenario.members.every((member) => view.positions[member]);
  if ((allSpoke || context.deliberationOver === true) && can(legal, "callVote")) {
    const format = playbook.voteFormat ?? "video";
    return { type: "callVote", format, reason: stated(me, "callVote", reason("callVote", { format }), form) };
  }
  return null;
}

function council(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const form = view.proposal?.form;
  if (!can(legal, "vote") || !form) return null;
  const playbook = me.playbook;
  const choice: VoteChoice = playbook.accepts.includes(form) ? playbook.vote : stanceToVote(playbook.onOther);
  const refuse = !!playbook.refuseToSign && choice !== "object";
  const stance: Stance = choice === "support" ? "endorse" : choice;
  return {
    type: "vote",
    choice,
    ...(refuse ? { refuseToSign: true } : {}),
    ...(choice === "support" ? {} : { concerns: ["form" as const] }),
    reason: refuse
      ? stated(me, "refuseToSign", reason("refuseToSign", { form }), form)
      : stated(me, "vote", formReason(view, me, form, stance), form),
  };
}

function deployment(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  // A parliament may still be voting while the first contingents land.
  const pending = approval(view, me, legal);
  if (pending) return pending;
  if (!can(legal, "missionDay")) return null;
  const day = view.missionDays;
  const own = me.playbook.missionDays;
  // The decision's time limit binds the host too: the real mission's length, if the text allows it.
  const limit = view.decision?.terms.timeLimitDays ?? 14;
  const end = day >= Math.min(own ?? limit, limit);
  const severity = view.tracks.severity;
  // The day now beginning, as the rules' log counts it.
  const why = end
    ? reason("missionEnd", { day: day + 1, severity })
    : reason("missionStay", { day: day + 1, severity });
  return {
    type: "missionDay",
    decision: end ? "end" : "stay",
    reason: end && own !== undefined ? stated(me, "missionEnd", why) : why,
  };
}

function decide(
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
  context: BotContext,
): Action | null {
  const playbook = me.playbook;
  switch (view.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      if (can(legal, "requestAssistance")) {
        const appeal = playbook.appeal ?? { channel: "none" as const };
        return {
          type: "requestAssistance",
          ...appeal,
          reason: stated(me, "appeal", appealReason(view, appeal)),
        };
      }
      if (playbook.informalAppeal && can(legal, "informalAppeal")) {
        return {
          type: "informalAppeal",
          framing: "domesticUnrest",
          reason: stated(me, "informalAppeal", reason("informalAppeal")),
        };
      }
      return null;
    case "bilateral": {
      if (!can(legal, "respondBilateral")) return null;
      const response = playbook.bilateralResponse ?? "decline";
      const troops = playbook.bilateralTroops ?? 1;
      const fallback = reason(`bilateral.${response}`, response === "assist" ? { troops } : undefined);
      return {
        type: "respondBilateral",
        response,
        ...(response === "assist" ? { troops } : {}),
        reason: playbook.bilateralResponse ? stated(me, "bilateral", fallback) : fallback,
      };
    }
    case "consultations":
      return consultations(view, me, legal, context);
    case "council":
      return council(view, me, legal);
    case "approvals":
      return approval(view, me, legal);
    case "deployment":
      return deployment(view, me, legal);
    case "debrief":
      return null;
  }
}
