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
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { encode } from "@colyseus/schema";
import { pack } from "msgpackr";
import { LIMITS, ROOM_NAME } from "../../shared/protocol/index.ts";
import { ActionSchema, replay } from "../../shared/rules/index.ts";
import { loadAllScenarios } from "../../server/content/scenario-files.ts";
import { openSqliteStore } from "../../server/storage/sqlite.ts";
import { decoded } from "../server/helpers.ts";
import { seatViewOf } from "../server/players.ts";
import { createBot } from "../../shared/bots/index.ts";

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

const ROOT = new URL("../../", import.meta.url).pathname;
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = (r: Room) => {
  for (const t of ["seat", "chatHistory", "chat", "error"]) r.onMessage(t, () => undefined);
  return r;
};
const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  let seed = opts.seed ?? 20261126;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const details: string[] = [];

  // ── The server, in a process of its own, so that a crash shows ────────────────────────────
  const dataDir = mkdtempSync(join(tmpdir(), "unanimity-fuzz-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      QUIET: "1",
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let faults = 0;
  server.stderr?.on("data", (b: Buffer) => {
    for (const line of b.toString().split("\n")) {
      // A room fault (GameRoom.onUncaughtException, a failed queue job) is logged as "room CODE: …".
      if (/^room [A-Z0-9-]+: /.test(line)) {
        faults++;
        if (details.length < 20) details.push(`server: ${line.slice(0, 300)}`);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("Unanimity server on")) resolve();
    });
    server.once("exit", () => reject(new Error(`server exited: ${out}`)));
  });
  let died = false;
  server.once("exit", () => (died = true));

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
  interface Fuzzer {
    code: string;
    seat: string | null;
    token: string | null;
    room: Room | null;
    lastV: number;
    /** When the seat holder was cut off and not yet back: a bot may play its seat meanwhile. */
    away: { from: number; to: number }[];
  }
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

  // ── The messages ───────────────────────────────────────────────────────────────────────────
  const values: unknown[] = [
    null,
    true,
    false,
    -1,
    0,
    2 ** 53,
    -1e308,
    Number.NaN,
    "",
    "ready",
    "x".repeat(500),
    [],
    [1, "a"],
    {},
    { type: "ready" },
    { v: 0 },
  ];
  const keys = [
    "v",
    "action",
    "type",
    "text",
    "to",
    "seat",
    "muted",
    "troops",
    "terms",
    "channel",
    "article",
    "framing",
  ];
  const randomValue = (depth = 0): unknown =>
    depth < 3 && rnd() < 0.35
      ? Object.fromEntries(keys.filter(() => rnd() < 0.3).map((k) => [k, randomValue(depth + 1)]))
      : pick(values);
  const frame = (type: string, body: Uint8Array | number[]) => {
    const head = new Uint8Array(64 + type.length * 3);
    head[0] = 13; // Protocol.ROOM_DATA
    const it = { offset: 1 };
    encode.string(head, type, it);
    return new Uint8Array([...head.subarray(0, it.offset), ...body]);
  };
  const polluted = () =>
    JSON.parse(
      pick([
        '{"__proto__":{"polluted":true,"seat":"RU"},"v":0,"action":{"type":"ready"}}',
        '{"v":0,"action":{"type":"ready","__proto__":{"isAdmin":true}}}',
        '{"constructor":{"prototype":{"polluted":true}},"v":0}',
        '{"text":"hi","__proto__":{"to":"RU"}}',
        '{"seat":"__proto__","muted":true}',
      ]),
    ) as unknown;
  const mutate = (x: unknown, depth = 0): unknown => {
    if (depth > 3 || x === null || typeof x !== "object") return rnd() < 0.5 ? randomValue() : x;
    const o: Record<string, unknown> = Array.isArray(x)
      ? ([...x] as unknown as Record<string, unknown>)
      : { ...(x as Record<string, unknown>) };
    const ks = Object.keys(o);
    const k = ks.length ? pick(ks) : "type";
    const r = rnd();
    if (r < 0.3) o[k] = randomValue();
    else if (r < 0.45) Reflect.deleteProperty(o, k);
    else if (r < 0.55) o[pick(keys)] = randomValue();
    else o[k] = mutate(o[k], depth + 1);
    return o;
  };
  /** A legal action of the fuzzing seat, mutated (or not): the server decides. */
  const actionMessage = (f: Fuzzer, room: Room) => {
    const d = decoded(room);
    const sv = f.seat ? seatViewOf(d, f.seat) : null;
    const legal = sv?.legal ?? [];
    const bot = createBot(pick(["historical", "pragmatic", "hardline"] as const), `fuzz-${int(1e6)}`);
    const base = sv && legal.length ? bot.act(sv.view, legal) : { type: "ready" };
    const action = rnd() < 0.7 ? mutate(base) : base;
    const v = rnd() < 0.85 ? d.version : pick([d.version - 1, d.version + 1, -1, 1e9, "7"]);
    const ok = ActionSchema.safeParse(action);
    if (ok.success && f.seat) validSent.get(f.code)?.add(JSON.stringify(ok.data));
    return { v, action };
  };

  const target = opts.messages;
  const sendOne = (f: Fuzzer, room: Room): number => {
    const r = rnd();
    if (r < 0.18) {
      const bytes = Array.from({ length: int(80) }, () => int(256));
      if (bytes.length && rnd() < 0.7) bytes[0] = pick([13, 17, 21, 10, 12, 14, 255]);
      room.connection.send(new Uint8Array(bytes));
    } else if (r < 0.28) {
      const full = frame(pick(["action", "chat", "mute", "pause"]), pack(actionMessage(f, room)));
      room.connection.send(full.subarray(0, 1 + int(full.length - 1)));
    } else if (r < 0.46) {
      room.send(pick(["action", "chat", "mute", "pause"]), randomValue());
    } else if (r < 0.54) {
      const t = pick([
        "launchMissiles",
        "__proto__",
        "constructor",
        "toString",
        "",
        "a".repeat(200),
        "ACTION",
        "*",
      ]);
      room.send(t, randomValue());
    } else if (r < 0.62) {
      room.connection.send(frame(pick(["action", "chat", "mute"]), pack(polluted())));
    } else if (r < 0.9) {
      room.send("action", actionMessage(f, room));
    } else if (r < 0.99) {
      room.send(
        pick(["chat", "mute"]),
        rnd() < 0.5
          ? { text: String(randomValue()).slice(0, 300) }
          : { seat: pick(["RU", "KZ", "XX", ""]), muted: rnd() < 0.5 },
      );
    } else if (r < 0.995) {
      // Oversized: the frame limit closes this client (1009); it comes back.
      room.send("chat", { text: "x".repeat(LIMITS.maxFrameBytes + 1 + int(5000)) });
    } else {
      // A flood: more than the rate limit in one go; the client is cut off and comes back.
      const n = LIMITS.messagesPerSecond + 10;
      for (let i = 0; i < n; i++) room.send("mute", { seat: "RU", muted: i % 2 === 0 });
      return n;
    }
    return 1;
  };

  const runner = async (f: Fuzzer) => {
    let rounds = 0;
    while (sent < target && !died && rounds++ < target * 2) {
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
  let wrong = 0;
  let acceptedFromFuzz = 0;
  const store = openSqliteStore(join(dataDir, "unanimity.sqlite"));
  const scenarios = loadAllScenarios().scenarios;
  for (const [i, f] of fuzzers.filter((x) => x.seat).entries()) {
    const game = await store.getGame(f.code);
    const watcher = watchers[i] as Room;
    if (!game) {
      wrong++;
      details.push(`${f.code}: no record`);
      continue;
    }
    const sentSet = validSent.get(f.code) ?? new Set();
    const botTurns = botVersions.get(f.code) ?? new Set();
    for (const [index, e] of game.log.entries()) {
      if (e.seat !== FUZZ_SEAT) continue;
      // While the fuzzer was cut off, the room's bot played the seat (until a moment after it came
      // back): the action was taken on a state in which the seat's holder was the bot.
      if (botTurns.has(index) || f.away.some((a) => e.at >= a.from && e.at <= a.to + 1000)) continue;
      acceptedFromFuzz++;
      if (!sentSet.has(JSON.stringify(e.action))) {
        wrong++;
        details.push(
          `${f.code}: ${FUZZ_SEAT} logged ${JSON.stringify(e.action).slice(0, 200)} it never validly sent`,
        );
      }
    }
    const r = replay(
      {
        rulesVersion: game.rulesVersion,
        scenarioId: game.scenarioId,
        seed: game.seed,
        seats: game.seats,
        log: game.log,
      },
      (id) => scenarios.get(id),
    );
    if (!r.ok) {
      wrong++;
      details.push(`${f.code}: the log does not replay at ${r.index}: ${r.error.code}`);
      continue;
    }
    // The watcher (who only watched) sees exactly the stored game, give or take the last patch.
    const deadline = Date.now() + 3000;
    while (decoded(watcher).version !== game.log.length && Date.now() < deadline) await sleep(20);
    const latest = await store.getGame(f.code);
    const d = decoded(watcher);
    if (
      !latest ||
      d.version !== latest.log.length ||
      (latest.log.length === game.log.length && d.phase !== r.state.phase)
    ) {
      wrong++;
      details.push(
        `${f.code}: watcher at ${d.version}/${d.phase}, record at ${latest?.log.length}/${r.state.phase}`,
      );
    }
  }
  await store.close();

  for (const r of [...others, ...watchers, ...fuzzers.map((f) => f.room)])
    await r?.leave().catch(() => undefined);
  const crashes = faults + (died ? 1 : 0);
  if (!died) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  } else details.push("the server process died");
  rmSync(dataDir, { recursive: true, force: true });

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
    log: json ? undefined : (l) => console.log(l),
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
