/**
 * Seating, as part of the classroom's reducer (commands.ts): who sits where, on a draft of the
 * session, and the table requests that make it so. A seat's token comes back from the table later
 * (the `replied` follow-up); until then the student is placed with no token.
 */
import type { Effect, TableFacts } from "./effects.ts";
import type { SessionData, Student } from "./session.ts";

/**
 * A run that stopped early (a table refused a seat, or a table call failed) leaves the students
 * whose seat requests were never answered placed with no token: they go back to no seat, so the
 * roster never shows a student at a seat their table did not give them.
 */
export function unseatUnconfirmed(session: SessionData, unanswered: readonly Effect[]): SessionData {
  const draft = structuredClone(session);
  for (const effect of unanswered) {
    if (!("student" in effect)) continue;
    const student = draft.students.find((candidate) => candidate.id === effect.student);
    if (student?.seatToken !== null || student.table !== effect.table) continue;
    if (student.seat !== effect.request.seat) continue;
    Object.assign(student, { table: null, seat: null, bot: false });
  }
  return draft;
}

/** Takes a student's seat away from them at the table (a bot plays it); the session's place stays. */
export function release(student: Student): Effect[] {
  student.seatToken = null;
  if (student.table === null || !student.seat) return [];
  return [{ table: student.table, request: { op: "release", seat: student.seat } }];
}

/** Seats a student (a fresh token); whoever held that seat in the session is left without one. */
export function place(draft: SessionData, student: Student, table: number, seat: string): Effect[] {
  const moving = student.table !== null && student.seat && (student.table !== table || student.seat !== seat);
  const effects = moving ? release(student) : [];
  const holder = draft.students.find(
    (other) => other !== student && other.table === table && other.seat === seat,
  );
  if (holder) Object.assign(holder, { table: null, seat: null, seatToken: null, bot: false });
  Object.assign(student, { table, seat, seatToken: null, bot: false });
  effects.push({ table, request: { op: "seat", seat, name: student.name }, student: student.id });
  return effects;
}

/**
 * Seats every admitted student who has none, one at a time at the table with the fewest students:
 * its first free leader seat, else its first free deputy seat. With `shuffled` (every student's id in
 * a random order), everyone is first unseated and then seated in that order.
 */
export function autoSeat(
  draft: SessionData,
  tables: ReadonlyMap<number, TableFacts | null>,
  shuffled: readonly string[] | null,
): Effect[] {
  const effects: Effect[] = [];
  let order = draft.students;
  if (shuffled) {
    for (const student of draft.students) {
      if (student.status !== "admitted" || !student.seat) continue;
      effects.push(...release(student));
      Object.assign(student, { table: null, seat: null, bot: false });
    }
    const byId = new Map(draft.students.map((student) => [student.id, student]));
    const first = shuffled.flatMap((id) => byId.get(id) ?? []);
    order = [...first, ...draft.students.filter((student) => !first.includes(student))];
  }
  for (const student of order) {
    if (student.status !== "admitted" || student.seat) continue;
    const choices = draft.tables.map((_table, index) => {
      const taken = new Set(
        draft.students.filter((other) => other.table === index && other.seat).map((other) => other.seat),
      );
      const open = (tables.get(index)?.seats ?? []).filter((free) => !taken.has(free.seat));
      return { index, count: taken.size, seat: open.find((free) => free.leader) ?? open[0] };
    });
    const best = choices
      .filter((choice) => choice.seat)
      .sort(
        (a, b) => Number(!a.seat?.leader) - Number(!b.seat?.leader) || a.count - b.count || a.index - b.index,
      )[0];
    if (!best?.seat) break;
    effects.push(...place(draft, student, best.index, best.seat.seat));
  }
  return effects;
}
