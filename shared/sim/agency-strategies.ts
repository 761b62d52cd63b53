/**
 * The strategies the agency measure tries in one seat (docs/game.md, "Agency"): scripted bots that
 * play the seat's historical playbook except where their script says otherwise, and the pragmatic
 * and hard-line bots. Scripted moves carry no reason: these games are measured, never shown.
 */
import type { Action, ProposalTerms } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import {
  ART4_FRAMINGS,
  CONCERNS,
  FORMS,
  FRAMINGS,
  TROOP_FORMS,
  VOTE_FORMATS,
  type AppealChannel,
  type Article,
  type Basis,
  type BilateralResponse,
  type Concern,
  type Form,
  type Framing,
  type Stance,
  type StateId,
  type Task,
  type VoteFormat,
} from "../rules/vocabulary.ts";
import type { Scenario } from "../scenarios/schema.ts";
import type { Bot } from "../bots/bot.ts";
import { can, legalOf, stanceToVote } from "../bots/common.ts";
import { createBot } from "../bots/index.ts";

/** What a scripted seat does differently from its historical bot; anything unset is played as history did. */
export interface Script {
  /** The host's request. */
  appeal?: { channel: AppealChannel; article?: Article; framing?: Framing; target?: StateId };
  /** Another member carries the host's plea informally, with this framing. */
  informalAppeal?: Framing;
  /** The answer when this seat is asked bilaterally. */
  bilateral?: { response: BilateralResponse; troops?: number };
  /** Tables a proposal of this form (once a round, when the text on the table is of another form). */
  propose?: Form;
  /** The stance on every text, with one concern when it objects or stands aside. */
  stance?: Stance;
  concern?: Concern;
  /** Troops pledged to a troop form, which it then supports (0: no pledge, stance as history). */
  pledge?: number;
  /** The chair's format, or never calling the vote. */
  format?: VoteFormat | "never";
}

export interface Strategy {
  id: string;
  /** A fresh bot for one game in this seat. */
  bot(seed: string): Bot;
}

interface Memory {
  proposedRound: number;
}

const historical = createBot("historical", "agency");

/** Terms of a form lawful on the request on record: the historical proposal's basis and limit when it is that form. */
function termsFor(form: Form, legal: LegalAction, me: LeaderPrivate): ProposalTerms | undefined {
  const lawful = (legal.terms ?? []).filter((option) => option.form === form).map((option) => option.basis);
  const history = me.playbook.proposal;
  const preference: Basis[] = history?.form === form ? [history.basis] : [];
  if (form === "peacekeeping") preference.push("peacekeeping", "art4");
  else if (form === "collectiveForce") preference.push("art4");
  else preference.push("art2", "art4", "peacekeeping");
  const basis = preference.find((candidate) => lawful.includes(candidate));
  if (!basis) return undefined;
  const tasks: Task[] = TROOP_FORMS.includes(form)
    ? form === "collectiveForce"
      ? ["guardSites", "secureBorders"]
      : ["guardSites"]
    : form === "equipment"
      ? ["humanitarian"]
      : [];
  return { basis, form, tasks, timeLimitDays: history?.timeLimitDays ?? 30 };
}

function stanceOf(script: Script, me: LeaderPrivate, proposal: NonNullable<SeatView["proposal"]>): Stance {
  if (script.stance) return script.stance;
  if (script.propose === proposal.form) return "endorse";
  if (script.pledge && TROOP_FORMS.includes(proposal.form)) return "endorse";
  return me.playbook.accepts.includes(proposal.form) ? "endorse" : me.playbook.onOther;
}

function pledgeOf(script: Script, me: LeaderPrivate, view: SeatView, stance: Stance, max: number): number {
  const proposal = view.proposal;
  if (!proposal || stance !== "endorse") return 0;
  if (script.pledge !== undefined) return Math.min(script.pledge, max);
  if (script.propose === proposal.form && proposal.by === me.state)
    return Math.min(max, me.playbook.pledge || Math.ceil(max / 2));
  return Math.min(me.playbook.pledge, max);
}

/** An objection's or a stand-aside's stated concern (a pledge concern names a state that pledged). */
function concerns(script: Script, view: SeatView, stance: Stance, me: StateId) {
  if (!script.concern || stance === "endorse") return {};
  const pledged = Object.keys(view.proposal?.contingents ?? {}) as StateId[];
  const of = pledged.find((id) => id !== me) ?? pledged[0];
  return {
    concerns: [script.concern],
    ...(script.concern === "pledge" && of ? { pledgeOf: of } : {}),
  };
}

