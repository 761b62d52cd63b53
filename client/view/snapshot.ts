/**
 * The client's picture of a room: the synced state decoded back into the shapes the rules use
 * (`PublicView`, the own seat's private part and its legal actions). Pure: no DOM, no network.
 */
import {
  publicViewOf,
  seatViewOf,
  type SeatHolder,
  type UnavailableByType,
} from "../../shared/protocol/index.ts";
import type { Forecast } from "../../shared/bots/negotiation.ts";
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
  waitingFor?: Iterable<string>;
  botsDeciding?: boolean;
  holding?: boolean;
  solo?: boolean;
  invited?: boolean;
  crisis?: number;
  crises?: number;
  gatherUntil?: number;
  gatherNeeded?: number;
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
  /** Why each other action is unavailable to this seat, as the server's rules say. */
  unavailable: UnavailableByType;
  /** How the bots are likely to react to what this seat might say (the server's forecast; often none). */
  forecasts: Forecast[];
  seats: Record<string, SeatInfoVM>;
  spectators: number;
  /** The seats the table waits on that a person holds (turn discipline). */
  waitingFor: string[];
  /** No person is awaited; the bots still have decisions to make. */
  botsDeciding: boolean;
  /** A bot holds a move that would end the phase until the people awaited decide. */
  holding: boolean;
  /** A solo room (nobody joins unless invited), and whether its player has invited. */
  solo: boolean;
  invited: boolean;
  /** This client created the room (it may hand open seats to bots, and invite). */
  creator: boolean;
  /** In a campaign of several crises: the one now played (1-based) and how many; else null. */
  campaign: { crisis: number; crises: number } | null;
  /** A quick match gathering strangers: when it starts at the latest (wall-clock ms), and how many people start it sooner. */
  gathering: { until: number; needed: number } | null;
}

type OwnPart = ReturnType<typeof seatViewOf>;

/**
 * The public view's maps and lists as decoded from the network: `publicViewOf` only casts the synced
 * leaves, and a leaf the room has not synced (or a field the server left undefined, which `flatten`
 * skips) comes back absent although `PublicView` says not. `snapshotOf` defaults each one.
 */
type OmittedWhenEmpty =
  | "positions"
  | "votes"
  | "approvals"
  | "contingents"
  | "ready"
  | "informalAppeals"
  | "sessionRequests"
  | "refusedToSign"
  | "pressedToLeave";
type DecodedPublicView = Omit<PublicView, OmittedWhenEmpty> & Partial<Pick<PublicView, OmittedWhenEmpty>>;

export function snapshotOf(synced: SyncedState, seat: string | null, creator = false): Snapshot | null {
  if (!synced.scenario) return null;
  // Schema instances keep their fields in accessors: name each one (a spread would lose them).
  const decoded: DecodedPublicView = publicViewOf({
    version: synced.version,
    phase: synced.phase,
    scenario: synced.scenario,
    pub: synced.pub.entries(),
    timeline: synced.timeline,
    debrief: synced.debrief,
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
  let own: OwnPart | null = null;
  synced.secrets?.forEach((secret, key) => {
    if (seat !== null && key === seat) own = seatViewOf(pub, seat, secret.fields.entries());
  });
  const mine = own as OwnPart | null;
  // The server adds the forecast to a human leader's private part; it is not part of the rules' view.
  const { forecasts = [], ...ownPrivate } = (mine?.view.private ?? {}) as { forecasts?: Forecast[] };
  const ownView = mine && { ...mine.view, private: mine.view.private && (ownPrivate as SeatView["private"]) };
  const seats: Record<string, SeatInfoVM> = {};
  synced.seats.forEach(
    (info, key) => (seats[key] = { holder: info.holder as SeatHolder, name: info.name, bot: info.bot }),
  );
  return {
    code: synced.code,
    version: synced.version,
    phase: synced.phase as Phase,
    deadline: synced.deadline,
    paused: synced.paused === true,
    seat,
    view: ownView ?? { ...pub, seat: (seat ?? "system") as SeatView["seat"], private: null },
    legal: mine?.legal ?? [],
    unavailable: mine?.unavailable ?? {},
    forecasts,
    seats,
    spectators: synced.spectators,
    waitingFor: [...(synced.waitingFor ?? [])],
    botsDeciding: synced.botsDeciding === true,
    holding: synced.holding === true,
    solo: synced.solo === true,
    invited: synced.invited === true,
    creator,
    campaign:
      (synced.crises ?? 1) > 1
        ? { crisis: Math.max(1, synced.crisis ?? 1), crises: synced.crises ?? 1 }
        : null,
    gathering:
      (synced.gatherUntil ?? 0) > 0
        ? { until: synced.gatherUntil ?? 0, needed: synced.gatherNeeded ?? 0 }
        : null,
  };
}

/** The leader state this seat plays, if it is a leader seat. */
export function myState(snap: Snapshot): StateId | null {
  return snap.view.private?.role === "leader" ? snap.view.private.state : null;
}
