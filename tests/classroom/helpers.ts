/** Talking to the classroom API over HTTP, as the facilitator's and the students' clients do. */
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "@colyseus/sdk";
import type { StudentSelf, TableSummary } from "../../shared/protocol/classroom.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";
import { track } from "../server/helpers.ts";

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  path: string,
  opts: { method?: string; body?: unknown; token?: string } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${url}/api/class${path}`, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers: {
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and HTML stay text.
  }
  return { status: res.status, body: body as T, text };
}

export interface Facilitator {
  code: string;
  key: string;
  command(cmd: Record<string, unknown>): Promise<Answer>;
  dashboard(): Promise<TableSummary[]>;
}

export function facilitator(url: string, code: string, key: string): Facilitator {
  return {
    code,
    key,
    command: (cmd) => call(url, `/${code}/command`, { body: cmd, token: key }),
    async dashboard() {
      const r = await call<TableSummary[]>(url, `/${code}/dashboard`, { token: key });
      if (r.status !== 200) throw new Error(`dashboard: ${r.status} ${r.text}`);
      return r.body;
    },
  };
}

export interface Student {
  name: string;
  token: string;
  me(): Promise<StudentSelf>;
  /** Joins the table the student is seated at, with the seat token the classroom gave them. */
  sit(): Promise<Room>;
}

export async function joinClass(url: string, code: string, name: string): Promise<Student> {
  const r = await call<{ token: string; student: StudentSelf }>(url, `/${code}/join`, { body: { name } });
  if (r.status !== 200) throw new Error(`join ${name}: ${r.status} ${r.text}`);
  const token = r.body.token;
  const me = async () => {
    const a = await call<StudentSelf>(url, `/${code}/me`, { token });
    if (a.status !== 200) throw new Error(`me ${name}: ${a.status} ${a.text}`);
    return a.body;
  };
  return {
    name,
    token,
    me,
    async sit() {
      const self = await me();
      if (!self.table || !self.seatToken) throw new Error(`${name} has no seat`);
      return track(await new Client(url).joinById(self.table.code, { seatToken: self.seatToken }));
    },
  };
}

/** Resolves when the game room `code` of this process's server is disposed (the matchmaker's event). */
export function disposed(code: string): Promise<void> {
  const handler = matchMaker.getHandler(ROOM_NAME);
  return new Promise((resolve) => {
    const listener = (room: { roomId: string }) => {
      if (room.roomId !== code) return;
      handler.off("dispose", listener);
      resolve();
    };
    handler.on("dispose", listener);
  });
}
