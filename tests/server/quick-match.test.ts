/**
 * "Play now": strangers who ask for a quick match seconds apart land in the same room, each in a
 * seat of their own; it starts when enough people are in or when its wait ends, with bots in the
 * other seats; a started room is found no more, so the next stranger gets a new one.
 */
import type { Room } from "@colyseus/sdk";
import { afterEach, describe, expect, test } from "vitest";
import { LobbyListSchema, ROOM_NAME, type LobbyRoom } from "../../shared/protocol/index.ts";
import { boxOf, decoded, inbox, startServer, track, until, untilAsync, type TestServer } from "./helpers.ts";
import type { AppConfig } from "../../server/app.ts";

const SCENARIO = "kazakhstan-2022-01";
let srv: TestServer | undefined;
const rooms: Room[] = [];

afterEach(async () => {
  for (const room of rooms.splice(0)) await room.leave().catch(() => undefined);
  await srv?.close();
  srv = undefined;
});

async function serve(defaults: NonNullable<AppConfig["defaults"]>): Promise<TestServer> {
  srv = await startServer({ defaults: { thinkMs: 0, deliberationSeconds: 0, graceSeconds: 2, ...defaults } });
  return srv;
}

/** A stranger presses "Play now". */
async function playNow(server: TestServer, name: string, extra: Record<string, unknown> = {}): Promise<Room> {
  const options = { quickMatch: true, scenario: SCENARIO, name, ...extra };
  const room = track(await server.client().joinOrCreate(ROOM_NAME, options));
  rooms.push(room);
  await until(
    () => !!(room.state as { seats?: unknown } | undefined)?.seats && !!boxOf(room).seat,
    5000,
    "a seat",
  );
  return room;
}

const gathering = (room: Room) => room.state as unknown as { gatherUntil: number; gatherNeeded: number };
/** The seat the server gave this client (its `seat` message). */
const mySeat = (room: Room) => boxOf(room).seat?.seat ?? null;

async function lobby(server: TestServer): Promise<LobbyRoom[]> {
  return LobbyListSchema.parse(await (await fetch(`${server.url}/api/rooms`)).json());
}

describe("quick match", () => {
  test("two strangers seconds apart share one room, each in a different sensible seat, while it gathers", async () => {
    const server = await serve({ quickMatchPlayers: 3, quickWaitSeconds: 600 });
    const [a, b] = await Promise.all([playNow(server, "Ada"), playNow(server, "Bo")]);
    expect(b.roomId).toBe(a.roomId);
    await until(() => Object.values(decoded(a).seats).filter((s) => s.holder === "human").length === 2);
    const seats = Object.entries(decoded(a).seats).filter(([, s]) => s.holder === "human");
    // The host and the chair: the two seats with the most to decide.
    expect(seats.map(([seat]) => seat).sort()).toEqual(["AM", "KZ"]);
    expect([mySeat(a), mySeat(b)].sort()).toEqual(["AM", "KZ"]);
    // Held: paused, a countdown, the number of people it waits for; nobody is a bot yet.
    expect(decoded(a).paused).toBe(true);
    expect(gathering(a).gatherNeeded).toBe(3);
    expect(gathering(a).gatherUntil).toBeGreaterThan(Date.now());
    expect(Object.values(decoded(a).seats).some((s) => s.holder === "bot")).toBe(false);
    await untilAsync(async () => (await lobby(server)).some((r) => r.code === a.roomId && r.people === 2));
    const listed = (await lobby(server)).find((r) => r.code === a.roomId);
    expect(listed).toMatchObject({ quickMatch: true, people: 2, bots: 0, seats: 6, openSeats: 4 });
  });

  test("a stranger cannot unpause a gathering room, and the wait starts the game with bots", async () => {
    const server = await serve({ quickMatchPlayers: 3 });
    const a = await playNow(server, "Ada", { quickWaitSeconds: 0.3 });
    const box = inbox(a);
    a.send("pause", { paused: false });
    await until(() => box.errors.length > 0, 5000, "the refusal");
    expect(box.errors[0]?.code).toBe("ERR_NOT_SOLO");
    await until(() => !decoded(a).paused, 5000, "the wait to end");
    expect(gathering(a).gatherUntil).toBe(0);
    const seats = decoded(a).seats;
    expect(seats.KZ?.holder).toBe("human");
    for (const seat of ["RU", "BY", "AM", "KG", "TJ"]) expect(seats[seat]?.holder, seat).toBe("bot");
    // The game goes on: once the one person is ready the appeal begins.
    a.send("action", { v: decoded(a).version, action: { type: "ready" } });
    await until(() => decoded(a).phase !== "briefing", 5000, "the appeal");
    await untilAsync(async () => (await lobby(server)).some((r) => r.code === a.roomId && !r.quickMatch));
    expect((await lobby(server)).find((r) => r.code === a.roomId)).toMatchObject({ people: 1, bots: 5 });
  });

  test("enough people start it at once; the next stranger gets a new room", async () => {
    const server = await serve({ quickMatchPlayers: 2, quickWaitSeconds: 600 });
    const a = await playNow(server, "Ada");
    const b = await playNow(server, "Bo");
    expect(b.roomId).toBe(a.roomId);
    await until(() => !decoded(a).paused, 5000, "the start");
    expect(decoded(a).seats.RU?.holder).toBe("bot");
    const c = await playNow(server, "Cy");
    expect(c.roomId).not.toBe(a.roomId);
    expect(decoded(c).paused).toBe(true);
    expect(mySeat(c)).toBe("KZ");
  });

  test("Play now never lands in a room created for a group, and a solo room is never listed", async () => {
    const server = await serve({ quickMatchPlayers: 3, quickWaitSeconds: 600 });
    const group = track(await server.create({ scenario: SCENARIO, private: false, seat: "RU" }));
    rooms.push(group);
    const solo = track(await server.create({ scenario: SCENARIO, solo: true, quickMatch: true, seat: "RU" }));
    rooms.push(solo);
    const a = await playNow(server, "Ada");
    expect([group.roomId, solo.roomId]).not.toContain(a.roomId);
    await untilAsync(async () => (await lobby(server)).length === 2);
    const codes = (await lobby(server)).map((r) => r.code).sort();
    expect(codes).toEqual([a.roomId, group.roomId].sort());
  });
});
