/**
 * `npm run bench:server [-- --rooms 100 --clients 10 --duration 45 --workers 1 --json]`
 *
 * Starts the real server as a separate process (SQLite in a temporary folder) and fills it with N
 * rooms × M clients: six leader seats, each played by a bot on the client side with a think delay,
 * and M − 6 spectators. When a game ends its table starts a new one, so the load stays up for the
 * whole run. Prints the latency from an action to the patch that carries it (p50/p99), the bytes of
 * the join state per seat, the median and p99 bytes of a patch, and the server's memory per room.
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { Encoder, Reflection } from "@colyseus/schema";
import { RoomState } from "../../server/sync/schema.ts";
import { runClientWorkers } from "./client-workers.ts";
import type { WorkerResult } from "./server-bench-clients.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROOMS = opt("rooms", 100);
const CLIENTS = Math.max(6, opt("clients", 10));
const DURATION_S = opt("duration", 45);
const THINK_MIN = opt("think-min", 500);
const THINK_MAX = opt("think-max", 1500);
const JSON_OUT = args.includes("--json");
const WORKERS = Math.max(1, Math.min(availableParallelism(), opt("workers", 1)));
const ROOT = new URL("../../", import.meta.url).pathname;

const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
};

// ── The server process ───────────────────────────────────────────────────────────────────
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "unanimity-bench-"));
const PROFILE = args.includes("--profile");
const server = spawn(
  process.execPath,
  [
    ...(PROFILE ? ["--cpu-prof", "--cpu-prof-dir=test-results/server-profile"] : []),
    // Extra node flags for the server, to try settings: BENCH_SERVER_FLAGS="--max-semi-space-size=64";
    // BENCH_SERVER_LOG=file keeps what the server prints (with BENCH_SERVER_FLAGS="--trace-gc", its GC).
    ...(process.env.BENCH_SERVER_FLAGS?.split(" ").filter(Boolean) ?? []),
    "server/main.ts",
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      QUIET: "1",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await new Promise<void>((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (b: Buffer) => {
    out += b.toString();
    if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, b);
    if (out.includes("Unanimity server on")) resolve();
  });
  server.once("exit", () => reject(new Error(`server exited: ${out}`)));
});
const rssMB = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};
/** User + system CPU seconds the server process has used. */
const serverCpuSeconds = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const url = `http://127.0.0.1:${port}`;
const baseRss = rssMB();
log(
  `server pid ${server.pid} on ${url}; ${ROOMS} rooms × ${CLIENTS} clients for ${DURATION_S} s; base RSS ${baseRss.toFixed(1)} MB`,
);

