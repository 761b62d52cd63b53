/** The classroom API as the pages call it: JSON in, JSON out, `{ ok: false, error }` on refusal. */
import type { RosterEntry } from "../../shared/protocol/classroom.ts";

export type Answer<T> = { ok: true; body: T } | { ok: false; error: string; status: number };

export async function api<T>(
  path: string,
  opts: { body?: unknown; token?: string } = {},
): Promise<Answer<T>> {
  try {
    const res = await fetch(`/api/class${path}`, {
      method: opts.body === undefined ? "GET" : "POST",
      headers: {
        ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) return { ok: false, error: body.error ?? String(res.status), status: res.status };
    return { ok: true, body: body as T };
  } catch {
    return { ok: false, error: "ERR_NETWORK", status: 0 };
  }
}

/** `GET /api/class/:code` for the facilitator. */
export interface Overview {
  code: string;
  title: string;
  requireApproval: boolean;
  tables: {
    index: number;
    code: string;
    scenario: string;
    started: boolean;
    paused: boolean;
    members: string[];
    events: { id: string; text: { en: string; ru: string } }[];
  }[];
  roster: RosterEntry[];
}
