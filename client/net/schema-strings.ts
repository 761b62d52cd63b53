/**
 * Faster string decoding for the synced state.
 *
 * `@colyseus/schema` 5.0 decodes a string one character at a time (`string += fromCharCode(…)`),
 * which builds a rope of one small object per character: a 20 KB debrief becomes 20,000 objects
 * that outlive the next minor GC and have to be cleared by a major one. On a phone that is a
 * visible pause; in the load generator, a thousand clients spent most of their time in it and
 * their pauses showed up in the measured latency. The decoder looks string types up on its
 * exported `decode` table, so replacing that one entry gives every string field and map key a
 * flat string from `TextDecoder`. The wire format does not change.
 */
import { decode } from "@colyseus/schema";

/** Below this many bytes the library's own loop is as fast as a call into TextDecoder. */
const SHORT = 48;
const utf8 = new TextDecoder();
let installed = false;

interface Iterator {
  offset: number;
}

function readString(bytes: Uint8Array, it: Iterator): string {
  const prefix = bytes[it.offset++] as number;
  let length = 0;
  // The msgpack string headers the encoder writes: fixstr, str 8, str 16, str 32.
  if (prefix < 0xc0) length = prefix & 0x1f;
  else if (prefix === 0xd9) length = decode.uint8(bytes, it);
  else if (prefix === 0xda) length = decode.uint16(bytes, it);
  else if (prefix === 0xdb) length = decode.uint32(bytes, it);
  if (length < SHORT) return decode.utf8Read(bytes, it, length);
  const end = Math.min(bytes.length, it.offset + length);
  const text = utf8.decode(bytes.subarray(it.offset, end));
  it.offset += length;
  return text;
}

/** Installs the faster string decoder once per JavaScript realm (page or worker). */
export function useFastStringDecoding(): void {
  if (installed) return;
  installed = true;
  (decode as { string: typeof readString }).string = readString;
}
