/**
 * View-models: everything a scene or a DOM panel shows, computed from a `Snapshot` and a language.
 * Pure functions (no DOM, no Phaser, no clock but the `now` passed in), unit-tested without a browser.
 * The client holds no rules: what is enabled comes from the seat's legal actions; the reasons shown
 * for a disabled input are read off the public view.
 */
import { coach } from "../../shared/bots/coach.ts";
import { term, translate, type Language } from "../../shared/i18n/index.ts";
import type { ServerMessages, ChatLine } from "../../shared/protocol/index.ts";
import {
  TROOP_FORMS,
  TRACKS,
  type ActionType,
  type Basis,
  type Form,
  type LegalAction,
  type Message,
  type Phase,
  type StateId,
  type Task,
  type Track,
} from "../../shared/rules/index.ts";
import { CAPITALS, CRISIS_PLACES, type Place } from "./geo.ts";
import { myState, type Snapshot } from "./snapshot.ts";

export const SCREENS = ["lobby", "briefing", "council", "map", "approvals", "debrief"] as const;
export type Screen = (typeof SCREENS)[number];

export const t = (lang: Language, key: string, params?: Message["params"]): string =>
  translate(lang, params ? { key, params } : { key });

/** The screen a phase opens on. */
export function screenForPhase(phase: Phase): Screen {
  switch (phase) {
    case "briefing":
      return "briefing";
    case "approvals":
      return "approvals";
    case "deployment":
      return "map";
    case "debrief":
      return "debrief";
    default:
      return "council";
  }
}

/** In-game hours as day and hour of the crisis. */
export function gameTime(hours: number): { day: number; hour: string } {
  const h = Math.max(0, Math.floor(hours));
  return { day: Math.floor(h / 24) + 1, hour: String(h % 24).padStart(2, "0") };
}

export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export interface ClockVM {
  phase: string;
  time: string;
  left: string;
  urgent: boolean;
  paused: boolean;
}

export function clockVM(snap: Snapshot, now: number, lang: Language): ClockVM {
  const left = snap.deadline > 0 ? snap.deadline - now : 0;
  return {
    phase: t(lang, "ui.clock.phase", { phase: snap.phase }),
    time: t(lang, "ui.clock.time", gameTime(snap.view.clock)),
    left: snap.paused
      ? t(lang, "ui.clock.paused")
      : snap.deadline > 0
        ? t(lang, "ui.clock.left", { time: formatLeft(left) })
        : t(lang, "ui.clock.none"),
    urgent: !snap.paused && snap.deadline > 0 && left < 30_000,
    paused: snap.paused,
  };
}

export const leaderName = (snap: Snapshot, id: StateId, lang: Language): string =>
  snap.view.scenario.leaders[id]?.name[lang] ?? id;

export interface SeatRow {
  id: StateId;
  state: string;
  leader: string;
  title: string;
  holder: string;
  isMe: boolean;
  isChair: boolean;
  isHost: boolean;
  ready: boolean;
  /** Position in consultations or vote in the council, translated, or "". */
  stance: string;
  stanceKey: string;
  speaking: boolean;
}

/** The seat that acted last (who is "speaking" at the table). */
export function speakingSeat(snap: Snapshot): string | null {
  const last = snap.view.timeline.at(-1);
  return last && last.seat !== "system" ? last.seat : null;
}

export function seatsVM(snap: Snapshot, lang: Language): SeatRow[] {
  const v = snap.view;
  const me = myState(snap);
  const speaking = speakingSeat(snap);
  return v.scenario.members.map((id) => {
    const info = snap.seats[id];
    const holder = info
      ? t(lang, `ui.holder.${info.holder}`, { name: info.name || id, kind: info.bot })
      : t(lang, "ui.holder.open");
    const vote = v.votes[id];
    const position = v.positions[id];
    const stanceKey = v.phase === "council" || vote ? (vote ?? "") : (position ?? "");
    return {
      id,
      state: term(lang, id),
      leader: leaderName(snap, id, lang),
      title: v.scenario.leaders[id]?.title[lang] ?? "",
      holder,
      isMe: id === me,
      isChair: id === v.scenario.chair,
      isHost: id === v.scenario.host,
      ready: v.ready.includes(id),
      stance: stanceKey ? term(lang, stanceKey) : "",
      stanceKey,
      speaking: speaking === id,
    };
  });
}

