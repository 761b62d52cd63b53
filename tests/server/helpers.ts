/** Starting a real server on 127.0.0.1 and connecting real SDK clients to it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { createApp, type App, type AppConfig } from "../../server/app.ts";
import {
  unflatten,
  unpackTimelineEntry,
  type ServerMessages,
  ROOM_NAME,
} from "../../shared/protocol/index.ts";

export interface TestServer {
  app: App;
  url: string;
  dataDir: string;
  client(): Client;
  /** Creates a game room (SDK `create`), with quiet default message handlers. */
  create(options: Record<string, unknown>): Promise<Room>;
  join(code: string, options?: Record<string, unknown>): Promise<Room>;
  close(): Promise<void>;
}

const boxes = new WeakMap<Room, Inbox>();

/** Starts collecting a room's messages at once (the seat token comes right after the join). */
export function track(room: Room): Room {
  boxes.set(room, inbox(room));
  return room;
}

/** The messages a tracked room received. */
export function boxOf(room: Room): Inbox {
  const box = boxes.get(room);
  if (!box) throw new Error("room is not tracked");
  return box;
}

export async function startServer(config: Partial<AppConfig> = {}): Promise<TestServer> {
  const dataDir = config.dataDir ?? mkdtempSync(join(tmpdir(), "unanimity-test-"));
  // A stand-in for the built client, served at `/`.
  const clientDir = join(dataDir, "client");
  mkdirSync(clientDir, { recursive: true });
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Unanimity</title>");
  const app = await createApp({
    clientDir,
    port: 0,
    host: "127.0.0.1",
    dataDir,
    defaults: { thinkMs: 0, deliberationSeconds: 0, graceSeconds: 2, ...config.defaults },
    ...config,
  });
  const url = `http://127.0.0.1:${app.port}`;
  return {
    app,
    url,
    dataDir,
    client: () => new Client(url),
    create: async (options) => track(await new Client(url).create(ROOM_NAME, options)),
    join: async (code, options = {}) => track(await new Client(url).joinById(code, options)),
    async close() {
      await app.close();
      if (!config.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a client decoded, turned back into plain objects. */
export interface Decoded {
  version: number;
  phase: string;
  deadline: number;
  scenario: Record<string, unknown>;
  pub: Record<string, unknown>;
  timeline: unknown[];
  debrief: unknown;
  seats: Record<string, { holder: string; name: string; bot: string }>;
  /** Every secret this client received, by seat (must hold at most its own). */
  secrets: Record<string, Record<string, unknown>>;
  spectators: number;
  /** Whom the table waits on, a bot holding a phase-ending move, the bots deciding. */
  waitingFor: string[];
  holding: boolean;
  botsDeciding: boolean;
  paused: boolean;
  solo: boolean;
  invited: boolean;
}

type AnyState = {
  version: number;
  phase: string;
  deadline: number;
  scenario: string;
  pub: Map<string, string>;
  timeline: string[];
  debrief: string;
  seats: Map<string, { holder: string; name: string; bot: string }>;
  secrets?: Map<string, { seat: string; fields: Map<string, string> }>;
  spectators: number;
  waitingFor?: string[];
  holding?: boolean;
  botsDeciding?: boolean;
  paused?: boolean;
  solo?: boolean;
  invited?: boolean;
};

export function decoded(room: Room): Decoded {
  const s = (room.state ?? {}) as unknown as Partial<AnyState>;
  const secrets: Decoded["secrets"] = {};
  s.secrets?.forEach((sec, seat) => {
    secrets[seat] = unflatten(sec.fields.entries());
  });
  const seats: Decoded["seats"] = {};
  s.seats?.forEach((v, k) => (seats[k] = { holder: v.holder, name: v.name, bot: v.bot }));
  return {
    version: s.version ?? -1,
    phase: s.phase ?? "",
    deadline: s.deadline ?? 0,
    scenario: s.scenario ? (JSON.parse(s.scenario) as Record<string, unknown>) : {},
    pub: s.pub ? unflatten(s.pub.entries()) : {},
    timeline: [...(s.timeline ?? [])].map(unpackTimelineEntry),
    debrief: s.debrief ? (JSON.parse(s.debrief) as unknown) : null,
    seats,
    secrets,
    spectators: s.spectators ?? 0,
    waitingFor: [...(s.waitingFor ?? [])],
    holding: s.holding === true,
    botsDeciding: s.botsDeciding === true,
    paused: s.paused === true,
    solo: s.solo === true,
    invited: s.invited === true,
  };
}

export function until(pred: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (pred()) {
        resolve();
        return;
      }
      if (Date.now() - started > timeoutMs) {
        reject(new Error(`timed out waiting for ${what}`));
        return;
      }
      setTimeout(tick, 5);
    };
    tick();
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `until` for a condition that has to ask over the network: polls every 200 ms. */
export async function untilAsync(
  pred: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> {
  const started = Date.now();
  while (!(await pred())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

export type Inbox = ReturnType<typeof inbox>;

/** Collects the server's messages to one client. */
export function inbox(room: Room) {
  const errors: ServerMessages["error"][] = [];
  const chat: ServerMessages["chat"][] = [];
  let seat: ServerMessages["seat"] | null = null;
  let history: ServerMessages["chatHistory"] = [];
  room.onMessage("error", (m: ServerMessages["error"]) => errors.push(m));
  room.onMessage("chat", (m: ServerMessages["chat"]) => chat.push(m));
  room.onMessage("seat", (m: ServerMessages["seat"]) => (seat = m));
  room.onMessage("chatHistory", (m: ServerMessages["chatHistory"]) => (history = m));
  return {
    errors,
    chat,
    get seat() {
      return seat;
    },
    get history() {
      return history;
    },
  };
}
