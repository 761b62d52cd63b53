/**
 * The pragmatic and hard-line bots: they weigh each choice against their own objectives (read from
 * their private brief) and the public facts — the evidence for the framing, the crisis severity —
 * with a little seeded noise, so the game is not on rails. The hard-line temperament blocks readily,
 * pledges little and bargains hard.
 */
import type { Action, Message, ProposalTerms } from "../rules/actions.ts";
import { overclaim } from "../rules/framing.ts";
import type { LegalAction } from "../rules/legal.ts";
import { Rng, seedToRng } from "../rules/rng.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import {
  ART4_FRAMINGS,
  FORMS,
  FRAMINGS,
  TROOP_FORMS,
  type Basis,
  type BotKind,
  type Form,
  type Framing,
  type Stance,
  type StateId,
  type Task,
} from "../rules/vocabulary.ts";
import type { Bot } from "./bot.ts";
import { can, legalOf } from "./common.ts";
import { preferencesOf, type Preferences } from "./preferences.ts";

export interface Temperament {
  /** At or above this utility a bot endorses and supports. */
  endorseAt: number;
  /** At or below this utility it objects (and so blocks). */
  objectAt: number;
  /** Share of its available forces it pledges when it backs a force. */
  pledgeShare: number;
  /** Re-votes it will call after its parliament says no. */
  revotes: number;
  /** Size of the random element in its judgements. */
  noise: number;
}

export const TEMPERAMENTS: Record<Exclude<BotKind, "historical">, Temperament> = {
  pragmatic: { endorseAt: 0.5, objectAt: -4, pledgeShare: 0.5, revotes: 2, noise: 2.5 },
  hardline: { endorseAt: 3, objectAt: -1, pledgeShare: 0.25, revotes: 1, noise: 1.5 },
};

/** How much better a form must be before a bot that does not object bothers to amend. */
const AMEND_GAIN = 3;

const reason = (key: string, params?: Message["params"]): Message => ({
  key: `reason.${key}`,
  ...(params ? { params } : {}),
});

/** What a bot remembers within one game, so it does not repeat itself. */
interface Memory {
  passes: number;
  amendedInRound: number;
  lobbied: Set<StateId>;
  revotes: number;
  lastSignature: string;
  /** The bot's judgement of each text it has seen, so it does not flip on a fresh draw of noise. */
  judged: Map<string, { u: number; stance: Stance }>;
}

export function createPragmaticBot(kind: "pragmatic" | "hardline", seed: string): Bot {
  const rng = new Rng(seedToRng(seed));
  const t = TEMPERAMENTS[kind];
  const memory: Memory = {
    passes: 0,
    amendedInRound: -1,
    lobbied: new Set(),
    revotes: 0,
    lastSignature: "",
    judged: new Map(),
  };
  let prefs: Preferences | undefined;
  return {
    kind,
    act(v, legal) {
      const me = v.private;
      if (!me || me.role !== "leader") return null;
      prefs ??= preferencesOf(me.objectives, me.state);
      return decide({ v, me, legal, prefs, t, rng, memory });
    },
  };
}

interface Ctx {
  v: SeatView;
  me: LeaderPrivate;
  legal: readonly LegalAction[];
  prefs: Preferences;
  t: Temperament;
  rng: Rng;
  memory: Memory;
}

const noise = (c: Ctx): number => (c.rng.next() - 0.5) * 2 * c.t.noise;

/** What a proposal of this form is worth to this leader. */
function utility(c: Ctx, form: Form): number {
  const { v, prefs, me } = c;
  const troops = TROOP_FORMS.includes(form);
  let u = prefs.forms[form] + 0.3 * prefs.decision;
  if (troops) {
    u += prefs.deploy + 0.5 * prefs.speed + 0.5 * prefs.lead;
    if ((v.proposal?.contingents[me.state] ?? 0) > 0) u += prefs.ownTroops;
    // Others weigh the evidence: a framing stronger than the facts is a risk to them.
    if (me.state !== v.scenario.host) u -= 0.6 * overclaim(v);
    u += 0.5 * (v.tracks.severity - 5);
  } else {
    u -= 0.3 * Math.max(0, prefs.deploy);
    if (me.state !== v.scenario.host) u += 0.3 * Math.max(0, -prefs.deploy);
  }
  return u;
}