export function legalOf(snap: Snapshot, type: ActionType): LegalAction | undefined {
  return snap.legal.find((l) => l.type === type);
}

/** The phases in which each action can be taken (for explaining why an input is disabled). */
const ACTION_PHASES: Partial<Record<ActionType, readonly Phase[]>> = {
  ready: ["briefing"],
  informalAppeal: ["appeal"],
  requestAssistance: ["appeal"],
  respondBilateral: ["bilateral"],
  propose: ["consultations"],
  pledge: ["consultations"],
  position: ["consultations"],
  callVote: ["consultations"],
  requestSession: ["consultations"],
  withdrawRequest: ["consultations", "council"],
  vote: ["council"],
  submitApproval: ["approvals"],
  lobby: ["approvals"],
  withdrawPledge: ["approvals"],
  deputyVote: ["approvals"],
  missionDay: ["deployment"],
  pressToLeave: ["deployment"],
  withdrawContingent: ["deployment"],
  timerExpired: [],
};

export interface ActionState {
  enabled: boolean;
  /** Why the input is disabled, in plain words; null when enabled. */
  reason: string | null;
}

/** Whether this seat may take an action now, and if not, why. Enabled only if it is in `legal`. */
export function actionState(snap: Snapshot, type: ActionType, lang: Language): ActionState {
  if (legalOf(snap, type) && !snap.paused) return { enabled: true, reason: null };
  return { enabled: false, reason: translate(lang, whyNot(snap, type)) };
}

function whyNot(snap: Snapshot, type: ActionType): Message {
  const v = snap.view;
  const me = myState(snap);
  const err = (code: string, params?: Message["params"]): Message =>
    params ? { key: `error.${code}`, params } : { key: `error.${code}` };
  const ui = (key: string): Message => ({ key: `ui.reason.${key}` });
  if (snap.paused) return ui("paused");
  if (v.ended) return err("ERR_GAME_OVER");
  if (!snap.seat) return ui("spectator");
  if (type === "deputyVote") {
    if (v.private?.role !== "deputy") return err("ERR_NOT_YOUR_ROLE");
  } else if (!me) return err("ERR_NOT_YOUR_ROLE");
  if (!(ACTION_PHASES[type] ?? []).includes(v.phase)) return err("ERR_WRONG_PHASE", { phase: v.phase });
  const host = v.scenario.host;
  switch (type) {
    case "ready":
      if (me && v.ready.includes(me)) return err("ERR_ALREADY_DONE");
      break;
    case "requestAssistance":
    case "withdrawRequest":
    case "missionDay":
      if (me !== host) return ui("notHost");
      break;
    case "informalAppeal":
      if (me === host) return ui("host");
      if (me && v.informalAppeals.includes(me)) return err("ERR_ALREADY_DONE");
      return err("ERR_NO_CAPITAL");
    case "respondBilateral":
      if (me !== v.appeal?.target) return ui("notTarget");
      break;
    case "pledge":
      if (!v.proposal) return err("ERR_NO_PROPOSAL");
      if (me === host) return ui("host");
      if (!TROOP_FORMS.includes(v.proposal.form)) return ui("noTroopForm");
      break;
    case "position":
      if (!v.proposal) return err("ERR_NO_PROPOSAL");
      break;
    case "callVote":
      if (me !== v.scenario.chair) return err("ERR_NOT_CHAIR");
      if (!v.proposal) return err("ERR_NO_PROPOSAL");
      break;
    case "requestSession":
      if (!v.proposal) return err("ERR_NO_PROPOSAL");
      if (me && v.sessionRequests.includes(me)) return err("ERR_ALREADY_DONE");
      break;
    case "vote":
      if (me && v.votes[me]) return err("ERR_ALREADY_DONE");
      break;
    case "submitApproval":
    case "withdrawPledge":
    case "withdrawContingent":
      if (me && !v.approvals[me] && !v.contingents.some((c) => c.state === me)) return ui("notPledged");
      break;
    case "pressToLeave":
      if (me === host) return ui("host");
      if (me && v.pressedToLeave.includes(me)) return err("ERR_ALREADY_DONE");
      break;
    case "lobby":
      if (v.private?.role === "leader" && v.private.capital < 1) return err("ERR_NO_CAPITAL");
      break;
    default:
      break;
  }
  return ui("notNow");
}

