/**
 * What the input suite (input.ts) sends and checks with: a valid action of every type, a table in
 * the briefing with every kind of client, a probe that shows the room has answered all sent before,
 * and `refused`, one refused message checked end to end.
 */
import type { Room } from "@colyseus/sdk";
import { expect } from "vitest";
import type { Action, ActionType } from "../../../shared/rules/index.ts";
import { LIMITS } from "../../../shared/protocol/index.ts";
import { boxOf, decoded, sleep, until, type Inbox, type TestServer } from "../helpers.ts";
import { liveRoom } from "./game.ts";

/** One valid action of every type (valid for the schema; the phase decides whether it is legal). */
export const SAMPLE_ACTIONS = {
  ready: { type: "ready" },
  informalAppeal: { type: "informalAppeal", framing: "domesticUnrest" },
  requestAssistance: {
    type: "requestAssistance",
    channel: "formal",
    article: "art4",
    framing: "terrorismForeignLinks",
  },
  respondBilateral: { type: "respondBilateral", response: "decline" },
  propose: {
    type: "propose",
    terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 14 },
  },
  pledge: { type: "pledge", troops: 100 },
  position: { type: "position", stance: "endorse" },
  answerConcerns: { type: "answerConcerns", to: "BY" },
  callVote: { type: "callVote", format: "video" },
  requestSession: { type: "requestSession" },
  withdrawRequest: { type: "withdrawRequest" },
  vote: { type: "vote", choice: "support" },
  submitApproval: { type: "submitApproval" },
  lobby: { type: "lobby", target: "KG" },
  withdrawPledge: { type: "withdrawPledge" },
  deputyVote: { type: "deputyVote", vote: "yes" },
  missionDay: { type: "missionDay", decision: "stay" },
  pressToLeave: { type: "pressToLeave" },
  withdrawContingent: { type: "withdrawContingent" },
  timerExpired: { type: "timerExpired" },
  inject: { type: "inject", text: { en: "Breaking news", ru: "Срочные новости" } },
} satisfies { [T in ActionType]: Extract<Action, { type: T }> };

const SLOW = {
  briefing: 600,
  appeal: 600,
  bilateral: 600,
  consultations: 600,
  council: 600,
  approvals: 600,
  deployment: 600,
};
const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

export interface Table {
  code: string;
  kz: Room;
  ru: Room;
  deputy: Room;
  spec: Room;
  boxes: Map<Room, Inbox>;
}

/** A table in the briefing: KZ, RU and a Russian deputy are human, the rest bots (who mark ready). */
export async function table(srv: TestServer): Promise<Table> {
  const kz = await srv.create({
    scenario: "kazakhstan-2022-01",
    timers: SLOW,
    deputies: { RU: 1 },
    bots: { BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
    seat: "KZ",
  });
  const ru = await srv.join(kz.roomId, { seat: "RU" });
  const deputy = await srv.join(kz.roomId, { seat: "RU.d1" });
  const spec = await srv.join(kz.roomId, { spectator: true });
  const boxes = new Map([kz, ru, deputy, spec].map((r) => [r, boxOf(r)]));
  await until(
    () => [kz, ru, deputy, spec].every(hasState) && decoded(kz).version === 4,
    5000,
    "the bots to mark ready",
  );
  return { code: kz.roomId, kz, ru, deputy, spec, boxes };
}

const lastSent = new WeakMap<Room, number>();
let probes = 0;

/**
 * Sends a message of a type no room knows from `room` and waits for its answer. The room answers
 * a client's messages in the order they came, so by then it has answered everything sent before.
 */
export async function probe(room: Room): Promise<string> {
  const box = boxOf(room);
  const type = `probe-${++probes}`;
  room.send(type, {});
  await until(() => box.errors.some((e) => e.to === type), 3000, `the answer to ${type}`);
  return type;
}

/**
 * Sends `send()` from `room` and expects exactly one error with `code` (nothing more by the time a
 * probe sent after it is answered), no state change, still connected. Each call sends two messages,
 * paced under the rate limit, which would otherwise (rightly) cut the client off.
 */
export async function refused(t: Table, room: Room, send: () => void, code: string | RegExp): Promise<void> {
  const box = boxOf(room);
  const wait = (lastSent.get(room) ?? 0) + (2 * 1000) / (LIMITS.messagesPerSecond - 5) - Date.now();
  if (wait > 0) await sleep(wait);
  lastSent.set(room, Date.now());
  const before = box.errors.length;
  const version = liveRoom(t.code).actionLog.length;
  send();
  await until(() => box.errors.length > before, 3000, `an error for ${String(code)}`);
  const probed = await probe(room);
  expect(box.errors.length).toBe(before + 2);
  expect(box.errors[before + 1]?.to).toBe(probed);
  expect(box.errors[before]?.code).toMatch(code);
  expect(box.errors[before]?.message.key).toMatch(/^error\./);
  expect(liveRoom(t.code).actionLog.length).toBe(version);
  expect(decoded(room).version).toBe(version);
  expect(room.connection.isOpen).toBe(true);
}
