/**
 * `npm run bench:server [-- --rooms 100 --clients 10 --duration 45 --json]`
 *
 * Starts the real server as a separate process (SQLite in a temporary folder) and fills it with N
 * rooms × M clients: six leader seats, each played by a bot on the client side with a think delay,
 * and M − 6 spectators. When a game ends its table starts a new one, so the load stays up for the
 * whole run. Prints the latency from an action to the patch that carries it (p50/p99), the bytes of
 * the join state per seat, the median and p99 bytes of a patch, and the server's memory per room.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Encoder, Reflection } from "@colyseus/schema";
import { createBot } from "../../shared/bots/index.ts";
import { legalFromObject, unflatten, unpackTimelineEntry } from "../../shared/protocol/index.ts";
import type { LegalAction, SeatView } from "../../shared/rules/index.ts";
import { CouncilState } from "../../server/sync/schema.ts";

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
const SCENARIOS = ["kazakhstan-2022-01", "armenia-2022-09", "armenia-2021-05", "armenia-2020-karabakh"];
const TIMERS = {
  briefing: 3,
  appeal: 3,
  bilateral: 3,
  consultations: 4,
  council: 3,
  approvals: 3,
  deployment: 3,
};
const ROOT = new URL("../../", import.meta.url).pathname;

const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
};

// ── Byte counting: every frame a client receives, by its protocol code ─────────────────────
interface Frames {
  join: number;
  fullState: number;
  patches: number[];
}
const frames = new WeakMap<object, Frames>();
const Base = globalThis.WebSocket;
class CountingWebSocket extends Base {
  constructor(url: string | URL, opts?: string | string[] | Record<string, unknown>) {
    super(url, opts as string[]);
    const f: Frames = { join: 0, fullState: 0, patches: [] };
    frames.set(this, f);
    this.addEventListener("message", (e: MessageEvent) => {
      const data = e.data as ArrayBuffer;
      const bytes = data.byteLength;
      const code = new Uint8Array(data)[0];
      if (code === 10) f.join += bytes;
      else if (code === 14 && f.fullState === 0) f.fullState = bytes;
      else if (code === 15) f.patches.push(bytes);
    });
  }
}
globalThis.WebSocket = CountingWebSocket as typeof WebSocket;
const { Client } = await import("@colyseus/sdk");
type SdkRoom = Awaited<ReturnType<InstanceType<typeof Client>["joinById"]>>;
const framesOf = (room: SdkRoom): Frames | undefined =>
  frames.get((room.connection as unknown as { transport: { ws: object } }).transport.ws);

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
  [...(PROFILE ? ["--cpu-prof", "--cpu-prof-dir=test-results/server-profile"] : []), "server/main.ts"],
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
  server.stdout?.on("data", (b: Buffer) => {
    out += b.toString();
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

// ── The tables ───────────────────────────────────────────────────────────────────────────
const latencies: number[] = [];
const seatJoinBytes: number[] = [];
const spectatorJoinBytes: number[] = [];
const patchBytes: number[] = [];
let actions = 0;
/** Actions the rooms accepted (from the final versions). */
let accepted = 0;
let refused = 0;
let games = 0;
let failures = 0;
const endAt = Date.now() + DURATION_S * 1000;
let peakRss = baseRss;
let activeRooms = 0;
let rssAtFull: number[] = [];

const scenarios = new Map<string, unknown>();
/** The six seat clients of a table decode the same public view: once per room and version. */
const publicViews = new Map<string, { version: number; pub: Record<string, unknown> }>();

function publicOf(code: string, version: number, pub: Map<string, string>): Record<string, unknown> {
  const hit = publicViews.get(code);
  if (hit && hit.version === version) return hit.pub;
  const fresh = unflatten(pub.entries());
  publicViews.set(code, { version, pub: fresh });
  return fresh;
}

function decode(room: SdkRoom, seat: string): { view: SeatView; legal: LegalAction[] } | null {
  const s = room.state as unknown as {
    version: number;
    phase: string;
    scenario: string;
    pub: Map<string, string>;
    timeline: string[];
    debrief: string;
    secrets?: Map<string, { fields: Map<string, string> }>;
  };
  const secret = s.secrets?.get(seat);
  if (!secret || !s.pub) return null;
  const { legal, ...priv } = unflatten(secret.fields.entries()) as {
    legal?: Record<string, Omit<LegalAction, "type">>;
  };
  const view = {
    ...publicOf(room.roomId, s.version, s.pub),
    scenario: scenarioOf(s.scenario),
    timeline: [],
    debrief: null,
    version: s.version,
    phase: s.phase,
    seat,
    private: priv,
  } as unknown as SeatView;
  return { view, legal: legalFromObject(legal) };
}

function scenarioOf(json: string): unknown {
  let sc = scenarios.get(json);
  if (sc === undefined) {
    sc = JSON.parse(json) as unknown;
    scenarios.set(json, sc);
  }
  return sc;
}

