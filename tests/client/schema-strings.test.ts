/**
 * The faster string decoder (client/net/schema-strings.ts) must read exactly what the encoder
 * wrote: every msgpack string header, short and long, Latin, Cyrillic and characters outside the
 * basic plane, and leave the read position where the next value starts.
 */
import { Decoder, Encoder, MapSchema, decode, encode, schema, t } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { useFastStringDecoding } from "../../client/net/schema-strings.ts";

const originalString = decode.string;
useFastStringDecoding();

const samples = [
  "",
  "a",
  "x".repeat(31), // the longest fixstr
  "y".repeat(47), // just below the short cut
  "z".repeat(48),
  "w".repeat(255), // str 8
  "v".repeat(256), // str 16
  "u".repeat(70_000), // str 32
  "Коллективная безопасность — ".repeat(40),
  `{"debrief":"${"Совет 🇦🇲 ".repeat(500)}"}`,
  "mixed ascii, кириллица and 🙂 emoji".repeat(3),
];

describe("fast string decoding", () => {
  it("is what the synced state decodes strings with once installed", () => {
    expect(decode.string).not.toBe(originalString);
  });

  for (const text of samples) {
    it(`reads back a ${text.length}-character string and the value after it`, () => {
      const bytes = Buffer.alloc(encode.utf8Length(text) + 16);
      const w = { offset: 0 };
      encode.string(bytes, text, w);
      encode.number(bytes, 4242, w);
      const r = { offset: 0 };
      expect(decode.string(bytes, r)).toBe(text);
      expect(decode.number(bytes, r)).toBe(4242);
      expect(r.offset).toBe(w.offset);
      // The library's own decoder agrees.
      expect(originalString(bytes, { offset: 0 })).toBe(text);
    });
  }

  it("decodes a whole state and its patches: fields and map keys", () => {
    const State = schema({ title: t.string(), leaves: t.map("string") }, "FastStringState");
    const source = new State();
    source.title = "Запрос о помощи ".repeat(10);
    source.leaves.set("ключ.длинный.".repeat(5), "значение ".repeat(30));
    const encoder = new Encoder(source);
    const target = new State();
    const decoder = new Decoder(target);
    decoder.decode(encoder.encodeAll());
    expect(target.title).toBe(source.title);
    expect([...target.leaves.entries()]).toEqual([...source.leaves.entries()]);

    source.leaves.set("debrief", "x🙂".repeat(1000));
    source.title = "short";
    decoder.decode(encoder.encode());
    encoder.discardChanges();
    expect(target.title).toBe("short");
    expect(target.leaves.get("debrief")).toBe("x🙂".repeat(1000));
    expect(target.leaves).toBeInstanceOf(MapSchema);
  });
});
