/**
 * A bounded fuzz run (a few thousand malformed and mutated messages against a live server process
 * while real games run): nothing crashes, no game changes wrongly, the honest rooms keep playing.
 * `npm run fuzz` runs the full 100,000.
 */
import { expect, test } from "vitest";
import { runFuzz } from "./fuzz.ts";

test("3,000 fuzz messages: no crash, no wrong state change, the other rooms play on", async () => {
  const r = await runFuzz({ messages: 3000, fuzzRooms: 4, spectators: 2, otherRooms: 3, seed: 7 });
  expect(r.details).toEqual([]);
  expect(r.sent).toBeGreaterThanOrEqual(3000);
  expect(r.crashes).toBe(0);
  expect(r.wrongStateChanges).toBe(0);
  // The fuzzing clients were cut off by the limits (oversized frames, floods) and came back.
  expect(r.cutOff).toBeGreaterThan(0);
  // The honest rooms kept getting their patches.
  expect(r.otherRoomsActions).toBeGreaterThan(5);
  expect(Number.isFinite(r.otherRoomsP99Ms)).toBe(true);
}, 120_000);