function stanceFor(c: Ctx, u: number): Stance {
  const isHost = c.me.state === c.v.scenario.host;
  if (u >= c.t.endorseAt || (isHost && u > c.t.objectAt)) return "endorse";
  return u <= c.t.objectAt ? "object" : "standAside";
}

function termsFor(c: Ctx, form: Form, legal: LegalAction): ProposalTerms {
  const lawful = (legal.terms ?? []).filter((t) => t.form === form).map((t) => t.basis);
  const preference: Basis[] =
    form === "peacekeeping" ? ["peacekeeping", "art4", "art2"] : ["art4", "art2", "peacekeeping"];
  const basis = preference.find((b) => lawful.includes(b)) ?? "art2";
  const tasks: Task[] = TROOP_FORMS.includes(form)
    ? ["guardSites"]
    : form === "equipment"
      ? ["humanitarian"]
      : [];
  if (form === "collectiveForce") tasks.push("secureBorders");
  return { basis, form, tasks, timeLimitDays: c.prefs.speed > 0 ? 14 : 30 };
}

/** The lawful form this leader likes best, if it is worth proposing. */
function bestForm(c: Ctx): Form | undefined {
  const forms = legalOf(c.legal, "propose")?.forms ?? [];
  let best: Form | undefined;
  let bestU = -Infinity;
  for (const f of FORMS) {
    if (!forms.includes(f)) continue;
    const u = utility(c, f) + noise(c) / 2;
    if (u > bestU) [best, bestU] = [f, u];
  }
  return bestU >= c.t.endorseAt ? best : undefined;
}

function decide(c: Ctx): Action | null {
  const { v, legal } = c;
  switch (v.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      return appeal(c);
    case "bilateral":
      return bilateral(c);
    case "consultations":
      return consult(c);
    case "council":
      return vote(c);
    case "approvals":
      return approvals(c);
    case "deployment":
      return deployment(c);
    case "debrief":
      return null;
  }
}

function appeal(c: Ctx): Action | null {
  const { v, prefs, me } = c;
  if (can(c.legal, "informalAppeal")) {
    const wants = prefs.deploy + prefs.decision + noise(c);
    if (wants > 3 && me.capital >= 2)
      return { type: "informalAppeal", framing: "domesticUnrest", reason: reason("informalAppeal") };
    return null;
  }
  if (!can(c.legal, "requestAssistance")) return null;
  const wantHelp = prefs.deploy + prefs.formal + 0.5 * prefs.decision + (v.tracks.severity - 5) + noise(c);
  // A bilateral route against what the alliance route is worth to this host.
  const allianceRoute = prefs.formal + 0.5 * prefs.decision + 0.5 * prefs.deploy;
  if (prefs.bilateral > 0 && prefs.bilateral + noise(c) > allianceRoute) {
    const target = strongest(v);
    if (target)
      return {
        type: "requestAssistance",
        channel: "bilateral",
        target,
        reason: reason("appeal.bilateral", { target }),
      };
  }
  if (wantHelp <= 0) {
    return v.informalAppeals.length > 0
      ? { type: "requestAssistance", channel: "informal", reason: reason("appeal.informal") }
      : { type: "requestAssistance", channel: "none", reason: reason("appeal.none") };
  }
  // The strongest case the evidence will bear — a pragmatic host may stretch it a little.
  const ev = v.scenario.evidence;
  const art4: Framing = [...ART4_FRAMINGS].sort((a, b) => ev[b] - ev[a])[0] ?? "externalAggression";
  const stretch = prefs.deploy > 0 ? 2 + noise(c) : 0;
  if (ev[art4] + stretch >= 5) {
    return {
      type: "requestAssistance",
      channel: "formal",
      article: "art4",
      framing: art4,
      reason: reason("appeal.formal", { article: "art4", framing: art4, evidence: ev[art4] }),
    };
  }
  const best: Framing = [...FRAMINGS].sort((a, b) => ev[b] - ev[a])[0] ?? "borderIncident";
  return {
    type: "requestAssistance",
    channel: "formal",
    article: "art2",
    framing: best,
    reason: reason("appeal.formal", { article: "art2", framing: best, evidence: ev[best] }),
  };
}

