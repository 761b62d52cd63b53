/**
 * `npm run fuzz [-- --messages 100000 --json]`
 *
 * Malformed and mutated messages against a live server process while real games run: random bytes,
 * truncated frames, wrong types, unknown message types, `__proto__`/`constructor` keys, mutated
 * legal actions, oversized frames and floods, sent by seat holders and spectators of "fuzzed" rooms
 * (every other seat a bot, so the game goes on). Meanwhile "other" rooms are played honestly and
 * their action → patch latency is measured.
 *
 * Prints messages sent, crashes (the process dying, or a room fault it logged), wrong state changes
 * (a fuzzed room's stored log holding an action of the fuzzer's seat that it never validly sent, a log
 * that does not replay, or a client's state that is not the stored log's), and the other rooms' p99.
 * `runFuzz` is also what the bounded run in the test suite calls.
 */
import { Client, type Room } from "@colyseus/sdk";
import { createBot } from "../../shared/bots/index.ts";
import { LIMITS, ROOM_NAME } from "../../shared/protocol/index.ts";
import { decoded } from "../server/helpers.ts";
import { seatViewOf } from "../server/players.ts";
import { messageSender, rngOf, type Fuzzer } from "./messages.ts";
import { checkRecords } from "./records.ts";
import { startFuzzServer } from "./server-process.ts";

export interface FuzzOptions {
  messages: number;
  /** Rooms whose clients send the fuzz. */
  fuzzRooms?: number;
  /** Fuzzing spectators per fuzzed room (besides the fuzzing seat holder). */
  spectators?: number;
  /** Rooms played honestly beside them, for the latency. */
  otherRooms?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  sent: number;
  crashes: number;
  wrongStateChanges: number;
  otherRoomsP99Ms: number;
  otherRoomsP50Ms: number;
  otherRoomsActions: number;
  /** Clients the server cut off (oversized frames, floods) that then came back. */
  cutOff: number;
  acceptedFromFuzz: number;
  durationS: number;
  details: string[];
}

