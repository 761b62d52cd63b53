/**
 * The turn banner: whom the table waits on (`waitingVM`), what this player can do now (from the seat's
 * legal actions, the most pressing first) and the time left on the phase clock. Pure: `now` is passed in.
 */
import type { Language } from "../../shared/i18n/index.ts";
import type { ActionType } from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";
import { formatLeft, t } from "./text.ts";
import { waitingVM, type WaitingVM } from "./waiting.ts";

/** The actions a player is asked for, most pressing first; the rest are options any time. */
export const TURN_ORDER: readonly ActionType[] = [
  "ready",
  "requestAssistance",
  "informalAppeal",
  "respondBilateral",
  "vote",
  "deputyVote",
  "answerConcerns",
  "position",
  "propose",
  "callVote",
  "submitApproval",
  "missionDay",
  "pledge",
  "pressToLeave",
  "withdrawContingent",
  "withdrawPledge",
  "lobby",
  "requestSession",
  "withdrawRequest",
];

/** The most pressing action this seat may take now, or null. */
export function primaryAction(snap: Snapshot): ActionType | null {
  if (snap.paused || snap.view.ended) return null;
  const legal = new Set(snap.legal.map((a) => a.type));
  return TURN_ORDER.find((type) => legal.has(type)) ?? null;
}

export interface TurnVM {
  /** Who is awaited; "idle" when nobody is (the banner still shows the clock and the player's options). */
  kind: WaitingVM["kind"] | "idle";
  waiting: string;
  /** "Your move: take a position on the proposal", "You may still: …", or null. */
  move: string | null;
  /** The action the move names (the screen can point to it). */
  action: ActionType | null;
  /** "0:42 left", or null when no timer runs (or the game is paused or over). */
  left: string | null;
  urgent: boolean;
}

/** The banner now, or null when there is nothing to say (no room, or the game is over). */
export function turnVM(snap: Snapshot, lang: Language, now: number): TurnVM | null {
  if (snap.view.ended) return null;
  const waiting = waitingVM(snap, lang);
  const action = primaryAction(snap);
  const mine = waiting?.kind === "you";
  const move = action
    ? t(lang, mine ? "ui.turn.yourMove" : "ui.turn.youMay", { what: t(lang, `ui.turn.do.${action}`) })
    : null;
  const running = !snap.paused && snap.deadline > 0;
  const ms = snap.deadline - now;
  const left = running ? t(lang, "ui.clock.left", { time: formatLeft(ms) }) : null;
  const paused = snap.paused ? t(lang, "ui.clock.paused") : "";
  if (!waiting && !move && !left && !paused) return null;
  return {
    kind: waiting?.kind ?? "idle",
    waiting: waiting?.text ?? paused,
    move,
    action,
    left,
    urgent: running && ms < 30_000,
  };
}

/**
 * What a screen reader hears when a snapshot arrives: the new phase, and this player's turn when the
 * table starts waiting for them. Nothing else: the other seats' moves and the bots' reasons stay in
 * the log (a role=log list the reader can browse), so the announcer does not read every one.
 */
export function announcementsVM(prev: Snapshot | null, next: Snapshot, lang: Language): string[] {
  const out: string[] = [];
  const phaseChanged = prev !== null && prev.phase !== next.phase;
  if (phaseChanged || (prev === null && next.view.ended))
    out.push(t(lang, "ui.turn.phase", { phase: next.phase }));
  const wasMine = prev !== null && prev.seat !== null && prev.waitingFor.includes(prev.seat);
  const mine = next.seat !== null && next.waitingFor.includes(next.seat) && !next.paused;
  if (mine && (!wasMine || phaseChanged)) {
    const move = turnVM(next, lang, 0)?.move;
    out.push(move ?? t(lang, "ui.wait.you"));
  }
  return out;
}
