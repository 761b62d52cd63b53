/**
 * With approval required, nobody gets in by typing a classmate's name: the same name from another
 * device waits for the facilitator, the student's own device keeps its seat meanwhile, and only an
 * admitted rejoin takes the student over (the old device's token then opens nothing).
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RosterEntry } from "../../shared/protocol/classroom.ts";
import { startServer, type TestServer } from "../server/helpers.ts";
import { call, facilitator, joinClass } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20 } });
});
afterAll(() => srv.close());

test("the same name again waits for the facilitator; turned away it changes nothing, admitted it takes over", async () => {
  const created = await call<{ code: string; key: string }>(srv.url, "", {
    body: { tables: [{ scenario: "kazakhstan-2022-01" }], requireApproval: true },
  });
  const { code, key } = created.body;
  const fac = facilitator(srv.url, code, key);
  const ann = await joinClass(srv.url, code, "Ann");
  expect((await ann.me()).status).toBe("waiting");
  await fac.command({ type: "admit", student: "s1" });
  await fac.command({ type: "autoSeat" });
  expect(await ann.me()).toMatchObject({ status: "admitted", seat: "RU" });

  // Someone else types "ann": they wait, see no seat, and Ann keeps hers.
  const mallory = await joinClass(srv.url, code, "ann");
  expect(await mallory.me()).toMatchObject({ status: "waiting", seat: null, seatToken: null, table: null });
  expect(await ann.me()).toMatchObject({ status: "admitted", seat: "RU" });
  const roster = async () =>
    (await call<{ roster: RosterEntry[] }>(srv.url, `/${code}`, { token: key })).body.roster;
  expect((await roster())[0]).toMatchObject({ name: "Ann", rejoin: true });
  await fac.command({ type: "reject", student: "s1" });
  expect((await roster())[0]).toMatchObject({ name: "Ann", rejoin: false, status: "admitted", seat: "RU" });
  expect((await call(srv.url, `/${code}/me`, { token: mallory.token })).status).toBe(403);
  expect((await ann.me()).seat).toBe("RU");

  // Ann on a new laptop: admitted, the new device has the seat and the old token is dead.
  const laptop = await joinClass(srv.url, code, "Ann");
  await fac.command({ type: "admit", student: "s1" });
  expect(await laptop.me()).toMatchObject({ status: "admitted", seat: "RU" });
  expect((await laptop.me()).seatToken).toBeTruthy();
  expect((await call(srv.url, `/${code}/me`, { token: ann.token })).status).toBe(403);
});

test("shuffling reseats the whole class: every student seated once, new seat tokens, tables balanced", async () => {
  const created = await call<{ code: string; key: string }>(srv.url, "", {
    body: { tables: [{ scenario: "kazakhstan-2022-01" }, { scenario: "armenia-2021-05" }] },
  });
  const { code, key } = created.body;
  const fac = facilitator(srv.url, code, key);
  const students = [];
  for (const n of ["A", "B", "C", "D", "E"]) students.push(await joinClass(srv.url, code, n));
  await fac.command({ type: "autoSeat" });
  const before = await Promise.all(students.map((s) => s.me()));
  expect(before.map((m) => m.table?.index)).toEqual([0, 1, 0, 1, 0]);
  expect((await fac.command({ type: "autoSeat", shuffle: true })).body).toMatchObject({ seated: 5 });
  const after = await Promise.all(students.map((s) => s.me()));
  expect(after.every((m) => m.seat && m.seatToken)).toBe(true);
  expect(new Set(after.map((m) => `${m.table?.index}:${m.seat}`)).size).toBe(5);
  expect(after.every((m, i) => m.seatToken !== before[i]?.seatToken)).toBe(true);
  expect(after.filter((m) => m.table?.index === 0).length).toBe(3);
  const dash = await fac.dashboard();
  expect(dash.flatMap((t) => t.seats.filter((s) => s.name)).length).toBe(5);
});