const SCENARIO = "kazakhstan-2022-01";
const FUZZ_SEAT = "KZ";
const OTHER_BOTS = {
  RU: "historical",
  BY: "historical",
  AM: "historical",
  KG: "historical",
  TJ: "historical",
};
const TIMERS = {
  briefing: 4,
  appeal: 4,
  bilateral: 4,
  consultations: 5,
  council: 4,
  approvals: 4,
  deployment: 4,
};
const SEND_GAP_MS = 1000 / (LIMITS.messagesPerSecond - 5);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = (r: Room) => {
  for (const t of ["seat", "chatHistory", "chat", "error"]) r.onMessage(t, () => undefined);
  return r;
};
const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const rng = rngOf(opts.seed ?? 20261126);
  const details: string[] = [];

  // ── The server, in a process of its own, so that a crash shows ────────────────────────────
  const server = await startFuzzServer(details);
  const { url } = server;

  const timing = { stop: false };
  const latencies: number[] = [];
  let otherActions = 0;
  let sent = 0;
  let cutOff = 0;
  /** Per fuzzed room: the actions (normalized) its fuzzing seat sent that passed the schema. */
  const validSent = new Map<string, Set<string>>();

  // ── Honest rooms: one client plays KZ with a bot; its action → patch latency is measured ─────
  const others: Room[] = [];
  const honest = async () => {
    const room = quiet(
      await new Client(url).create(ROOM_NAME, {
        scenario: SCENARIO,
        seat: FUZZ_SEAT,
        bots: OTHER_BOTS,
        timers: TIMERS,
        thinkMs: 200,
        deliberationSeconds: 0,
      }),
    );
    others.push(room);
    const bot = createBot("historical", "fuzz-honest");
    let waiting: { v: number; at: number } | null = null;
    let lastV = -1;
    room.onStateChange(() => {
      if (timing.stop) return;
      const d = decoded(room);
      if (waiting && d.version > waiting.v) {
        latencies.push(performance.now() - waiting.at);
        waiting = null;
      }
      if (waiting || d.version === lastV || d.phase === "debrief") return;
      const sv = seatViewOf(d, FUZZ_SEAT);
      const action = sv && sv.legal.length ? bot.act(sv.view, sv.legal) : null;
      if (!action) return;
      lastV = d.version;
      waiting = { v: d.version, at: performance.now() };
      otherActions++;
      room.send("action", { v: d.version, action });
    });
  };
  for (let i = 0; i < (opts.otherRooms ?? 4); i++) await honest();

  // ── Fuzzed rooms ───────────────────────────────────────────────────────────────────────────
  const fuzzers: Fuzzer[] = [];
  const watchers: Room[] = [];
  const botVersions = new Map<string, Set<number>>();
  const connect = async (f: Fuzzer, options: Record<string, unknown>) => {
    const room = quiet(await new Client(url).joinById(f.code, options));
    room.onMessage("seat", (m: { seat: string; token: string }) => (f.token = m.token));
    room.onLeave(() => {
      if (f.room === room) f.room = null;
      f.away.push({ from: Date.now(), to: Infinity });
    });
    f.room = room;
    const last = f.away[f.away.length - 1];
    if (last && last.to === Infinity) last.to = Date.now();
  };
  for (let i = 0; i < (opts.fuzzRooms ?? 4); i++) {
    const holder = quiet(
      await new Client(url).create(ROOM_NAME, {
        scenario: SCENARIO,
        seat: FUZZ_SEAT,
        bots: OTHER_BOTS,
        timers: TIMERS,
        thinkMs: 200,
        deliberationSeconds: 0,
      }),
    );
    const f: Fuzzer = {
      code: holder.roomId,
      seat: FUZZ_SEAT,
      token: null,
      room: holder,
      lastV: -1,
      away: [],
    };
    holder.onMessage("seat", (m: { seat: string; token: string }) => (f.token = m.token));
    holder.onLeave(() => {
      if (f.room === holder) f.room = null;
      f.away.push({ from: Date.now(), to: Infinity });
    });
    fuzzers.push(f);
    validSent.set(f.code, new Set());
    for (let s = 0; s < (opts.spectators ?? 2); s++) {
      const spec: Fuzzer = { code: f.code, seat: null, token: null, room: null, lastV: -1, away: [] };
      await connect(spec, { spectator: true });
      fuzzers.push(spec);
    }
    const watcher = quiet(await new Client(url).joinById(f.code, { spectator: true }));
    // The room's own word on who held the seat: the versions at which its bot played it. (The
    // fuzzer's `away` times are when its client noticed; under load that is after the bot's move.)
    const botTurns = new Set<number>();
    watcher.onStateChange(() => {
      const d = decoded(watcher);
      if (d.seats[FUZZ_SEAT]?.holder === "bot") botTurns.add(d.version);
    });
    botVersions.set(f.code, botTurns);
    watchers.push(watcher);
  }

  const target = opts.messages;
  const sendOne = messageSender(rng, validSent);

  const runner = async (f: Fuzzer) => {
    let rounds = 0;
    while (sent < target && !server.died() && rounds++ < target * 2) {
      const room = f.room;
      if (!room || !room.connection.isOpen) {
        // Cut off (or never in): come back, with the seat token for the seat holder.
        cutOff++;
        f.room = null;
        await sleep(50);
        try {
          await connect(f, f.seat && f.token ? { seatToken: f.token } : { spectator: true });
          await sleep(30);
        } catch (err) {
          if (details.length < 20)
            details.push(`rejoin: ${err instanceof Error ? err.message : String(err)}`);
          await sleep(200);
        }
        continue;
      }
      if (!hasState(room)) {
        await sleep(20);
        continue;
      }
      sent += sendOne(f, room);
      await sleep(SEND_GAP_MS);
    }
  };
  let lastReport = 0;
  const reporter = setInterval(() => {
    if (sent - lastReport >= 10_000) {
      lastReport = sent;
      log(`  ${sent} messages sent, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }, 1000);
  await Promise.all(fuzzers.map(runner));
  clearInterval(reporter);
  timing.stop = true;
  await sleep(1500);

  // ── What the fuzzed rooms hold ─────────────────────────────────────────────────────────────
  const holders = fuzzers.filter((x) => x.seat);
  const seen = { holders, watchers, validSent, botVersions };
  const { wrong, acceptedFromFuzz } = await checkRecords(server.dataDir, FUZZ_SEAT, seen, details);

  for (const r of [...others, ...watchers, ...fuzzers.map((f) => f.room)])
    await r?.leave().catch(() => undefined);
  const crashes = server.faults() + (server.died() ? 1 : 0);
  await server.stop();

  const pct = (xs: number[], p: number) => {
    if (xs.length === 0) return NaN;
    const s = [...xs].sort((a, b) => a - b);
    return Number((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number).toFixed(2));
  };
  return {
    sent,
    crashes,
    wrongStateChanges: wrong,
    otherRoomsP99Ms: pct(latencies, 99),
    otherRoomsP50Ms: pct(latencies, 50),
    otherRoomsActions: otherActions,
    cutOff,
    acceptedFromFuzz,
    durationS: Math.round((Date.now() - started) / 1000),
    details,
  };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--messages");
  const messages = i >= 0 ? Number(args[i + 1]) : 100_000;
  const json = args.includes("--json");
  const rooms = Math.max(1, Math.min(16, Math.ceil(messages / 10_000)));
  const result = await runFuzz({
    messages,
    fuzzRooms: Math.max(4, rooms * 2),
    spectators: 3,
    otherRooms: 6,
    ...(json ? {} : { log: (line: string) => console.log(line) }),
  });
  if (json) console.log(JSON.stringify(result));
  else
    console.log(`
messages sent          ${result.sent} in ${result.durationS} s (${result.cutOff} cut-offs and rejoins, ${result.acceptedFromFuzz} of the fuzzing seats' actions accepted)
crashes                ${result.crashes}   (goal: 0)
wrong state changes    ${result.wrongStateChanges}   (goal: 0)
other rooms            action → patch p50 ${result.otherRoomsP50Ms} ms, p99 ${result.otherRoomsP99Ms} ms over ${result.otherRoomsActions} actions${result.details.length ? `\n${result.details.join("\n")}` : ""}`);
  process.exit(result.crashes === 0 && result.wrongStateChanges === 0 ? 0 : 1);
}