export interface ProposalVM {
  present: boolean;
  by: string;
  terms: string;
  tasks: string;
  pledges: string[];
}

export function proposalVM(snap: Snapshot, lang: Language): ProposalVM {
  const p = snap.view.proposal;
  if (!p) return { present: false, by: "", terms: t(lang, "ui.council.noProposal"), tasks: "", pledges: [] };
  const pledges = (Object.entries(p.contingents) as [StateId, number][])
    .filter(([, n]) => n > 0)
    .map(([id, n]) => t(lang, "ui.council.pledgeLine", { state: id, troops: n }));
  return {
    present: true,
    by: t(lang, "ui.council.by", { state: p.by }),
    terms: t(lang, "ui.council.terms", { form: p.form, basis: p.basis, days: p.timeLimitDays }),
    tasks:
      p.tasks.length > 0
        ? t(lang, "ui.council.tasks", { tasks: p.tasks.join(", ") })
        : t(lang, "ui.council.noTasks"),
    pledges,
  };
}

export interface ProposalFormVM {
  enabled: boolean;
  /** The forms lawful now, each with the bases that go with it. */
  forms: { form: Form; bases: Basis[] }[];
  initial: { form: Form; basis: Basis; tasks: Task[]; days: number };
  amend: boolean;
}

/** The proposal editor: only the form/basis pairs the seat's legal actions allow. */
export function proposalFormVM(snap: Snapshot): ProposalFormVM {
  const legal = legalOf(snap, "propose");
  const pairs = legal?.terms ?? [];
  const forms: ProposalFormVM["forms"] = [];
  for (const { form, basis } of pairs) {
    const entry = forms.find((f) => f.form === form);
    if (entry) entry.bases.push(basis);
    else forms.push({ form, bases: [basis] });
  }
  const p = snap.view.proposal;
  const fallback = forms[0];
  const initial = p
    ? { form: p.form, basis: p.basis, tasks: [...p.tasks], days: p.timeLimitDays }
    : {
        form: fallback?.form ?? "statement",
        basis: fallback?.bases[0] ?? "art2",
        tasks: ["guardSites" as Task],
        days: 30,
      };
  return { enabled: !!legal && !snap.paused && forms.length > 0, forms, initial, amend: !!p };
}

export interface TimelineRow {
  hour: string;
  who: string;
  text: string;
  why: string | null;
  seat: string;
  key: string;
}

export function timelineVM(snap: Snapshot, lang: Language, limit = 200): TimelineRow[] {
  return snap.view.timeline.slice(-limit).map((e) => {
    const tm = gameTime(e.hour);
    return {
      hour: t(lang, "ui.clock.time", tm),
      who: e.seat === "system" ? t(lang, "ui.log.system") : term(lang, e.seat.split(".")[0] ?? e.seat),
      text: translate(lang, e.message),
      why: e.reason ? t(lang, "ui.log.why", { reason: translate(lang, e.reason) }) : null,
      seat: e.seat,
      key: e.message.key,
    };
  });
}

export interface CoachLine {
  action: string;
  effect: string;
  outlook: string | null;
}

/** The coach's advice for each legal action of this seat (leaders only). */
export function coachVM(snap: Snapshot, lang: Language): CoachLine[] {
  if (snap.view.private?.role !== "leader") return [];
  return coach(snap.view, snap.legal).map((a) => ({
    action: a.type,
    effect: translate(lang, a.effect),
    outlook: a.outlook ? translate(lang, a.outlook) : null,
  }));
}

export interface ApprovalStep {
  label: string;
  done: boolean;
  failed: boolean;
}

export interface ApprovalRow {
  id: StateId;
  heading: string;
  status: string;
  statusKey: string;
  steps: ApprovalStep[];
  sittings: string[];
  clock: string;
  lobbying: string;
  movedEarly: boolean;
}

