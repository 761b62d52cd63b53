/**
 * What the fuzzing clients send: random bytes, truncated frames, wrong types, unknown message types,
 * `__proto__`/`constructor` keys, mutated legal actions, oversized frames and floods. Every choice
 * comes from the run's seeded generator, so a seed gives the same run.
 */
import type { Room } from "@colyseus/sdk";
import { encode } from "@colyseus/schema";
import { pack } from "msgpackr";
import { createBot } from "../../shared/bots/index.ts";
import { LIMITS } from "../../shared/protocol/index.ts";
import { ActionSchema } from "../../shared/rules/index.ts";
import { decoded } from "../server/helpers.ts";
import { seatViewOf } from "../server/players.ts";

/** The run's seeded generator: closures over its seed, free to be taken apart (`const { rnd } = rng`). */
export interface Rng {
  rnd: () => number;
  int: (n: number) => number;
  pick: <T>(xs: readonly T[]) => T;
}

export function rngOf(start: number): Rng {
  let seed = start;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(rnd() * n);
  return { rnd, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T };
}

/** A fuzzing client: the seat holder of a fuzzed room (with its token to come back) or a spectator. */
export interface Fuzzer {
  code: string;
  seat: string | null;
  token: string | null;
  room: Room | null;
  lastV: number;
  /** When the seat holder was cut off and not yet back: a bot may play its seat meanwhile. */
  away: { from: number; to: number }[];
}

const VALUES: unknown[] = [
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
const KEYS = [
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

const frame = (type: string, body: Uint8Array | number[]) => {
  const head = new Uint8Array(64 + type.length * 3);
  head[0] = 13; // Protocol.ROOM_DATA
  const it = { offset: 1 };
  encode.string(head, type, it);
  return new Uint8Array([...head.subarray(0, it.offset), ...body]);
};

/**
 * The message sender of a run. `validSent` collects, per fuzzed room, the actions (normalized) its
 * fuzzing seat sent that passed the schema: the only ones its stored log may hold.
 */
export function messageSender(rng: Rng, validSent: Map<string, Set<string>>) {
  const { rnd, int, pick } = rng;
  const randomValue = (depth = 0): unknown =>
    depth < 3 && rnd() < 0.35
      ? Object.fromEntries(KEYS.filter(() => rnd() < 0.3).map((k) => [k, randomValue(depth + 1)]))
      : pick(VALUES);
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
      ? ([...(x as unknown[])] as unknown as Record<string, unknown>)
      : { ...(x as Record<string, unknown>) };
    const ks = Object.keys(o);
    const k = ks.length ? pick(ks) : "type";
    const r = rnd();
    if (r < 0.3) o[k] = randomValue();
    else if (r < 0.45) Reflect.deleteProperty(o, k);
    else if (r < 0.55) o[pick(KEYS)] = randomValue();
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

  /** Sends one fuzz message (a flood sends many) from `room`; returns how many it sent. */
  return (f: Fuzzer, room: Room): number => {
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
}
