/**
 * `npm run loadtest [-- --processes 2 --rooms 100 --clients 10 --duration 60 --json]`
 * `npm run loadtest -- --soak [--duration 600]`
 *
 * Real games against real server processes: with `--processes 1`, one process on SQLite (what
 * `npm start` runs); with 2 or more (the default: 2), processes sharing the machine's Redis
 * (127.0.0.1:6379, a key prefix of their own) and PostgreSQL (127.0.0.1:5432, a schema of their own),
 * each with its own public address. Each table creates its room through one process and its other
 * clients join by code through the next, so seats are reserved across processes. The clients are the
 * bench's SDK driver (tests/bench/server-bench-clients.ts): six seats played by client-side bots,
 * the rest spectators; a table that finishes starts a new game.
 *
 * Prints rooms, clients, action → patch latency (p50/p99) seen by the clients, and errors (failed
 * tables plus error lines the servers logged). Afterwards it waits for the rooms to finish, and
 * checks that every process is back to zero rooms and to its timers at start, and that Redis holds
 * none of the run's keys once the processes are stopped. `--soak` runs 10 minutes (or --duration)
 * and also says whether memory stayed flat. Everything it made (keys, schema, files) is removed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { runClientWorkers } from "../bench/client-workers.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SOAK = args.includes("--soak");
const PROCESSES = Math.max(1, opt("processes", 2));
const ROOMS = opt("rooms", 100);
const CLIENTS = Math.max(6, opt("clients", 10));
const DURATION_S = opt("duration", SOAK ? 600 : 60);
const WORKERS = Math.max(1, opt("workers", 1));
const JSON_OUT = args.includes("--json");
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const TAG = `unanimity_load_${process.pid}_${Date.now()}`;
const PREFIX = `${TAG}:`;
const ADMIN_KEY = randomBytes(16).toString("hex");
const ROOT = new URL("../../", import.meta.url).pathname;

const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

interface Proc {
  child: ChildProcess;
  url: string;
  errorLines: string[];
}

const dataDir = mkdtempSync(join(tmpdir(), "unanimity-load-"));
const multi = PROCESSES > 1;

async function startProc(): Promise<Proc> {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    QUIET: "1",
    ADMIN_KEY,
    DATABASE_URL: multi ? DATABASE_URL : "",
    ...(multi
      ? { DATABASE_SCHEMA: TAG, REDIS_URL, REDIS_PREFIX: PREFIX, PUBLIC_ADDRESS: `127.0.0.1:${port}` }
      : { REDIS_URL: "" }),
  };
  const child = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errorLines: string[] = [];
  let out = "";
  child.stderr.on("data", (b: Buffer) => {
    for (const line of b.toString().split("\n")) if (line.trim()) errorLines.push(line);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("Unanimity server on")) resolve();
    });
    child.once("exit", () => reject(new Error(`server exited: ${out}${errorLines.join("\n")}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, errorLines };
}

const rssMB = (p: Proc) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.child.pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};
interface AdminStats {
  rooms: number;
  timers: number;
  resources: number;
  heapMb: number;
}
// `Connection: close`: a kept-alive socket of this very request would be one more timer in the count.
const statsOf = async (p: Proc) =>
  (await (
    await fetch(`${p.url}/admin/stats`, { headers: { "x-admin-key": ADMIN_KEY, connection: "close" } })
  ).json()) as AdminStats;

// Processes start one after the other (the first creates the PostgreSQL schema).
const procs: Proc[] = [];
for (let i = 0; i < PROCESSES; i++) procs.push(await startProc());
const urls = procs.map((p) => p.url);
const startStats = await Promise.all(procs.map(statsOf));
log(
  `${PROCESSES} process(es)${multi ? " on Redis and PostgreSQL" : " on SQLite"}: ${urls.join(", ")}; ${ROOMS} rooms × ${CLIENTS} clients for ${DURATION_S} s${SOAK ? " (soak)" : ""}`,
);

// ── The load ──────────────────────────────────────────────────────────────────────────────
const endAt = Date.now() + DURATION_S * 1000;
const rssSamples: number[] = [];
const heapSamples: number[] = [];
const progress = new Map<number, { active: number; actions: number }>();
const sampler = setInterval(() => {
  const rss = procs.reduce((n, p) => n + rssMB(p), 0);
  rssSamples.push(rss);
  void Promise.all(procs.map(statsOf))
    .then((s) => heapSamples.push(s.reduce((n, x) => n + x.heapMb, 0)))
    .catch(() => undefined);
  const active = [...progress.values()].reduce((n, p) => n + p.active, 0);
  const actions = [...progress.values()].reduce((n, p) => n + p.actions, 0);
  log(
    `  ${Math.round((endAt - Date.now()) / 1000)} s left: ${active} rooms, ${actions} actions, RSS ${rss.toFixed(0)} MB`,
  );
}, 10_000);
const results = await runClientWorkers(
  WORKERS,
  ROOMS,
  {
    url: urls[0] as string,
    urls,
    graceSeconds: 2,
    rooms: ROOMS,
    clients: CLIENTS,
    endAt,
    thinkMin: 500,
    thinkMax: 1500,
  },
  log,
  progress,
);
clearInterval(sampler);
// Where the time went, to tell a slow server from a busy load generator: each process's own view
// (message → patch sent, event-loop delay) and the load generator's event-loop delay.
interface ActionStats {
  p99Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}
const serverSide = await Promise.all(
  procs.map(
    async (p) => ((await (await fetch(`${p.url}/healthz`)).json()) as { actions: ActionStats }).actions,
  ),
);

// ── Afterwards: rooms finish, timers go, keys go ─────────────────────────────────────────
const drainStart = Date.now();
let after = await Promise.all(procs.map(statsOf));
while (after.some((s) => s.rooms > 0) && Date.now() - drainStart < 120_000) {
  await new Promise((r) => setTimeout(r, 1000));
  after = await Promise.all(procs.map(statsOf));
}
const roomsAfter = after.reduce((n, s) => n + s.rooms, 0);
const drainS = Math.round((Date.now() - drainStart) / 1000);
// A timer of the process's own (the matchmaker's, the transport's pings) is no leak; compare with the start.
const timersAbove = () =>
  after.reduce((n, s, i) => n + Math.max(0, s.timers - (startStats[i]?.timers ?? 0)), 0);
// Nor is one that ends by itself: the PostgreSQL pool closes a connection idle for 10 s with a timer,
// so a process that stored the last move a moment ago still holds one. Wait out that idle time.
const settleStart = Date.now();
while (timersAbove() > 0 && Date.now() - settleStart < 15_000) {
  await new Promise((r) => setTimeout(r, 1000));
  after = await Promise.all(procs.map(statsOf));
}
const leakedTimers = timersAbove();

for (const p of procs) p.child.kill("SIGTERM");
await Promise.all(
  procs.map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once("exit", r)))),
);
let redisKeysAfter = 0;
if (multi) {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  redisKeysAfter = keys.length;
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${TAG} CASCADE`);
  await db.end();
}
rmSync(dataDir, { recursive: true, force: true });

// ── Results ───────────────────────────────────────────────────────────────────────────────
const latencies = results.flatMap((r) => r.latencies);
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const sum = (k: "accepted" | "games" | "failures") => results.reduce((n, r) => n + r[k], 0);
const serverErrors = procs.flatMap((p) => p.errorLines);
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
// Memory: the first fifth after the warm-up against the last fifth of the run.
const fifth = Math.max(1, Math.floor(rssSamples.length / 5));
const rssEarly = avg(rssSamples.slice(fifth, 2 * fifth));
const rssLate = avg(rssSamples.slice(-fifth));
const heapEarly = avg(heapSamples.slice(fifth, 2 * fifth));
const heapLate = avg(heapSamples.slice(-fifth));
const result = {
  processes: PROCESSES,
  presence: multi ? "redis" : "local",
  rooms: ROOMS,
  clients: ROOMS * CLIENTS,
  durationS: DURATION_S,
  games: sum("games"),
  actions: sum("accepted"),
  latencySamples: latencies.length,
  p50Ms: Number(pct(latencies, 50).toFixed(2)),
  p99Ms: Number(pct(latencies, 99).toFixed(2)),
  serverP99Ms: Math.max(...serverSide.map((s) => s.p99Ms)),
  serverLoopDelayP99Ms: Math.max(...serverSide.map((s) => s.loopDelayP99Ms)),
  serverLoopDelayMaxMs: Math.max(...serverSide.map((s) => s.loopDelayMaxMs)),
  clientLoopDelayP99Ms: Number(Math.max(...results.map((r) => r.loopDelayP99Ms)).toFixed(1)),
  errors: sum("failures") + serverErrors.length,
  tableFailures: sum("failures"),
  serverErrorLines: serverErrors.slice(0, 5),
  roomsAfter,
  drainS,
  leakedTimers,
  redisKeysAfter,
  rssEarlyMB: Number(rssEarly.toFixed(1)),
  rssLateMB: Number(rssLate.toFixed(1)),
  heapEarlyMB: Number(heapEarly.toFixed(1)),
  heapLateMB: Number(heapLate.toFixed(1)),
  // Flat: the heap at the end within 15 % (or 20 MB) of the heap after the warm-up.
  memoryFlat: rssSamples.length < 10 ? null : heapLate <= Math.max(heapEarly * 1.15, heapEarly + 20),
};
if (JSON_OUT) console.log(JSON.stringify(result));
else
  console.log(`
processes              ${PROCESSES} (${result.presence} presence${multi ? ", PostgreSQL records" : ", SQLite"})
rooms × clients        ${ROOMS} × ${CLIENTS} (${result.clients} clients), ${DURATION_S} s, ${result.games} games ended, ${result.actions} actions
action → patch         p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${latencies.length} actions   (goal: p99 ≤ 100 ms)
  in the servers       p99 ${result.serverP99Ms} ms from message to patch sent; event-loop delay p99 ${result.serverLoopDelayP99Ms} ms, max ${result.serverLoopDelayMaxMs} ms (the worst process)
  load generator       event-loop delay p99 ${result.clientLoopDelayP99Ms} ms (it shares the machine's cores with the servers, Redis and PostgreSQL)
errors                 ${result.errors} (${result.tableFailures} failed tables, ${serverErrors.length} server error lines)${serverErrors.length ? `\n  ${serverErrors.slice(0, 5).join("\n  ")}` : ""}
afterwards             ${roomsAfter} rooms left after ${drainS} s, ${leakedTimers} timers more than at start, ${redisKeysAfter} Redis keys left after shutdown
memory                 RSS ${result.rssEarlyMB} → ${result.rssLateMB} MB, heap ${result.heapEarlyMB} → ${result.heapLateMB} MB (${result.memoryFlat === null ? "run too short to tell" : result.memoryFlat ? "flat" : "GROWING"})`);
process.exit(0);