export function approvalsVM(snap: Snapshot, lang: Language): ApprovalRow[] {
  const rows: ApprovalRow[] = [];
  for (const id of snap.view.scenario.members) {
    const a = snap.view.approvals[id];
    if (!a) continue;
    const body = a.body[lang];
    const last = a.sittings.at(-1);
    const steps: ApprovalStep[] = [
      { label: t(lang, "ui.approvals.step.pledge"), done: true, failed: false },
      {
        label: t(lang, a.needsVote ? "ui.approvals.step.submit" : "ui.approvals.step.decide"),
        done: a.status !== "pending" || a.sittings.length > 0,
        failed: false,
      },
    ];
    if (a.needsVote)
      steps.push({
        label: t(lang, "ui.approvals.step.vote"),
        done: !!last,
        failed: !!last && last.result !== "passed",
      });
    steps.push({ label: t(lang, "ui.approvals.step.go"), done: a.status === "passed", failed: false });
    rows.push({
      id,
      heading: `${term(lang, id)} — ${body}`,
      status: t(lang, "ui.approvals.state", {
        state: id,
        troops: a.troops,
        status: t(lang, `ui.approvals.status.${a.status}`),
      }),
      statusKey: a.status,
      steps,
      sittings: a.sittings.map((s, i) =>
        t(lang, "ui.approvals.sitting", {
          n: i + 1,
          yes: s.yes,
          no: s.no,
          needed: s.needed,
          present: s.present,
          quorum: s.quorum,
          result: t(lang, `ui.approvals.result.${s.result}`),
        }),
      ),
      clock: t(lang, "ui.approvals.clock", gameTime(a.clock)),
      lobbying: t(lang, "ui.approvals.lobbying", { n: a.lobbying }),
      movedEarly: a.movedEarly,
    });
  }
  return rows;
}

export interface MapToken {
  id: StateId;
  from: Place;
  to: Place;
  /** 0 at the capital, 1 arrived. */
  progress: number;
  troops: number;
  label: string;
  withdrawn: boolean;
}

export interface MapVM {
  members: { id: StateId; at: Place; host: boolean }[];
  crisis: Place & { label: string };
  tokens: MapToken[];
  mission: string | null;
}

export function mapVM(snap: Snapshot, lang: Language): MapVM {
  const v = snap.view;
  const sc = v.scenario;
  const place = CRISIS_PLACES[sc.id] ?? { ...CAPITALS[sc.host], name: { en: sc.host, ru: sc.host } };
  const tokens = v.contingents.map((c): MapToken => {
    const travel = sc.forces[c.state]?.transportHours ?? 0;
    const departs = c.arrivesAtHour - travel;
    const progress = c.withdrawn
      ? 0
      : travel <= 0
        ? v.clock >= c.arrivesAtHour
          ? 1
          : 0
        : Math.min(1, Math.max(0, (v.clock - departs) / travel));
    const arrived = !c.withdrawn && v.clock >= c.arrivesAtHour;
    const key = c.withdrawn ? "ui.map.withdrawn" : arrived ? "ui.map.arrived" : "ui.map.moving";
    let label = t(lang, key, { state: c.state, troops: c.troops, ...gameTime(c.arrivesAtHour) });
    if (c.bilateral) label += ` (${t(lang, "ui.map.bilateral")})`;
    return {
      id: c.state,
      from: CAPITALS[c.state],
      to: place,
      progress,
      troops: c.troops,
      label,
      withdrawn: c.withdrawn,
    };
  });
  return {
    members: sc.members.map((id) => ({ id, at: CAPITALS[id], host: id === sc.host })),
    crisis: { lon: place.lon, lat: place.lat, label: t(lang, "ui.map.crisis", { place: place.name[lang] }) },
    tokens,
    mission:
      v.phase === "deployment" || v.missionDays > 0
        ? t(lang, "ui.map.mission", { day: v.missionDays, limit: v.decision?.terms.timeLimitDays ?? 0 })
        : null,
  };
}

export type TrackPoint = { hour: number } & Record<Track, number>;

