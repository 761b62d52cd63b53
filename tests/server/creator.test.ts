/**
 * What the room's creator may do (server/README.md, "Rooms"): hand the open seats to bots, and in a
 * solo room, which nobody else may join, invite others in. The creator is known by its seat's token,
 * so a reload keeps it; anyone else is refused with a code the client translates.
 */
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, expect, test } from "vitest";
import { boxOf, decoded, startServer, until, type TestServer } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20 } });
});
afterAll(() => srv.close());

const LONG = { briefing: 3600 };
const hasState = (room: Room) => !!(room.state as { seats?: unknown } | undefined)?.seats;
const SOLO_BOTS = { KZ: "pragmatic", BY: "pragmatic", AM: "pragmatic", KG: "pragmatic", TJ: "pragmatic" };

/** Sends a message and waits for the error it gets (the room answers each client in order). */
async function refusal(room: Room, type: string, payload: unknown): Promise<string> {
  const box = boxOf(room);
  const before = box.errors.length;
  room.send(type, payload);
  await until(() => box.errors.length > before, 5000, `the answer to ${type}`);
  const error = box.errors[before];
  expect(error?.to).toBe(type);
  expect(error?.message.key).toMatch(/^error\./);
  return error?.code ?? "";
}

test("the creator hands the open seats to bots; another player may not, and a reload is still the creator", async () => {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    fallbackBot: "hardline",
    bots: { KZ: "historical" },
    timers: LONG,
    seat: "RU",
  });
  await until(() => hasState(ru) && boxOf(ru).seat !== null, 5000, "RU's seat");
  expect(boxOf(ru).seat?.creator).toBe(true);
  const by = await srv.join(ru.roomId, { seat: "BY" });
  await until(() => hasState(by) && boxOf(by).seat !== null, 5000, "BY's seat");
  expect(boxOf(by).seat?.creator).toBe(false);
  expect(await refusal(by, "fillSeats", {})).toBe("ERR_NOT_CREATOR");
  expect(decoded(ru).seats.AM?.holder).toBe("open");

  // The creator comes back with its token (a reload): still the creator.
  const token = boxOf(ru).seat?.token;
  const back = await srv.join(ru.roomId, { seatToken: token });
  await until(() => boxOf(back).seat !== null, 5000, "RU's seat again");
  expect(boxOf(back).seat?.creator).toBe(true);
  expect(await refusal(back, "fillSeats", { bot: "nobody" })).toBe("ERR_MALFORMED");
  back.send("fillSeats", {});
  await until(() => decoded(back).seats.AM?.holder === "bot", 5000, "the open seats to be bots");
  const seats = decoded(back).seats;
  for (const id of ["AM", "KG", "TJ"]) expect(seats[id]).toMatchObject({ holder: "bot", bot: "hardline" });
  expect(seats.BY?.holder).toBe("human");
  expect(seats.KZ).toMatchObject({ holder: "bot", bot: "historical" });
  // Nothing is left open now.
  expect(await refusal(back, "fillSeats", { bot: "pragmatic" })).toBe("ERR_NOTHING_TO_DO");
  // The new bots mark ready in the briefing like the others.
  await until(() => (decoded(back).pub.ready as string[] | undefined)?.length === 4, 5000, "the bots ready");
  await Promise.all([back.leave(), by.leave()]);
});

test("a solo room: nobody joins by code until its player invites; pause works even after a guest has joined", async () => {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    solo: true,
    bots: SOLO_BOTS,
    timers: LONG,
    seat: "RU",
  });
  await until(() => hasState(ru) && decoded(ru).solo, 5000, "the solo room");
  expect(decoded(ru).invited).toBe(false);
  await expect(srv.join(ru.roomId, { seat: "KZ" })).rejects.toThrow(/ERR_SOLO_ROOM/);
  await expect(srv.join(ru.roomId, { spectator: true })).rejects.toThrow(/ERR_SOLO_ROOM/);
  await expect(srv.join(ru.roomId, {})).rejects.toThrow(/ERR_SOLO_ROOM/);
  // Never listed.
  const lobby = (await (await fetch(`${srv.url}/api/rooms`)).json()) as { code: string }[];
  expect(lobby.map((room) => room.code)).not.toContain(ru.roomId);
  // Its player comes back with the seat token.
  const token = boxOf(ru).seat?.token;
  const me = await srv.join(ru.roomId, { seatToken: token });
  await until(() => decoded(me).seats.RU?.holder === "human" && boxOf(me).seat !== null, 5000, "RU again");
  expect(boxOf(me).seat?.creator).toBe(true);

  me.send("invite", {});
  await until(() => decoded(me).invited, 5000, "the invitation");
  expect(await refusal(me, "invite", {})).toBe("ERR_NOTHING_TO_DO");
  const guest = await srv.join(ru.roomId, { seat: "KZ" });
  await until(() => decoded(me).seats.KZ?.holder === "human", 5000, "the guest in Kazakhstan's seat");
  expect(await refusal(guest, "invite", {})).toBe("ERR_NOT_CREATOR");
  expect(await refusal(guest, "pause", { paused: true })).toBe("ERR_NOT_SOLO");
  expect(await refusal(guest, "fillSeats", {})).toBe("ERR_NOT_CREATOR");
  // The room still belongs to its player: pause and resume.
  me.send("pause", { paused: true });
  await until(() => decoded(me).paused, 5000, "paused");
  expect(decoded(me).deadline).toBe(0);
  me.send("pause", { paused: false });
  await until(() => !decoded(me).paused && decoded(me).deadline > 0, 5000, "resumed");
  await Promise.all([me.leave(), guest.leave()]);
});

test("a room that is not solo has nobody to invite (it is open); a creator who only watches fills the seats, another spectator may not", async () => {
  const host = await srv.create({ scenario: "armenia-2021-05", timers: LONG, spectator: true });
  await until(() => hasState(host) && boxOf(host).seat !== null, 5000, "the creator watching");
  expect(boxOf(host).seat).toMatchObject({ seat: null, creator: true });
  expect(await refusal(host, "invite", {})).toBe("ERR_NOTHING_TO_DO");
  // A creator who only watches still fills the empty seats (the room is theirs).
  host.send("fillSeats", { bot: "pragmatic" });
  await until(() => decoded(host).seats.AM?.holder === "bot", 5000, "bots in every seat");
  const guest = await srv.join(host.roomId, { spectator: true });
  await until(() => boxOf(guest).seat !== null, 5000, "the guest watching");
  expect(boxOf(guest).seat?.creator).toBe(false);
  expect(await refusal(guest, "fillSeats", {})).toBe("ERR_NOT_CREATOR");
  await Promise.all([host.leave(), guest.leave()]);
});
