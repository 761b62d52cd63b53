/**
 * One worker thread of `npm run bench:server`: it plays its share of the tables (six seat clients
 * with client-side bots, the rest spectators) against the server at `url` until `endAt`, counting
 * every frame its clients receive, and posts what it measured. Worker threads let the load
 * generator use both cores, so that its own event loop does not stand in the measured latency.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import NodeWebSocket from "ws";
import { useFastStringDecoding } from "../../client/net/schema-strings.ts";
import { createBot } from "../../shared/bots/index.ts";
import { legalFromObject, ROOM_NAME, unflatten, unpackTimelineEntry } from "../../shared/protocol/index.ts";
import type { LegalAction, SeatView } from "../../shared/rules/index.ts";

export interface WorkerInput {
  url: string;
  /**
   * Several server processes (`npm run loadtest`): table i creates its room through urls[i] and
   * its other clients join by code through the next process, so joins cross processes.
   */
  urls?: string[];
  /** The rooms' grace period for a dropped seat (seconds); the server's default otherwise. */
  graceSeconds?: number;
  tables: number[];
  rooms: number;
  clients: number;
  endAt: number;
  thinkMin: number;
  thinkMax: number;
  scenarios: string[];
  timers: Record<string, number>;
}

export interface WorkerResult {
  latencies: number[];
  seatJoinBytes: number[];
  spectatorJoinBytes: number[];
  patchBytes: number[];
  accepted: number;
  refused: number;
  games: number;
  failures: number;
  loopDelayP99Ms: number;
  cpuSeconds: number;
}

const input = workerData as WorkerInput;
const { url, endAt } = input;
const CLIENTS = input.clients;
const ROOMS = input.rooms;
const THINK_MIN = input.thinkMin;
const THINK_MAX = input.thinkMax;
const SCENARIOS = input.scenarios;
const TIMERS = input.timers;
const log = (...a: unknown[]) => parentPort?.postMessage({ log: a.map(String).join(" ") });

// ── Byte counting: every frame a client receives, by its protocol code ─────────────────────
interface Frames {
  join: number;
  fullState: number;
  patches: number[];
}
const frames = new WeakMap<object, Frames>();
/**
 * The `ws` package rather than Node's built-in WebSocket: a thousand clients in one thread spent a
 * quarter of their time in the built-in one's stream plumbing and garbage, and that stall showed up
 * in the measured latency as if it were the server's.
 */
class CountingWebSocket extends NodeWebSocket {
  constructor(url: string | URL, opts?: string | string[] | Record<string, unknown>) {
    super(url, opts as NodeWebSocket.ClientOptions);
    const f: Frames = { join: 0, fullState: 0, patches: [] };
    frames.set(this, f);
    this.addEventListener("message", (e) => {
      const data = e.data as ArrayBuffer;
      const bytes = data.byteLength;
      const code = new Uint8Array(data)[0];
      if (code === 10) f.join += bytes;
      else if (code === 14 && f.fullState === 0) f.fullState = bytes;
      else if (code === 15) f.patches.push(bytes);
    });
  }
}
globalThis.WebSocket = CountingWebSocket as unknown as typeof WebSocket;
// As the browser client does (client/net/connection.ts).
useFastStringDecoding();
const { Client } = await import("@colyseus/sdk");
type SdkRoom = Awaited<ReturnType<InstanceType<typeof Client>["joinById"]>>;
const framesOf = (room: SdkRoom): Frames | undefined =>
  frames.get((room.connection as unknown as { transport: { ws: object } }).transport.ws);

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
let activeRooms = 0;

/** The scenario's public part, parsed once per room (keyed by room, not by its long JSON). */
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
  const s = room.state as {
    version: number;
    phase: string;
    scenario: string;
    pub?: Map<string, string>;
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
    scenario: scenarioOf(room.roomId, s.scenario),
    timeline: [],
    debrief: null,
    version: s.version,
    phase: s.phase,
    seat,
    private: priv,
  } as unknown as SeatView;
  return { view, legal: legalFromObject(legal) };
}

function scenarioOf(roomId: string, json: string): unknown {
  let sc = scenarios.get(roomId);
  if (sc === undefined) {
    sc = JSON.parse(json) as unknown;
    scenarios.set(roomId, sc);
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
    const st = room.state as { version: number; phase: string; timeline: string[] };
    if (st.phase === "debrief" || pending) return;
    const sv = decode(room, seat);
    if (!sv || sv.legal.length === 0) return;
    const action = bot.act(sv.view, sv.legal);
    if (!action) return;
    pending = { v: st.version, t0: performance.now(), tl: st.timeline.length };
    room.send("action", { v: st.version, action });
  };
  const think = () => {
    if (!timer && !stopped) timer = setTimeout(act, THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
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
    think();
  });
  // The seat may already hold the state it has to act on (the table's last joins send no patch
  // after this client started playing): look at it once, as a player reads the screen on arrival.
  think();
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
      const urls = input.urls ?? [url];
      const createUrl = urls[index % urls.length] as string;
      const joinUrl = urls[(index + 1) % urls.length] as string;
      const grace = input.graceSeconds === undefined ? {} : { graceSeconds: input.graceSeconds };
      const first = quiet(
        await new Client(createUrl).create(ROOM_NAME, {
          scenario,
          timers: TIMERS,
          // Zero think time and no deliberation window: the benchmark measures the server, not a pace.
          thinkMs: 0,
          deliberationSeconds: 0,
          seat: seats[0],
          ...grace,
        }),
      );
      for (const seat of seats.slice(1)) quiet(await new Client(joinUrl).joinById(first.roomId, { seat }));
      for (let i = 6; i < CLIENTS; i++)
        quiet(await new Client(joinUrl).joinById(first.roomId, { spectator: true }));
      activeRooms++;
      rooms.forEach((r, i) => {
        if (i < 6) stops.push(playSeat(r, seats[i] as string));
        else r.onMessage("error", () => undefined);
      });
      const spec = rooms[rooms.length - 1] as SdkRoom;
      await new Promise<void>((resolve) => {
        const check = () => {
          const s = spec.state as { debrief?: string } | undefined;
          if (s?.debrief || Date.now() > endAt) resolve();
          else setTimeout(check, 100);
        };
        check();
      });
      if ((spec.state as { debrief?: string }).debrief) games++;
      accepted += (spec.state as { version?: number } | undefined)?.version ?? 0;
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
      if (rooms[0]) {
        publicViews.delete(rooms[0].roomId);
        scenarios.delete(rooms[0].roomId);
      }
      await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
    }
  }
}

const cpu0 = process.threadCpuUsage();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const progress = setInterval(
  () => parentPort?.postMessage({ progress: { active: activeRooms, actions } }),
  1000,
);
await Promise.race([
  Promise.all(input.tables.map((i) => table(i))),
  new Promise((r) => setTimeout(r, endAt - Date.now() + 20_000)),
]);
clearInterval(progress);
loopDelay.disable();
const used = process.threadCpuUsage(cpu0);
const result: WorkerResult = {
  latencies,
  seatJoinBytes,
  spectatorJoinBytes,
  patchBytes,
  accepted,
  refused,
  games,
  failures,
  loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  cpuSeconds: (used.user + used.system) / 1e6,
};
parentPort?.postMessage({ result });
process.exit(0);