function strongest(v: SeatView): StateId | undefined {
  let best: StateId | undefined;
  for (const m of v.scenario.members) {
    if (m === v.scenario.host) continue;
    if (!best || (v.scenario.forces[m]?.available ?? 0) > (v.scenario.forces[best]?.available ?? 0)) best = m;
  }
  return best;
}

function bilateral(c: Ctx): Action | null {
  const l = legalOf(c.legal, "respondBilateral");
  if (!l) return null;
  const { prefs } = c;
  if (prefs.ownTroops + prefs.bilateral + noise(c) > 1) {
    const troops = Math.max(1, Math.round((l.maxTroops ?? 0) * c.t.pledgeShare));
    if ((l.maxTroops ?? 0) > 0)
      return {
        type: "respondBilateral",
        response: "assist",
        troops,
        reason: reason("bilateral.assist", { troops }),
      };
  }
  if (prefs.decision + noise(c) >= 0)
    return {
      type: "respondBilateral",
      response: "referToAlliance",
      reason: reason("bilateral.referToAlliance"),
    };
  return { type: "respondBilateral", response: "decline", reason: reason("bilateral.decline") };
}

/** Judges a text once: the same terms get the same stance in consultations and in the vote. */
function judge(c: Ctx, p: NonNullable<SeatView["proposal"]>): { u: number; stance: Stance } {
  const key = `${p.form}:${p.basis}:${p.timeLimitDays}:${p.tasks.join("+")}`;
  let j = c.memory.judged.get(key);
  if (!j) {
    const u = utility(c, p.form) + noise(c) / 4;
    j = { u, stance: stanceFor(c, u) };
    c.memory.judged.set(key, j);
  }
  return j;
}

function consult(c: Ctx): Action | null {
  const { v, me, legal, memory } = c;
  memory.passes += 1;
  const p = v.proposal;
  const isChair = me.state === v.scenario.chair;
  const isHost = me.state === v.scenario.host;
  const proposeLegal = legalOf(legal, "propose");
  if (!p) {
    if (!proposeLegal || !(isChair || isHost || memory.passes > 2)) return null;
    const form = bestForm(c);
    return form
      ? { type: "propose", terms: termsFor(c, form, proposeLegal), reason: reason("propose", { form }) }
      : null;
  }
  const signature = `${v.round}:${p.form}:${p.basis}:${p.timeLimitDays}`;
  if (signature !== memory.lastSignature) {
    memory.lastSignature = signature;
    memory.passes = 0;
  }
  const { u, stance } = judge(c, p);
  // Bargain once a round: amend towards a form worth clearly more than the one on the table.
  if (proposeLegal && memory.amendedInRound !== v.round) {
    memory.amendedInRound = v.round;
    const form = bestForm(c);
    if (form && form !== p.form && (stance === "object" || utility(c, form) >= u + AMEND_GAIN)) {
      return { type: "propose", terms: termsFor(c, form, proposeLegal), reason: reason("amend", { form }) };
    }
  }
  const pledge = legalOf(legal, "pledge");
  if (pledge && !isHost) {
    const share = c.t.pledgeShare + (c.prefs.lead > 0 ? 0.4 : 0) + (c.prefs.ownTroops < 0 ? -1 : 0);
    const wanted =
      stance === "endorse" && share > 0
        ? Math.max(1, Math.round((pledge.maxTroops ?? 0) * Math.min(1, share)))
        : 0;
    const capped = Math.min(wanted, pledge.maxTroops ?? 0);
    if ((p.contingents[me.state] ?? 0) !== capped) {
      return {
        type: "pledge",
        troops: capped,
        reason: reason(capped > 0 ? "pledge" : "noPledge", { troops: capped }),
      };
    }
  }
  if (v.positions[me.state] !== stance && can(legal, "position")) {
    const weak = stance === "object" && overclaim(v) >= 3;
    const framing = v.appeal?.framing ?? "";
    return {
      type: "position",
      stance,
      reason: reason(weak ? "stance.weakEvidence" : `stance.${stance}`, { form: p.form, framing }),
    };
  }
  const allSpoke = v.scenario.members.every((m) => v.positions[m]);
  if (can(legal, "callVote") && (allSpoke || memory.passes > 3)) {
    const format = c.prefs.speed > 0 ? "phone" : "video";
    return { type: "callVote", format, reason: reason("callVote", { format }) };
  }
  if (!isChair && can(legal, "requestSession") && stance === "endorse" && memory.passes > 4) {
    return { type: "requestSession", reason: reason("requestSession") };
  }
  return null;
}

