/** Guessing class codes or the facilitator key is rate-limited per address; a known student is not. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { call, joinClass } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20 } });
});
afterAll(() => srv.close());

test("a body that is not JSON, or too large, gets ERR_MALFORMED as JSON", async () => {
  const post = (body: string) =>
    fetch(`${srv.url}/api/class`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const bad = await post("{not json");
  expect(bad.status).toBe(400);
  expect(await bad.json()).toEqual({ error: "ERR_MALFORMED" });
  const big = await post(JSON.stringify({ tables: [{ scenario: "x".repeat(20_000) }] }));
  expect(big.status).toBe(413);
  expect(await big.json()).toEqual({ error: "ERR_MALFORMED" });
  const wrong = await post(JSON.stringify({ tables: [] }));
  expect(wrong.status).toBe(400);
  expect(await wrong.json()).toEqual({ error: "ERR_MALFORMED" });
});

test("wrong class codes and wrong keys from one address are refused with 429 after twenty", async () => {
  const created = await call<{ code: string; key: string }>(srv.url, "", {
    body: { tables: [{ scenario: "kazakhstan-2022-01" }] },
  });
  expect(created.status).toBe(201);
  const { code, key } = created.body;
  const student = await joinClass(srv.url, code, "Eve");
  // A seated student's own token on a facilitator route is refused, but it is not a guess.
  for (let i = 0; i < 25; i++)
    expect((await call(srv.url, `/${code}/dashboard`, { token: student.token })).status).toBe(403);
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++)
    statuses.push((await call(srv.url, `/ZZZZZ${i + 2}/join`, { body: { name: "Eve" } })).status);
  for (let i = 0; i < 10; i++)
    statuses.push((await call(srv.url, `/${code}/dashboard`, { token: `guess-${i}` })).status);
  expect(statuses.every((s) => s === 404 || s === 403)).toBe(true);
  // The 21st failure: everything from this address is refused for the rest of the minute, the right key too.
  expect((await call(srv.url, `/ZZZZZZ/join`, { body: { name: "Eve" } })).status).toBe(429);
  expect((await call(srv.url, `/${code}/dashboard`, { token: key })).status).toBe(429);
  expect((await call(srv.url, `/${code}/join`, { body: { name: "Frank" } })).status).toBe(429);
});