function consult(
  script: Script,
  memory: Memory,
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
): Action | null {
  const proposal = view.proposal;
  const proposeLegal = legalOf(legal, "propose");
  if (
    script.propose &&
    proposeLegal &&
    memory.proposedRound !== view.round &&
    proposal?.form !== script.propose
  ) {
    memory.proposedRound = view.round;
    const terms = termsFor(script.propose, proposeLegal, me);
    if (terms) return { type: "propose", terms };
  }
  // The playbook's own text, and whatever the historical bot does about the text rather than on it.
  const own = historical.act(view, legal);
  if (own && ["propose", "answerConcerns", "withdrawRequest", "requestAssistance"].includes(own.type))
    return own;
  if (!proposal) return null;
  const stance = stanceOf(script, me, proposal);
  const pledge = legalOf(legal, "pledge");
  if (pledge) {
    const troops = pledgeOf(script, me, view, stance, pledge.maxTroops ?? 0);
    if ((proposal.contingents[me.state] ?? 0) !== troops) return { type: "pledge", troops };
  }
  if (view.positions[me.state] !== stance && can(legal, "position"))
    return { type: "position", stance, ...concerns(script, view, stance, me.state) };
  const allSpoke = view.scenario.members.every((member) => view.positions[member]);
  if (allSpoke && can(legal, "callVote") && script.format !== "never")
    return { type: "callVote", format: script.format ?? me.playbook.voteFormat ?? "video" };
  return own?.type === "requestSession" ? own : null;
}

function council(
  script: Script,
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
): Action | null {
  if (!can(legal, "vote") || !view.proposal) return null;
  if (!script.stance && !script.propose && !script.pledge) return historical.act(view, legal);
  const stance = stanceOf(script, me, view.proposal);
  return { type: "vote", choice: stanceToVote(stance), ...concerns(script, view, stance, me.state) };
}

/** A bot that plays history in its seat except where the script says otherwise. */
export function scriptedBot(script: Script): Bot {
  const memory: Memory = { proposedRound: -1 };
  return {
    kind: "historical",
    act(view, legal) {
      const me = view.private;
      if (!me || me.role !== "leader") return null;
      if (view.phase === "appeal") {
        if (script.appeal && can(legal, "requestAssistance"))
          return { type: "requestAssistance", ...script.appeal };
        if (script.informalAppeal && can(legal, "informalAppeal"))
          return { type: "informalAppeal", framing: script.informalAppeal };
      }
      if (view.phase === "bilateral" && script.bilateral && can(legal, "respondBilateral"))
        return { type: "respondBilateral", ...script.bilateral };
      if (view.phase === "consultations") return consult(script, memory, view, me, legal);
      if (view.phase === "council") return council(script, view, me, legal);
      return historical.act(view, legal);
    },
  };
}

const scripted = (id: string, script: Script): Strategy => ({ id, bot: () => scriptedBot(script) });

/** The framing the evidence supports best (a member's informal plea uses it). */
function bestFraming(scenario: Scenario): Framing {
  return [...FRAMINGS].sort((a, b) => scenario.evidence[b] - scenario.evidence[a])[0] ?? "domesticUnrest";
}

/** Every strategy tried in a seat: what its role lets it do, and the other bot kinds. */
export function strategiesFor(scenario: Scenario, seat: StateId): Strategy[] {
  const host = seat === scenario.host;
  const available = scenario.forces[seat]?.available ?? 0;
  const out: Strategy[] = (["pragmatic", "hardline"] as const).map((kind) => ({
    id: `bot:${kind}`,
    bot: (seed: string) => createBot(kind, seed),
  }));
  if (host) {
    out.push(scripted("appeal:none", { appeal: { channel: "none" } }));
    out.push(scripted("appeal:informal", { appeal: { channel: "informal" } }));
    for (const target of scenario.members.filter((id) => id !== seat))
      out.push(scripted(`appeal:bilateral:${target}`, { appeal: { channel: "bilateral", target } }));
    for (const framing of FRAMINGS)
      out.push(
        scripted(`appeal:art2:${framing}`, { appeal: { channel: "formal", article: "art2", framing } }),
      );
    for (const framing of ART4_FRAMINGS)
      out.push(
        scripted(`appeal:art4:${framing}`, { appeal: { channel: "formal", article: "art4", framing } }),
      );
  } else {
    const framing = bestFraming(scenario);
    out.push(scripted("informalAppeal", { informalAppeal: framing }));
    out.push(scripted("bilateral:decline", { bilateral: { response: "decline" } }));
    out.push(scripted("bilateral:refer", { bilateral: { response: "referToAlliance" } }));
    if (available > 0) {
      out.push(scripted("bilateral:assist", { bilateral: { response: "assist", troops: available } }));
      out.push(scripted("pledge:none", { pledge: 0 }));
      out.push(scripted("pledge:small", { pledge: Math.max(1, Math.round(available / 10)) }));
      out.push(scripted("pledge:all", { pledge: available }));
    }
    for (const form of FORMS)
      out.push(scripted(`informalAppeal+propose:${form}`, { informalAppeal: framing, propose: form }));
  }
  for (const concern of CONCERNS) out.push(scripted(`object:${concern}`, { stance: "object", concern }));
  out.push(scripted("standAside", { stance: "standAside" }));
  out.push(scripted("supportAll", { stance: "endorse" }));
  for (const form of FORMS) out.push(scripted(`propose:${form}`, { propose: form }));
  if (seat === scenario.chair) {
    for (const format of VOTE_FORMATS) out.push(scripted(`format:${format}`, { format }));
    out.push(scripted("format:never", { format: "never" }));
  }
  return out;
}
