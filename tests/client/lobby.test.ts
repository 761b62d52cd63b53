/** The menu's lobby in words: room codes checked before any request, menu errors, the open rooms, the countdown. */
import { describe, expect, it } from "vitest";
import { checkRoomCode, LobbyListSchema } from "../../shared/protocol/index.ts";
import { codeCheck, gatherVM, lobbyVM, menuErrorText } from "../../client/view/lobby.ts";
import type { Snapshot } from "../../client/view/snapshot.ts";

describe("a typed room code", () => {
  it("is trimmed and upper-cased when it is one", () => {
    expect(checkRoomCode(" k7qx3 ")).toEqual({ ok: true, code: "K7QX3" });
  });

  it("empty or not a code never reaches the network, and says what to do in both languages", () => {
    expect(checkRoomCode("  ")).toEqual({ ok: false, problem: "codeEmpty" });
    for (const bad of ["K7QX", "K7QX30", "K0QX3", "KIQX3", "K7-X3"])
      expect(checkRoomCode(bad), bad).toEqual({ ok: false, problem: "codeInvalid" });
    const text = (typed: string, lang: "en" | "ru") => {
      const checked = codeCheck(typed, lang);
      return checked.ok ? null : checked.text;
    };
    expect(text("", "en")).toContain("Type the room code first");
    expect(text("", "ru")).toContain("Сначала введите код комнаты");
    const wrong = codeCheck("K0QX3", "ru");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.text).toContain("«K0QX3» — не код комнаты");
    // The SDK's own words never show.
    for (const lang of ["en", "ru"] as const) {
      const text = codeCheck("", lang);
      if (!text.ok) expect(text.text).not.toMatch(/Must provide a room name/);
    }
  });
});

describe("menu errors", () => {
  it("an unknown room, a solo room, a taken seat, an unreachable server: translated, with what to do", () => {
    expect(menuErrorText("noRoom", "en", { code: "K7QX3" })).toBe(
      "No room K7QX3 is open: the game may have ended, or the code is mistyped. Check the code, or pick a room from the list.",
    );
    expect(menuErrorText("noRoom", "ru", { code: "K7QX3" })).toContain("Комнаты K7QX3 нет");
    expect(menuErrorText("ERR_SOLO_ROOM", "en", { code: "K7QX3" })).toContain("Ask them to invite you");
    expect(menuErrorText("ERR_SOLO_ROOM", "ru", { code: "K7QX3" })).toContain("одиночная игра");
    expect(menuErrorText("ERR_SEAT_TAKEN", "ru", { code: "K7QX3" })).toContain("уже занято");
    expect(menuErrorText("connect", "en", {})).toContain("Check your connection");
    expect(menuErrorText("connect", "ru", {})).toContain("Проверьте подключение");
    // A code without a message of its own still reads as a sentence, not a key.
    expect(menuErrorText("ERR_WHATEVER", "ru", {})).toContain("Попробуйте ещё раз");
    expect(menuErrorText("ERR_BAD_TOKEN", "en", {})).toBe("Your saved seat is no longer valid; join again.");
  });
});

describe("the open rooms", () => {
  const titles = new Map([["kazakhstan-2022-01", { en: "January unrest", ru: "Январские события" }]]);
  const rooms = LobbyListSchema.parse([
    {
      code: "AAAAA",
      scenarioId: "kazakhstan-2022-01",
      phase: "consultations",
      openSeats: 0,
      people: 6,
      seats: 6,
    },
    {
      code: "BBBBB",
      scenarioId: "kazakhstan-2022-01",
      phase: "briefing",
      openSeats: 4,
      seats: 6,
      people: 2,
      bots: 0,
      language: "ru",
      quickMatch: true,
      startsAt: 25_000,
    },
  ]);

  it("a gathering quick match first, with its countdown; a full room only to watch", () => {
    const vm = lobbyVM(rooms, titles, "ru", 0);
    if (vm.kind !== "rows") throw new Error("rows");
    expect(vm.rows.map((r) => [r.code, r.action])).toEqual([
      ["BBBBB", "join"],
      ["AAAAA", "watch"],
    ]);
    expect(vm.rows[0]?.title).toBe("Январские события");
    expect(vm.rows[0]?.details).toEqual([
      "на русском",
      "4 свободных места",
      "2 человека, нет ботов",
      "собирает игроков, начало через 0:25",
    ]);
    expect(lobbyVM(rooms, titles, "en", 0).kind).toBe("rows");
  });

  it("none open, still loading, or the server unreachable: a sentence that says so", () => {
    const note = (vm: ReturnType<typeof lobbyVM>) => (vm.kind === "note" ? vm.text : null);
    expect(note(lobbyVM([], titles, "en", 0))).toContain("Press Play now");
    expect(note(lobbyVM("offline", titles, "ru", 0))).toContain("сервер не отвечает");
    expect(note(lobbyVM("loading", titles, "en", 0))).toContain("Looking for open rooms");
  });

  it("a quick match's countdown: starting in 0:25 · 1 of 3 players", () => {
    const snap = {
      gathering: { until: 25_000, needed: 3 },
      seats: { KZ: { holder: "human" }, AM: { holder: "open" } },
    } as unknown as Snapshot;
    expect(gatherVM(snap, 0, "en")?.status).toBe("Starting in 0:25 · 1 of 3 players");
    expect(gatherVM(snap, 0, "ru")?.status).toBe("Начало через 0:25 · 1 из 3 игроков");
    expect(gatherVM({ ...snap, gathering: null }, 0, "en")).toBeNull();
  });
});