function playSeat(room: SdkRoom, seat: string): () => void {
  const bot = createBot("historical", `bench:${seat}`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { v: number; t0: number; tl: number } | null = null;
  let stopped = false;
  room.onMessage("error", () => {
    if (pending) refused++;
    pending = null;
  });
  const act = () => {
    timer = null;
    if (stopped) return;
    const st = room.state as unknown as { version: number; phase: string; timeline: string[] };
    if (st.phase === "debrief" || pending) return;
    const sv = decode(room, seat);
    if (!sv || sv.legal.length === 0) return;
    const action = bot.act(sv.view, sv.legal);
    if (!action) return;
    pending = { v: st.version, t0: performance.now(), tl: st.timeline.length };
    room.send("action", { v: st.version, action });
  };
  room.onStateChange((st: unknown) => {
    const s = st as { version: number; timeline: string[] };
    if (pending && s.version > pending.v) {
      const mine = s.timeline.slice(pending.tl).some((e) => unpackTimelineEntry(e).seat === seat);
      if (mine) {
        latencies.push(performance.now() - pending.t0);
        actions++;
      }
      pending = null;
    }
    if (!timer && !stopped) timer = setTimeout(act, THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

async function table(index: number): Promise<void> {
  await new Promise((r) => setTimeout(r, (index * 5000) / ROOMS));
  let round = 0;
  while (Date.now() < endAt) {
    const scenario = SCENARIOS[(index + round++) % SCENARIOS.length] as string;
    const rooms: SdkRoom[] = [];
    const stops: (() => void)[] = [];
    try {
      const seats = ["RU", "KZ", "BY", "AM", "KG", "TJ"];
      const quiet = (r: SdkRoom) => {
        for (const t of ["seat", "chatHistory", "chat"]) r.onMessage(t, () => undefined);
        rooms.push(r);
        return r;
      };
      const first = quiet(
        await new Client(url).create("council", { scenario, timers: TIMERS, seat: seats[0] }),
      );
      for (const seat of seats.slice(1)) quiet(await new Client(url).joinById(first.roomId, { seat }));
      for (let i = 6; i < CLIENTS; i++)
        quiet(await new Client(url).joinById(first.roomId, { spectator: true }));
      activeRooms++;
      rooms.forEach((r, i) => {
        if (i < 6) stops.push(playSeat(r, seats[i] as string));
        else r.onMessage("error", () => undefined);
      });
      const spec = rooms[rooms.length - 1] as SdkRoom;
      await new Promise<void>((resolve) => {
        const check = () => {
          const s = spec.state as unknown as { debrief?: string };
          if (s?.debrief || Date.now() > endAt) resolve();
          else setTimeout(check, 100);
        };
        check();
      });
      if ((spec.state as unknown as { debrief?: string }).debrief) games++;
      accepted += (spec.state as unknown as { version?: number } | undefined)?.version ?? 0;
    } catch (err) {
      failures++;
      log("table error:", err instanceof Error ? err.message : err);
    } finally {
      for (const s of stops) s();
      rooms.forEach((r, i) => {
        const f = framesOf(r);
        if (f) {
          (i < 6 ? seatJoinBytes : spectatorJoinBytes).push(f.join + f.fullState);
          patchBytes.push(...f.patches);
        }
      });
      if (rooms.length === CLIENTS) activeRooms--;
      if (rooms[0]) publicViews.delete(rooms[0].roomId);
      await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
    }
  }
}

const sampler = setInterval(() => {
  const rss = rssMB();
  peakRss = Math.max(peakRss, rss);
  if (activeRooms >= ROOMS * 0.95) rssAtFull.push(rss);
  log(
    `  ${Math.round((endAt - Date.now()) / 1000)} s left: ${activeRooms} rooms, ${actions} actions, RSS ${rss.toFixed(1)} MB`,
  );
}, 5000);
const cpuStart = serverCpuSeconds();
const clientCpuStart = process.cpuUsage();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
// Tables still joining when the time is up are not waited for long.
await Promise.race([
  Promise.all(Array.from({ length: ROOMS }, (_, i) => table(i))),
  new Promise((r) => setTimeout(r, (DURATION_S + 20) * 1000)),
]);
const cpuUsed = serverCpuSeconds() - cpuStart;
const clientCpu = process.cpuUsage(clientCpuStart);
loopDelay.disable();
const serverSide = (
  (await (await fetch(`${url}/healthz`)).json()) as {
    actions: { count: number; p50Ms: number; p99Ms: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
  }
).actions;
clearInterval(sampler);
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
rmSync(dataDir, { recursive: true, force: true });

// ── Results ──────────────────────────────────────────────────────────────────────────────
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const handshake = Reflection.encode(new Encoder(new CouncilState())).byteLength;
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
  clientCpuShare: Number(((clientCpu.user + clientCpu.system) / 1e6 / DURATION_S).toFixed(2)),
  clientLoopDelayP99Ms: Number((loopDelay.percentile(99) / 1e6).toFixed(1)),
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
  bench clients        ${result.clientCpuShare} cores, event-loop delay p99 ${result.clientLoopDelayP99Ms} ms (the clients share this machine's 2 cores)
join state per seat    median ${result.joinBytes} B, max ${result.joinBytesMax} B (spectator ${result.spectatorJoinBytes} B; of which schema handshake ${handshake} B)   (goal: ≤ 14 KB)
patch per action       median ${result.medianPatchBytes} B, p99 ${result.p99PatchBytes} B over ${result.patches} patches   (goal: median ≤ 100 B)
server memory          ${result.rssMB} MB with all rooms (base ${result.baseRssMB} MB, peak ${result.peakRssMB} MB): ${result.rssPerRoomMB} MB per room`);
}
process.exit(0);
