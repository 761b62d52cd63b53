/**
 * The client's picture of a room: the synced state decoded back into the shapes the rules use
 * (`PublicView`, the own seat's private part and its legal actions). Pure: no DOM, no network.
 */
import { publicViewOf, seatViewOf, type SeatHolder } from "../../shared/protocol/index.ts";
import type { LegalAction, Phase, PublicView, SeatView, StateId } from "../../shared/rules/index.ts";

/** What the SDK decodes from the room's schema (structural, so tests can pass the server's own state). */
export interface SyncedState {
  code: string;
  version: number;
  phase: string;
  deadline: number;
  paused?: boolean;
  scenario: string;
  pub: { entries(): Iterable<[string, string]> };
  timeline: Iterable<string>;
  debrief: string;
  seats: { forEach(cb: (v: { holder: string; name: string; bot: string }, k: string) => void): void };
  secrets?: {
    forEach(
      cb: (v: { seat: string; fields: { entries(): Iterable<[string, string]> } }, k: string) => void,
    ): void;
  };
  spectators: number;
}

export interface SeatInfoVM {
  holder: SeatHolder;
  name: string;
  bot: string;
}

export interface Snapshot {
  code: string;
  version: number;
  phase: Phase;
  /** Wall-clock ms when the phase timer ends; 0 when none runs. */
  deadline: number;
  paused: boolean;
  /** The seat this client holds (null: a spectator). */
  seat: string | null;
  view: SeatView;
  legal: LegalAction[];
  seats: Record<string, SeatInfoVM>;
  spectators: number;
}

export function snapshotOf(s: SyncedState, seat: string | null): Snapshot | null {
  if (!s.scenario) return null;
  // Schema instances keep their fields in accessors: name each one (a spread would lose them).
  const decoded = publicViewOf({
    version: s.version,
    phase: s.phase,
    scenario: s.scenario,
    pub: s.pub.entries(),
    timeline: s.timeline,
    debrief: s.debrief,
  });
  const pub: PublicView = {
    ...decoded,
    positions: decoded.positions ?? {},
    votes: decoded.votes ?? {},
    approvals: decoded.approvals ?? {},
    contingents: decoded.contingents ?? [],
    ready: decoded.ready ?? [],
    informalAppeals: decoded.informalAppeals ?? [],
    sessionRequests: decoded.sessionRequests ?? [],
    refusedToSign: decoded.refusedToSign ?? [],
    pressedToLeave: decoded.pressedToLeave ?? [],
  };
  let own: { view: SeatView; legal: LegalAction[] } | null = null;
  s.secrets?.forEach((sec, key) => {
    if (seat !== null && key === seat) own = seatViewOf(pub, seat, sec.fields.entries());
  });
  const mine = own as { view: SeatView; legal: LegalAction[] } | null;
  const seats: Record<string, SeatInfoVM> = {};
  s.seats.forEach((v, k) => (seats[k] = { holder: v.holder as SeatHolder, name: v.name, bot: v.bot }));
  return {
    code: s.code,
    version: s.version,
    phase: s.phase as Phase,
    deadline: s.deadline,
    paused: s.paused === true,
    seat,
    view: mine?.view ?? { ...pub, seat: (seat ?? "system") as SeatView["seat"], private: null },
    legal: mine?.legal ?? [],
    seats,
    spectators: s.spectators,
  };
}

/** The leader state this seat plays, if it is a leader seat. */
export function myState(snap: Snapshot): StateId | null {
  return snap.view.private?.role === "leader" ? snap.view.private.state : null;
}
