/**
 * The frame guard: Colyseus drops a client whose frame does not unpack. A broken frame is just bad
 * input, so the game room answers it with an error (`ERR_MALFORMED` to "frame") and keeps the client,
 * like any other malformed payload; broken frames count against the same per-second limit as any
 * other message, above which the client is cut off.
 *
 * Colyseus offers no hook for this: the guard wraps the private `Room.prototype._onMessage` of
 * @colyseus/core 0.18 (checked against 0.18.17). It reads Colyseus's own framing (the protocol byte,
 * the message type, a msgpack payload) and must be rechecked on every Colyseus upgrade:
 * tests/server/suites/input.ts sends broken frames and expects the error and an open connection.
 */
import { CloseCode, Protocol, Room, type Client } from "@colyseus/core";
import { decode, type Iterator } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { protocolError } from "../../shared/protocol/index.ts";

interface MessageHandling {
  /** Colyseus's own handler, taken off the prototype and called on the room (`base.call(this, …)`). */
  _onMessage: (this: MessageHandling, client: Client, buffer: Buffer) => void;
  maxMessagesPerSecond: number;
}

const base = (Room.prototype as unknown as MessageHandling)._onMessage;
const brokenFrames = new WeakMap<Client, { count: number; resetAt: number }>();

/** Whether a room-data frame unpacks: its type (a string or a number), then an optional msgpack payload. */
function unpacks(buffer: Buffer): boolean {
  try {
    const it: Iterator = { offset: 1 };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
    return true;
  } catch {
    return false;
  }
}

/** Installs the guard on a room class (the game room) before any of its rooms takes a message. */
export function guardFrames(roomClass: { prototype: object }): void {
  Object.defineProperty(roomClass.prototype, "_onMessage", {
    value(this: MessageHandling, client: Client, buffer: Buffer | undefined) {
      if (buffer && buffer[0] === Protocol.ROOM_DATA && !unpacks(buffer)) {
        const now = Date.now();
        const seen = brokenFrames.get(client) ?? { count: 0, resetAt: now + 1000 };
        if (now >= seen.resetAt) Object.assign(seen, { count: 0, resetAt: now + 1000 });
        seen.count += 1;
        brokenFrames.set(client, seen);
        if (seen.count > this.maxMessagesPerSecond) client.leave(CloseCode.WITH_ERROR, "too many messages");
        else client.send("error", protocolError("ERR_MALFORMED", "frame"));
        return;
      }
      base.call(this, client, buffer as Buffer);
    },
  });
}
