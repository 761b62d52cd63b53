/**
 * Several real server processes on 127.0.0.1 sharing the machine's Redis (6379, a key prefix of
 * their own) and PostgreSQL (5432, a schema of their own), for the cluster tests: `cluster(n)`
 * starts `n` processes before a file's tests and removes every key and the schema afterwards.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, kill9, startProcess } from "../server/suites/restart.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const ADMIN_KEY = "test-admin-key-0123456789";

export interface Proc {
  child: ChildProcess;
  url: string;
  port: number;
  env: Record<string, string>;
}

export function sigterm(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

export const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;
export const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};
interface PublicLog {
  status: string;
  log: { seat: string; action: { type: string } }[];
}
export const recordOf = async (url: string, code: string) =>
  (await (await fetch(`${url}/api/games/${code}`)).json()) as PublicLog;
export const adminRooms = async (url: string) =>
  (await getJson(`${url}/admin/rooms`, { "x-admin-key": ADMIN_KEY })).body as unknown as {
    code: string;
    processId: string;
  }[];

export const timers = {
  briefing: 0.5,
  appeal: 1,
  bilateral: 1,
  consultations: 1.5,
  council: 1,
  approvals: 1,
  deployment: 1,
};
export const bots = { BY: "historical", AM: "historical", KG: "historical", TJ: "historical" };

export interface Cluster {
  /** Every process started, those of `beforeAll` first. */
  procs: Proc[];
  /** A closure (no `this`): destructured by the tests. */
  spawnProc: (port?: number) => Promise<Proc>;
}

/** `processes` server processes for this file's tests (its own Redis prefix and database schema). */
export function cluster(processes: number): Cluster {
  const tag = `unanimity_cluster_${process.pid}_${Date.now()}`;
  const prefix = `${tag}:`;
  const dataDir = mkdtempSync(join(tmpdir(), "unanimity-cluster-"));
  const procs: Proc[] = [];
  let redis: Redis;

  async function spawnProc(port?: number): Promise<Proc> {
    const p = port ?? (await freePort());
    const env = {
      PORT: String(p),
      DATA_DIR: dataDir,
      DATABASE_URL,
      DATABASE_SCHEMA: tag,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PUBLIC_ADDRESS: `127.0.0.1:${p}`,
      ADMIN_KEY,
    };
    const proc = { child: await startProcess(env), url: `http://127.0.0.1:${p}`, port: p, env };
    procs.push(proc);
    return proc;
  }

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    // The first process creates the schema; the others then start at once.
    await spawnProc();
    await Promise.all(Array.from({ length: processes - 1 }, () => spawnProc()));
  });

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) await kill9(p.child);
    // Nothing of this test stays in Redis or PostgreSQL.
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`);
    await db.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return { procs, spawnProc };
}

/** The last test of a file: every process shuts down cleanly, and no room stays in Redis's listing. */
export function shutdownTest(c: Cluster): void {
  test("after every process has shut down, no room is left in Redis's listing", async () => {
    for (const p of c.procs)
      if (p.child.exitCode === null && p.child.signalCode === null) expect(await sigterm(p.child)).toBe(0);
    const redis = new Redis(REDIS_URL);
    const prefix = c.procs[0]?.env.REDIS_PREFIX ?? "";
    expect(await redis.hlen(`${prefix}roomcaches`)).toBe(0);
    await redis.quit();
  });
}
