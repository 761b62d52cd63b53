import { describe, expect, it } from "vitest";
import { publicRecord } from "../../server/http.ts";
import type { StoredGame } from "../../server/storage/index.ts";

const secret = { en: "Insist on a 7-day limit.", ru: "Настаивайте на сроке в 7 дней." };

function record(status: StoredGame["status"]): StoredGame {
  return {
    id: "ABCDE",
    scenarioId: "kazakhstan-2022-01",
    seed: "very-secret-seed",
    rulesVersion: 3,
    seats: { deputies: { KG: 1 } },
    options: { scenario: "kazakhstan-2022-01", seed: "very-secret-seed" },
    createdAt: 1,
    status,
    updatedAt: 2,
    finishedAt: status === "finished" ? 3 : null,
    log: [
      { seat: "KG.d1", action: { type: "deputyVote", vote: "no" }, at: 1 },
      { seat: "system", action: { type: "inject", text: secret, to: "BY" }, at: 2 },
      { seat: "system", action: { type: "inject", text: { en: "Public news", ru: "Новость" } }, at: 3 },
    ],
    chat: [
      { from: "RU", to: null, text: "hello all", at: 1 },
      { from: "RU", to: "BY", text: "between us", at: 2 },
    ],
    claims: [{ seat: "RU", tokenHash: "hash-of-token", name: "Ana" }],
    result: null,
  };
}

describe("the public game record", () => {
  it("keeps the seed, ballots, private chat, seat tokens and secret instructions out", () => {
    const json = JSON.stringify(publicRecord(record("active")));
    for (const hidden of [
      "very-secret-seed",
      '"vote":"no"',
      "between us",
      "hash-of-token",
      secret.en,
      secret.ru,
    ]) {
      expect(json).not.toContain(hidden);
    }
    expect(json).toContain("Public news");
    expect(json).toContain("hello all");
  });

  it("reveals secret instructions once the game is over, as the debrief does", () => {
    expect(JSON.stringify(publicRecord(record("finished")))).toContain(secret.en);
  });
});
