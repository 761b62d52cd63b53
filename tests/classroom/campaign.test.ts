/**
 * A campaign table: the facilitator ends each crisis, the next begins after the debrief pause with the
 * same students in their seats; the class summary and the CSV hold both games; once the room is gone
 * the dashboard reads the table from its records.
 */
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ClassSummary } from "../../server/classroom/records.ts";
import { boxOf, decoded, startServer, until, type TestServer } from "../server/helpers.ts";
import { call, disposed, facilitator, joinClass } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20, graceSeconds: 1 } });
});
afterAll(() => srv.close());

test("a campaign table plays its crises in date order, each its own record in the summary and the exports", async () => {
  const created = await call<{ code: string; key: string }>(srv.url, "", {
    body: {
      tables: [{ scenario: "kazakhstan-2022-01", campaign: true, seed: "campaign" }],
      thinkMs: 20,
      campaignPauseSeconds: 0.3,
    },
  });
  expect(created.status).toBe(201);
  const { code, key } = created.body;
  const fac = facilitator(srv.url, code, key);
  const ann = await joinClass(srv.url, code, "Ann");
  await fac.command({ type: "autoSeat" });
  const room: Room = await ann.sit();
  await until(() => boxOf(room).seat?.seat === "RU", 5000, "Ann's seat");
  expect((await fac.command({ type: "control", table: 0, op: "start" })).status).toBe(200);

  expect((await fac.command({ type: "control", table: 0, op: "end" })).status).toBe(200);
  let dash = await fac.dashboard();
  expect(dash[0]).toMatchObject({ crisis: 1, crises: 2, ended: true });
  // After the debrief pause the next crisis begins, Ann still in her seat.
  await until(
    () => decoded(room).phase === "briefing" && decoded(room).version === 0,
    5000,
    "the second crisis",
  );
  dash = await fac.dashboard();
  expect(dash[0]).toMatchObject({ crisis: 2, crises: 2, ended: false, scenarioId: "armenia-2022-09" });
  expect(dash[0]?.seats.find((s) => s.seat === "RU")).toMatchObject({ name: "Ann", holder: "human" });
  expect((await fac.command({ type: "control", table: 0, op: "end" })).status).toBe(200);
  await until(() => decoded(room).phase === "debrief", 5000, "the last debrief");
  const gone = disposed(dash[0]?.code as string);
  await room.leave();

  // The room is gone once its last game ended and everyone left: the records answer.
  await gone;
  const lookup = (await fetch(`${srv.url}/api/rooms/${dash[0]?.code}`).then((r) => r.json())) as {
    live: boolean;
  };
  const live = lookup.live;
  expect(live).toBe(false);
  const last = await fac.dashboard();
  expect(last[0]).toMatchObject({ ended: true, gameId: `${dash[0]?.code}-2`, crises: 2, phase: "debrief" });
  // No clock control on an ended table.
  expect((await fac.command({ type: "control", table: 0, op: "skip" })).status).toBe(409);

  const summary = await call<ClassSummary>(srv.url, `/${code}/summary`, { token: key });
  expect(summary.body.games.map((g) => [g.gameId, g.scenarioId, g.finished])).toEqual([
    [dash[0]?.code, "kazakhstan-2022-01", true],
    [`${dash[0]?.code}-2`, "armenia-2022-09", true],
  ]);
  expect(summary.body.games.every((g) => g.players.some((p) => p.name === "Ann" && p.seat === "RU"))).toBe(
    true,
  );
  const csv = await call(srv.url, `/${code}/export.csv`, { token: key });
  expect(csv.text).toContain(`,${dash[0]?.code}-2,`);
});
