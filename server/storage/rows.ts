/** Turning rows back into records, shared by both adapters. */
import type { GameSummary, GameStatus, SeatClaim, StoredAction, StoredChat, StoredGame } from "./types.ts";
import type { GameRow } from "./sql.ts";

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function summaryOf(r: GameRow): GameSummary {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    status: r.status as GameStatus,
    private: r.private !== 0,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    finishedAt: num(r.finished_at),
    actions: r.actions,
  };
}

export function gameOf(
  r: GameRow,
  actions: { seat: string; action: string; at: number | string }[],
  chat: { from_seat: string; to_seat: string | null; text: string; at: number | string }[],
  claims: { seat: string; token_hash: string; name: string }[],
): StoredGame {
  const s = summaryOf(r);
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    seed: r.seed,
    rulesVersion: r.rules_version,
    seats: JSON.parse(r.seats) as StoredGame["seats"],
    ...(r.carry ? { carry: JSON.parse(r.carry) as NonNullable<StoredGame["carry"]> } : {}),
    options: JSON.parse(r.options) as StoredGame["options"],
    createdAt: s.createdAt,
    status: s.status,
    updatedAt: s.updatedAt,
    finishedAt: s.finishedAt,
    result: r.result ? (JSON.parse(r.result) as StoredGame["result"]) : null,
    log: actions.map((a): StoredAction => ({
      seat: a.seat as StoredAction["seat"],
      action: JSON.parse(a.action) as StoredAction["action"],
      at: Number(a.at),
    })),
    chat: chat.map((c): StoredChat => ({ from: c.from_seat, to: c.to_seat, text: c.text, at: Number(c.at) })),
    claims: claims.map((c): SeatClaim => ({ seat: c.seat, tokenHash: c.token_hash, name: c.name })),
  };
}
