/** Solo practice can pause the room clock and the bots; a room with two humans cannot. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { decoded, inbox, startServer, until, type TestServer } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20, graceSeconds: 2 } });
});
afterAll(() => srv.close());

const hasState = (room: { state: unknown }) => !!(room.state as { seats?: unknown } | undefined)?.seats;
const paused = (room: { state: unknown }) => (room.state as { paused?: boolean }).paused === true;

test("the only human pauses and resumes; while paused the timer stops and actions are refused", async () => {
  const room = await srv.create({
    scenario: "kazakhstan-2022-01",
    bots: { KZ: "historical", BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
    seat: "RU",
  });
  const box = inbox(room);
  await until(() => hasState(room) && decoded(room).deadline > 0, 5000, "the briefing timer");
  room.send("pause", { paused: true });
  await until(() => paused(room), 5000, "paused");
  expect(decoded(room).deadline).toBe(0);
  const version = decoded(room).version;
  room.send("action", { v: version, action: { type: "ready" } });
  await until(() => box.errors.length > 0, 5000, "an error");
  expect(box.errors[0]?.code).toBe("ERR_PAUSED");
  await new Promise((r) => setTimeout(r, 200));
  // The bots did not move while paused.
  expect(decoded(room).version).toBe(version);
  room.send("pause", { paused: false });
  await until(() => !paused(room) && decoded(room).deadline > 0, 5000, "resumed");
  room.send("action", { v: decoded(room).version, action: { type: "ready" } });
  await until(
    () => (decoded(room).pub.ready as string[] | undefined)?.includes("RU") === true,
    5000,
    "ready",
  );
  await room.leave();
});

test("a room with two humans cannot be paused", async () => {
  const a = await srv.create({ scenario: "kazakhstan-2022-01", seat: "RU" });
  const boxA = inbox(a);
  await until(() => hasState(a) && decoded(a).phase === "briefing", 5000, "state");
  const b = await srv.join(a.roomId, { seat: "KZ" });
  await until(() => decoded(a).seats.KZ?.holder === "human", 5000, "second human");
  a.send("pause", { paused: true });
  await until(() => boxA.errors.length > 0, 5000, "an error");
  expect(boxA.errors[0]?.code).toBe("ERR_NOT_SOLO");
  expect(paused(a)).toBe(false);
  await a.leave();
  await b.leave();
});
