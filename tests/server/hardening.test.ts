/**
 * The WebSocket `Origin` allow-list, the admin routes behind their key, and no secret in what a
 * client is sent (seat tokens, the seed, the admin key).
 */
import { request } from "node:http";
import type { Schema } from "@colyseus/schema";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { boxOf, decoded, startServer, until, type TestServer } from "./helpers.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";

const ADMIN_KEY = "hardening-admin-key-42";
const ALLOWED = "https://unanimity.example";
let srv: TestServer;

beforeAll(async () => {
  srv = await startServer({ allowedOrigins: [ALLOWED, "http://localhost:5173"], adminKey: ADMIN_KEY });
});
afterAll(async () => {
  await srv.close();
});

/** A WebSocket handshake by hand: the HTTP status the server answers an upgrade with. */
function upgradeStatus(port: number, path: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": Buffer.from("0123456789abcdef").toString("base64"),
        ...(origin ? { Origin: origin } : {}),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("hardening", () => {
  test("a WebSocket from an origin not on the list is refused; listed origins and non-browser clients get in", async () => {
    const port = srv.app.port;
    expect(await upgradeStatus(port, "/anything", "https://evil.example")).toBe(401);
    expect(await upgradeStatus(port, "/anything", "null")).toBe(401);
    // The handshake passes the origin check; Colyseus then refuses the bogus path itself (not 401 then).
    expect(await upgradeStatus(port, "/anything", ALLOWED)).not.toBe(401);
    expect(await upgradeStatus(port, "/anything")).not.toBe(401);
    // HTTP pages the same way.
    const bad = await fetch(`${srv.url}/api/scenarios`, { headers: { Origin: "https://evil.example" } });
    expect(bad.status).toBe(403);
    const good = await fetch(`${srv.url}/api/scenarios`, { headers: { Origin: ALLOWED } });
    expect(good.status).toBe(200);
    // The matchmaker's own routes too: a page elsewhere cannot reserve a seat for its visitor.
    const reserve = (origin: string) =>
      fetch(`${srv.url}/matchmake/create/${ROOM_NAME}`, {
        method: "POST",
        headers: { Origin: origin, "content-type": "application/json" },
        body: JSON.stringify({ scenario: "kazakhstan-2022-01", spectator: true }),
      });
    expect((await reserve("https://evil.example")).status).toBe(403);
    expect((await reserve(ALLOWED)).status).toBe(200);
    const preflight = async (origin: string) =>
      (
        await fetch(`${srv.url}/matchmake/create/${ROOM_NAME}`, {
          method: "OPTIONS",
          headers: { Origin: origin },
        })
      ).headers.get("access-control-allow-origin");
    expect(await preflight("https://evil.example")).not.toBe("https://evil.example");
    expect(await preflight(ALLOWED)).toBe(ALLOWED);
    // A real game still works from a non-browser client.
    const room = await srv.create({ scenario: "kazakhstan-2022-01", seat: "KZ" });
    await until(() => boxOf(room).seat !== null);
    await room.leave();
  });

  test("the admin routes need the key; the key never reaches a client", async () => {
    expect((await fetch(`${srv.url}/admin/rooms`)).status).toBe(401);
    expect((await fetch(`${srv.url}/admin/rooms`, { headers: { "x-admin-key": "nope" } })).status).toBe(401);
    const room = await srv.create({
      scenario: "kazakhstan-2022-01",
      seat: "KZ",
      private: true,
      seed: "seed-XYZZY",
    });
    await until(() => boxOf(room).seat !== null && decoded(room).version >= 0);
    const ok = await fetch(`${srv.url}/admin/rooms`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(ok.status).toBe(200);
    const rooms = (await ok.json()) as { code: string; private: boolean }[];
    expect(rooms.find((r) => r.code === room.roomId)?.private).toBe(true);
    const stats = await fetch(`${srv.url}/admin/stats`, { headers: { "x-admin-key": ADMIN_KEY } });
    expect(((await stats.json()) as { rooms: number }).rooms).toBeGreaterThanOrEqual(1);
    // Nothing synced holds the seat token, the seed or the admin key.
    const token = boxOf(room).seat?.token ?? "";
    expect(token.length).toBeGreaterThan(10);
    const synced = JSON.stringify((room.state as Schema).toJSON());
    expect(synced).not.toContain(token);
    expect(synced).not.toContain("XYZZY");
    expect(synced).not.toContain(ADMIN_KEY);
    // Nor the lookup by code, nor the public record.
    const lookup = await (await fetch(`${srv.url}/api/rooms/${room.roomId}`)).text();
    const record = await (await fetch(`${srv.url}/api/games/${room.roomId}`)).text();
    for (const text of [lookup, record]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain("XYZZY");
    }
    await room.leave();
  });

  test("without an admin key the admin routes do not exist", async () => {
    const plain = await startServer();
    try {
      expect((await fetch(`${plain.url}/admin/rooms`, { headers: { "x-admin-key": "" } })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe("behind a proxy", () => {
  test("TRUST_PROXY takes Express's forms: a flag, a hop count, or addresses", async () => {
    const { trustProxyValue } = await import("../../server/http.ts");
    expect(trustProxyValue("true")).toBe(true);
    expect(trustProxyValue("false")).toBe(false);
    expect(trustProxyValue("1")).toBe(1);
    expect(trustProxyValue("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });
});
