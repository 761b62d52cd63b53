/**
 * The synced state: fields only. A view of the game is flattened into `path → JSON` leaves (see
 * shared/protocol `flatten`), so each action sends the few leaves it changed. Each seat's private
 * part lives in `secrets`, a `.view()` collection: a client sees only the entry its StateView holds.
 */
import { Encoder, schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The encoder's buffer must hold the whole state of an ended game (the debrief and the timeline are
 * some 40 KB); growing it mid-encode is slower and warns on every room.
 */
Encoder.BUFFER_SIZE = 64 * 1024;

export const SeatInfo = schema(
  {
    /** "open" (nobody yet), "human", "away" (dropped, within the grace period), "bot". */
    holder: t.string(),
    name: t.string(),
    /** The bot kind when a bot plays the seat. */
    bot: t.string(),
  },
  "SeatInfo",
);
export type SeatInfo = SchemaType<typeof SeatInfo>;

export const Secret = schema(
  {
    seat: t.string(),
    /**
     * The seat's private view (`view(state, seat).private`), its legal actions and why each other
     * action is unavailable (`unavailableActions`), flattened.
     */
    fields: t.map("string"),
  },
  "Secret",
);
export type Secret = SchemaType<typeof Secret>;

export const RoomState = schema(
  {
    /** The room code players type to join. */
    code: t.string(),
    version: t.uint16(),
    phase: t.string(),
    /** Wall-clock time (ms since epoch) when the phase timer runs out; 0 when none runs. */
    deadline: t.float64(),
    /** The scenario's public part, as one JSON string (it never changes). */
    scenario: t.string(),
    /** The rest of the public view, flattened. */
    pub: t.map("string"),
    /** The decision timeline, one JSON entry per event (append-only). */
    timeline: t.array("string"),
    /** The debrief as one JSON string, once the game has ended. */
    debrief: t.string(),
    seats: t.map(SeatInfo),
    secrets: t.map(Secret).view(),
    spectators: t.uint16(),
    /** The crisis of a campaign now being played (1-based) and how many there are; 1 of 1 otherwise. */
    crisis: t.uint8(),
    crises: t.uint8(),
    /** Solo practice: the room clock and the bots are paused. */
    paused: t.boolean(),
    /**
     * Whom the table waits on: the seats that still have a decision to make in this phase
     * (`awaitedSeats`) and are held by a person (a human, or one away within the grace period).
     */
    waitingFor: t.array("string"),
    /** No person is awaited, but seats the bots play still have a decision to make. */
    botsDeciding: t.boolean(),
    /**
     * A bot holds a move that would end the phase (or call the vote) for the people in `waitingFor`,
     * until they decide or the deliberation window passes.
     */
    holding: t.boolean(),
    /** A solo room (nobody joins unless its player invites), and whether its player has invited. */
    solo: t.boolean(),
    invited: t.boolean(),
    /**
     * A quick match gathering strangers: when it starts at the latest (wall-clock ms; 0 once it has
     * started, or in any other room) and how many people start it sooner.
     */
    gatherUntil: t.float64(),
    gatherNeeded: t.uint8(),
  },
  "RoomState",
);
export type RoomState = SchemaType<typeof RoomState>;