// ── The clients, in worker threads ───────────────────────────────────────────────────────
const endAt = Date.now() + DURATION_S * 1000;
let peakRss = baseRss;
let rssAtFull: number[] = [];
const progress = new Map<number, { active: number; actions: number }>();
const activeRooms = () => [...progress.values()].reduce((n, p) => n + p.active, 0);
const cpuStart = serverCpuSeconds();
const sampler = setInterval(() => {
  const rss = rssMB();
  peakRss = Math.max(peakRss, rss);
  if (activeRooms() >= ROOMS * 0.95) rssAtFull.push(rss);
  const actions = [...progress.values()].reduce((n, p) => n + p.actions, 0);
  log(
    `  ${Math.round((endAt - Date.now()) / 1000)} s left: ${activeRooms()} rooms, ${actions} actions, RSS ${rss.toFixed(1)} MB`,
  );
}, 5000);
const results = await runClientWorkers(
  WORKERS,
  ROOMS,
  {
    url,
    rooms: ROOMS,
    clients: CLIENTS,
    endAt,
    thinkMin: THINK_MIN,
    thinkMax: THINK_MAX,
  },
  log,
  progress,
);
const cpuUsed = serverCpuSeconds() - cpuStart;
clearInterval(sampler);
const serverSide = (
  (await (await fetch(`${url}/healthz`)).json()) as {
    actions: { count: number; p50Ms: number; p99Ms: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
  }
).actions;
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
rmSync(dataDir, { recursive: true, force: true });

const all = <K extends keyof WorkerResult>(k: K) => results.map((r) => r[k]);
const latencies = all("latencies").flat();
const seatJoinBytes = all("seatJoinBytes").flat();
const spectatorJoinBytes = all("spectatorJoinBytes").flat();
const patchBytes = all("patchBytes").flat();
const sum = (k: "accepted" | "refused" | "games" | "failures" | "cpuSeconds") =>
  all(k).reduce((a, b) => a + b, 0);
const accepted = sum("accepted");
const refused = sum("refused");
const games = sum("games");
const failures = sum("failures");
const clientCpuSeconds = sum("cpuSeconds");
const clientLoopDelayP99 = Math.max(...all("loopDelayP99Ms"));
// ── Results ──────────────────────────────────────────────────────────────────────────────
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const handshake = Reflection.encode(new Encoder(new RoomState())).byteLength;
if (rssAtFull.length === 0) rssAtFull = [peakRss];
const fullRss = rssAtFull.reduce((a, b) => a + b, 0) / rssAtFull.length;
const result = {
  rooms: ROOMS,
  clients: ROOMS * CLIENTS,
  clientsPerRoom: CLIENTS,
  durationS: DURATION_S,
  games,
  actions: accepted,
  actionsPerSecond: Math.round(accepted / DURATION_S),
  latencySamples: latencies.length,
  serverCpuMsPerAction: Number(((cpuUsed * 1000) / Math.max(1, accepted)).toFixed(2)),
  serverCpuShare: Number((cpuUsed / DURATION_S).toFixed(2)),
  serverP50Ms: serverSide.p50Ms,
  serverP99Ms: serverSide.p99Ms,
  serverLoopDelayP99Ms: serverSide.loopDelayP99Ms,
  serverLoopDelayMaxMs: serverSide.loopDelayMaxMs,
  clientCpuShare: Number((clientCpuSeconds / DURATION_S).toFixed(2)),
  clientLoopDelayP99Ms: Number(clientLoopDelayP99.toFixed(1)),
  clientWorkers: WORKERS,
  refusedActions: refused,
  tableFailures: failures,
  p50Ms: Number(pct(latencies, 50).toFixed(2)),
  p99Ms: Number(pct(latencies, 99).toFixed(2)),
  joinBytes: pct(seatJoinBytes, 50),
  joinBytesMax: Math.max(...seatJoinBytes),
  spectatorJoinBytes: pct(spectatorJoinBytes, 50),
  schemaHandshakeBytes: handshake,
  medianPatchBytes: pct(patchBytes, 50),
  p99PatchBytes: pct(patchBytes, 99),
  patches: patchBytes.length,
  rssMB: Number(fullRss.toFixed(1)),
  baseRssMB: Number(baseRss.toFixed(1)),
  peakRssMB: Number(peakRss.toFixed(1)),
  rssPerRoomMB: Number(((fullRss - baseRss) / ROOMS).toFixed(3)),
};
if (JSON_OUT) console.log(JSON.stringify(result));
else {
  console.log(`
rooms × clients        ${ROOMS} × ${CLIENTS} (${result.clients} clients), ${DURATION_S} s, ${games} games ended, ${accepted} actions (${result.actionsPerSecond}/s), ${refused} refused (stale), ${failures} table failures
server CPU             ${result.serverCpuShare} cores on average, ${result.serverCpuMsPerAction} ms per action (with its patches to ${CLIENTS} clients)
action → patch         p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${latencies.length} actions, seen by the clients   (goal: p99 ≤ 100 ms)
  in the server        p50 ${result.serverP50Ms} ms, p99 ${result.serverP99Ms} ms from the message to its patch sent (last ${Math.min(serverSide.count, 4096)} actions); event-loop delay p99 ${result.serverLoopDelayP99Ms} ms, max ${result.serverLoopDelayMaxMs} ms
  bench clients        ${result.clientCpuShare} cores in ${WORKERS} worker thread(s), event-loop delay p99 ${result.clientLoopDelayP99Ms} ms (they share this machine's cores with the server)
join state per seat    median ${result.joinBytes} B, max ${result.joinBytesMax} B (spectator ${result.spectatorJoinBytes} B; of which schema handshake ${handshake} B)   (goal: ≤ 14 KB)
patch per action       median ${result.medianPatchBytes} B, p99 ${result.p99PatchBytes} B over ${result.patches} patches   (goal: median ≤ 100 B)
server memory          ${result.rssMB} MB with all rooms (base ${result.baseRssMB} MB, peak ${result.peakRssMB} MB): ${result.rssPerRoomMB} MB per room`);
}
process.exit(0);
