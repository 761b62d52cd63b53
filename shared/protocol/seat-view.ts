/**
 * Views out of the synced state: legal actions as an object keyed by type, the public view rebuilt
 * from the synced parts, and a seat's own view from its `secrets` entry.
 */
import type { LegalAction, PublicView, SeatView, Unavailable } from "../rules/index.ts";
import { unflatten } from "./flat.ts";
import { unpackTimelineEntry } from "./timeline.ts";

/** Legal actions as an object keyed by type, so that one action becoming legal changes one leaf. */
export function legalToObject(legal: readonly LegalAction[]): Record<string, Omit<LegalAction, "type">> {
  const out: Record<string, Omit<LegalAction, "type">> = {};
  for (const { type, ...rest } of legal) out[type] = rest;
  return out;
}

export function legalFromObject(
  byType: Record<string, Omit<LegalAction, "type">> | undefined,
): LegalAction[] {
  return Object.entries(byType ?? {}).map(([type, rest]) => ({ type, ...rest }) as LegalAction);
}

/** What a client decodes from the synced state's plain parts (strings and string maps). */
export interface SyncedParts {
  version: number;
  phase: string;
  scenario: string;
  pub: Iterable<[string, string]>;
  timeline: Iterable<string>;
  debrief: string;
}

/** Rebuilds the public view (the rules' `spectatorView`) from the synced state. */
export function publicViewOf(parts: SyncedParts): PublicView {
  return {
    ...unflatten(parts.pub),
    scenario: parts.scenario ? (JSON.parse(parts.scenario) as PublicView["scenario"]) : undefined,
    timeline: [...parts.timeline].map(unpackTimelineEntry),
    debrief: parts.debrief ? (JSON.parse(parts.debrief) as PublicView["debrief"]) : null,
    version: parts.version,
    phase: parts.phase,
  } as PublicView;
}

/** Why each action the seat cannot take is unavailable, keyed by action type (see `unavailableActions`). */
export type UnavailableByType = Partial<Record<LegalAction["type"], Unavailable>>;

/** A seat's own view, legal actions and why the others are not, from its `secrets` entry's fields. */
export function seatViewOf(
  pub: PublicView,
  seat: string,
  fields: Iterable<[string, string]>,
): { view: SeatView; legal: LegalAction[]; unavailable: UnavailableByType } {
  const { legal, unavailable, ...own } = unflatten(fields) as {
    legal?: Record<string, Omit<LegalAction, "type">>;
    unavailable?: UnavailableByType;
  };
  const ownPrivate = Object.keys(own).length ? (own as unknown as SeatView["private"]) : null;
  return {
    view: { ...pub, seat: seat as SeatView["seat"], private: ownPrivate },
    legal: legalFromObject(legal),
    unavailable: unavailable ?? {},
  };
}
