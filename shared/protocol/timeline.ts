/**
 * Timeline entries on the wire: packed positionally, their message keys numbered by the codebook
 * (timeline-keys.ts).
 */
import type { Message, TimelineEntry } from "../rules/index.ts";
import { PHASES } from "../rules/vocabulary.ts";
import { TIMELINE_KEYS } from "./timeline-keys.ts";

const KEY_INDEX = new Map(TIMELINE_KEYS.map((key, index) => [key, index]));

const packKey = (key: string): number | string => KEY_INDEX.get(key) ?? key;
const unpackKey = (key: number | string): string =>
  typeof key === "number" ? (TIMELINE_KEYS[key] ?? `log.${key}`) : key;

/**
 * A timeline entry, packed positionally: `[hour, phase index, seat, key, params, reason key, reason
 * params]`, keys as numbers (see TIMELINE_KEYS), `1` for reason params equal to the message's, and
 * trailing parts dropped. About a quarter of the entry's JSON.
 */
export function packTimelineEntry(entry: TimelineEntry): string {
  const out: unknown[] = [
    entry.hour,
    PHASES.indexOf(entry.phase),
    entry.seat,
    packKey(entry.message.key),
    entry.message.params ?? 0,
  ];
  if (entry.reason) {
    const same = JSON.stringify(entry.reason.params) === JSON.stringify(entry.message.params);
    out.push(
      packKey(entry.reason.key),
      entry.reason.params === undefined ? 0 : same ? 1 : entry.reason.params,
    );
  }
  while (out[out.length - 1] === 0) out.pop();
  return JSON.stringify(out);
}

export function unpackTimelineEntry(packed: string): TimelineEntry {
  const [hour, phase, seat, key, params, reasonKey, packedReasonParams] = JSON.parse(packed) as [
    number,
    number,
    string,
    number | string,
    Message["params"] | 0 | undefined,
    number | string | undefined,
    Message["params"] | 0 | 1 | undefined,
  ];
  const message: Message = params ? { key: unpackKey(key), params } : { key: unpackKey(key) };
  const entry: TimelineEntry = {
    hour,
    phase: PHASES[phase] as TimelineEntry["phase"],
    seat: seat as TimelineEntry["seat"],
    message,
  };
  if (reasonKey !== undefined) {
    const reasonParams = packedReasonParams === 1 ? params || undefined : packedReasonParams || undefined;
    entry.reason = reasonParams
      ? { key: unpackKey(reasonKey), params: reasonParams }
      : { key: unpackKey(reasonKey) };
  }
  return entry;
}