function vote(c: Ctx): Action | null {
  const { v, me } = c;
  if (!can(c.legal, "vote") || !v.proposal) return null;
  const { stance } = judge(c, v.proposal);
  const choice = stance === "endorse" ? "support" : stance;
  // The host that wanted troops and got words signs nothing: a public signal, not a veto.
  const refuse =
    me.state === v.scenario.host &&
    choice === "support" &&
    !TROOP_FORMS.includes(v.proposal.form) &&
    c.prefs.deploy > 3;
  return {
    type: "vote",
    choice,
    ...(refuse ? { refuseToSign: true } : {}),
    reason: reason(refuse ? "refuseToSign" : `vote.${choice}`, { form: v.proposal.form }),
  };
}

function approvals(c: Ctx): Action | null {
  const { v, me, legal, memory, prefs } = c;
  const own = v.approvals[me.state];
  const lobbyLegal = legalOf(legal, "lobby");
  if (
    own &&
    own.needsVote &&
    (own.status === "pending" || own.status === "failed") &&
    lobbyLegal?.targets?.includes(me.state) &&
    !memory.lobbied.has(me.state) &&
    me.capital >= 2
  ) {
    memory.lobbied.add(me.state);
    return { type: "lobby", target: me.state, reason: reason("lobby", { target: me.state }) };
  }
  if (own?.status === "pending" && can(legal, "submitApproval"))
    return { type: "submitApproval", reason: reason("submit") };
  if (own?.status === "failed") {
    if (memory.revotes < c.t.revotes && prefs.ownTroops >= 0 && can(legal, "submitApproval")) {
      memory.revotes += 1;
      return { type: "submitApproval", reason: reason("revote") };
    }
    if (can(legal, "withdrawPledge")) return { type: "withdrawPledge", reason: reason("withdraw") };
  }
  // A leader who wants the force to go leans on a partner's parliament that balked.
  if (lobbyLegal && (prefs.lead > 0 || prefs.deploy > 4) && me.capital >= 3) {
    const target = lobbyLegal.targets?.find(
      (s) => s !== me.state && v.approvals[s]?.status === "failed" && !memory.lobbied.has(s),
    );
    if (target) {
      memory.lobbied.add(target);
      return { type: "lobby", target, reason: reason("lobby", { target }) };
    }
  }
  return null;
}

function deployment(c: Ctx): Action | null {
  const pending = approvals(c);
  if (pending) return pending;
  const { v, me, legal, prefs } = c;
  const limit = v.decision?.terms.timeLimitDays ?? 14;
  if (can(legal, "missionDay")) {
    const done =
      v.tracks.severity <= 2 + noise(c) / 2 ||
      v.missionDays >= limit ||
      v.tracks.sovereignty <= 3 ||
      v.pressedToLeave.length >= 2;
    return {
      type: "missionDay",
      decision: done ? "end" : "stay",
      reason: reason(done ? "missionEnd" : "missionStay", { day: v.missionDays }),
    };
  }
  if (can(legal, "withdrawContingent") && prefs.ownTroops < 0 && v.missionDays >= 3) {
    return { type: "withdrawContingent", reason: reason("withdrawContingent") };
  }
  if (
    can(legal, "pressToLeave") &&
    v.missionDays > limit &&
    v.contingents.some((x) => x.state === me.state && !x.withdrawn)
  ) {
    return { type: "pressToLeave", reason: reason("pressToLeave") };
  }
  return null;
}
