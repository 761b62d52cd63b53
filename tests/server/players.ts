/**
 * A human seat played by a bot on the client side: it reads only what its client decoded (the public
 * fields and its own secret), and sends actions through the room like a person clicking.
 */
import type { Room } from "@colyseus/sdk";
import { createBot } from "../../shared/bots/index.ts";
import type { BotKind, LegalAction, SeatView } from "../../shared/rules/index.ts";
import { legalFromObject } from "../../shared/protocol/index.ts";
import { decoded, type Decoded } from "./helpers.ts";

export function seatViewOf(d: Decoded, seat: string): { view: SeatView; legal: LegalAction[] } | null {
  const secret = d.secrets[seat];
  if (!secret) return null;
  const {
    legal,
    unavailable: _unavailable,
    ...priv
  } = secret as {
    legal?: Record<string, Omit<LegalAction, "type">>;
    unavailable?: unknown;
  };
  const view = {
    ...d.pub,
    scenario: d.scenario,
    timeline: d.timeline,
    debrief: d.debrief,
    version: d.version,
    phase: d.phase,
    seat,
    private: priv,
  } as unknown as SeatView;
  return { view, legal: legalFromObject(legal) };
}

export interface Player {
  seat: string;
  /** Actions sent, with the version they were sent at. */
  sent: { v: number; type: string }[];
  stop(): void;
}

/**
 * Plays `seat` from `room` with a bot of `kind`; checks each decoded state with `check`, and acts
 * only in states `acts` allows (every state by default).
 */
export function playSeat(
  room: Room,
  seat: string,
  kind: BotKind = "historical",
  check?: (d: Decoded) => void,
  acts: (d: Decoded) => boolean = () => true,
): Player {
  const bot = createBot(kind, `client:${seat}`);
  const sent: Player["sent"] = [];
  let lastVersion = -1;
  let lastSentAt = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const act = () => {
    if (stopped || !(room.state as { seats?: unknown } | undefined)?.seats) return;
    // A person does not click 30 times a second (the room would cut such a client off).
    const wait = lastSentAt + 1000 / 15 - Date.now();
    if (wait > 0) {
      pending ??= setTimeout(() => {
        pending = null;
        act();
      }, wait);
      return;
    }
    const d = decoded(room);
    check?.(d);
    if (d.version === lastVersion || d.phase === "debrief" || !acts(d)) return;
    const sv = seatViewOf(d, seat);
    if (!sv || sv.legal.length === 0) return;
    const action = bot.act(sv.view, sv.legal);
    if (!action) return;
    lastVersion = d.version;
    lastSentAt = Date.now();
    sent.push({ v: d.version, type: action.type });
    room.send("action", { v: d.version, action });
  };
  room.onStateChange(act);
  return {
    seat,
    sent,
    stop() {
      stopped = true;
      if (pending) clearTimeout(pending);
    },
  };
}