/** Appends the tracks of a snapshot to a history when they changed (the debrief draws it). */
export function recordTracks(history: TrackPoint[], snap: Snapshot): TrackPoint[] {
  const tr = snap.view.tracks;
  const point = { hour: snap.view.clock, ...Object.fromEntries(TRACKS.map((k) => [k, tr[k]])) } as TrackPoint;
  const last = history.at(-1);
  if (last && TRACKS.every((k) => last[k] === point[k])) return history;
  return [...history, point];
}

export interface DebriefVM {
  ended: boolean;
  end: string;
  tracks: { track: string; text: string }[];
  alliance: string;
  matches: string;
  yourGame: TimelineRow[];
  reality: { date: string; text: string }[];
  summary: string;
  scores: { id: StateId; heading: string; lines: { text: string; met: boolean }[]; mine: boolean }[];
  questions: { question: string; positions: { actor: string; position: string; source: string }[] }[];
  sources: { title: string; url: string }[];
}

export function debriefVM(snap: Snapshot, lang: Language): DebriefVM | null {
  const d = snap.view.debrief;
  if (!d) return null;
  const me = myState(snap);
  const tr = d.tracks;
  return {
    ended: true,
    end: t(lang, "ui.debrief.end", { reason: d.endReason }),
    tracks: [
      ...TRACKS.map((k) => ({
        track: k,
        text: t(lang, "ui.debrief.trackLine", { track: k, value: round(tr[k]) }),
      })),
      ...(Object.entries(tr.standing) as [StateId, number][]).map(([id, n]) => ({
        track: "standing",
        text: `${t(lang, "ui.track.standing")} — ${term(lang, id)}: ${round(n)}/10`,
      })),
    ],
    alliance: t(lang, "ui.debrief.alliance", { score: d.allianceResult }),
    matches: d.historical.matches
      ? t(lang, "ui.debrief.matches")
      : t(lang, "ui.debrief.differs", {
          fields: d.historical.mismatches.map((m) => t(lang, `ui.mismatch.${m}`)).join("; "),
        }),
    // The decisions, without the round of "ready" that opens every game.
    yourGame: timelineVM(snap, lang, Infinity).filter((r) => r.key !== "log.ready"),
    reality: d.history.timeline.map((e) => ({ date: e.date, text: e.text[lang] })),
    summary: d.history.summary[lang],
    scores: (Object.entries(d.scores) as [StateId, NonNullable<(typeof d.scores)[StateId]>][]).map(
      ([id, card]) => ({
        id,
        heading: t(lang, "ui.debrief.score", { state: id, total: card.total }),
        lines: card.lines.map((l) => ({
          text: t(lang, "ui.debrief.scoreLine", {
            text_en: l.text.en,
            text_ru: l.text.ru,
            weight: l.weight,
            met: t(lang, l.met ? "ui.debrief.met" : "ui.debrief.notMet"),
          }),
          met: l.met,
        })),
        mine: id === me,
      }),
    ),
    questions: d.questions.map((q) => ({
      question: q.question[lang],
      positions: q.positions.map((p) => ({
        actor: p.actor[lang],
        position: p.position[lang],
        source: p.source,
      })),
    })),
    sources: d.sources,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface ChatRow {
  from: string;
  text: string;
  note: string | null;
  mine: boolean;
}

export function chatVM(lines: readonly ChatLine[], snap: Snapshot, lang: Language): ChatRow[] {
  const me = snap.seat;
  return lines.map((l) => ({
    from: term(lang, l.from.split(".")[0] ?? l.from),
    text: l.text,
    note:
      l.to === null
        ? null
        : l.from === me
          ? t(lang, "ui.chat.private", { state: l.to })
          : t(lang, "ui.chat.fromPrivate", { state: l.from }),
    mine: l.from === me,
  }));
}

/** A server error in plain words, in the player's language. */
export function errorText(e: ServerMessages["error"], lang: Language): string {
  const key = e.message.key;
  const uiKey = `ui.${key}`;
  const text = translate(lang, {
    ...e.message,
    key: key.startsWith("error.") && translate(lang, e.message) === key ? uiKey : key,
  });
  return text === uiKey ? t(lang, "ui.error.generic", { detail: e.code }) : text;
}
