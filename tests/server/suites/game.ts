/**
 * Whole games over the network: humans (client-side bots reading only their decoded state) and
 * server bots to the debrief; the stored record against the room; private information never in
 * another client's decoded state; the HTTP API.
 */
import type { Room } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import { ROOM_CODE_ALPHABET } from "../../../shared/protocol/index.ts";
import { outcomeOf, replay, type StateId } from "../../../shared/rules/index.ts";
import { bundledScenarios } from "../../../server/content/scenario-files.ts";
import type { GameRoom } from "../../../server/rooms/game-room.ts";
import { boxOf, decoded, until, type Decoded, type TestServer } from "../helpers.ts";
import { playSeat } from "../players.ts";

const FAST = {
  briefing: 0.3,
  appeal: 0.3,
  bilateral: 0.3,
  consultations: 0.3,
  council: 0.3,
  approvals: 0.3,
  deployment: 0.3,
};

/** Checks one client's decoded state: it holds at most its own secret, and nothing of anyone else's. */
export function privacyCheck(seat: string | null, others: { seat: string; brief: string }[], seed: string) {
  return (d: Decoded) => {
    const secretSeats = Object.keys(d.secrets);
    if (seat === null) expect(secretSeats).toEqual([]);
    else expect(secretSeats.every((s) => s === seat)).toBe(true);
    const json = JSON.stringify(d);
    for (const o of others) if (o.seat !== seat) expect(json.includes(o.brief)).toBe(false);
    expect(json.includes(seed)).toBe(false);
  };
}

export function briefsOf(scenarioId: string): { seat: string; brief: string }[] {
  const sc = bundledScenarios().get(scenarioId);
  if (!sc) throw new Error(scenarioId);
  return sc.members.map((m) => ({ seat: m, brief: sc.briefs[m]?.text.en.slice(0, 60) ?? "" }));
}

/** This process's game room of that code, or undefined when there is none (it was disposed). */
export function localRoom(code: string): GameRoom | undefined {
  return matchMaker.getLocalRoomById(code) as unknown as GameRoom | undefined;
}

/** This process's game room of that code, which the test knows is live. */
export function liveRoom(code: string): GameRoom {
  const room = localRoom(code);
  if (!room) throw new Error(`no live room ${code} in this process`);
  return room;
}

const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

export function gameSuite(server: () => TestServer): void {
  describe("a game over the network", () => {
    test("humans and bots play to the debrief; the store holds the room's log, and replaying it gives the same end", async () => {
      const srv = server();
      const seed = "seed-SECRET-4711";
      const scenario = "kazakhstan-2022-01";
      const kz = await srv.create({
        scenario,
        seed,
        bots: { BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
        timers: FAST,
        thinkMs: 5,
        seat: "KZ",
        name: "Tokayev",
      });
      const code = kz.roomId;
      expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{5}$`));
      const kzBox = boxOf(kz);
      const ru = await srv.join(code, { seat: "RU", name: "Putin" });
      const ruBox = boxOf(ru);
      const spec = await srv.join(code, { spectator: true });
      const specBox = boxOf(spec);
      const others = briefsOf(scenario);
      const players = [
        playSeat(kz, "KZ", "historical", privacyCheck("KZ", others, seed)),
        playSeat(ru, "RU", "historical", privacyCheck("RU", others, seed)),
      ];
      spec.onStateChange(() => hasState(spec) && privacyCheck(null, others, seed)(decoded(spec)));
      await until(() => hasState(spec) && decoded(spec).spectators === 1, 3000, "the spectator count");

      await until(() => hasState(kz) && decoded(kz).phase !== "briefing", 10_000, "the briefing to end");
      kz.send("chat", { text: "We ask the Council for help under Article 4." });
      kz.send("chat", { text: "Moscow: can you lead?", to: "RU" });
      await until(() => specBox.chat.length >= 1 && ruBox.chat.length >= 2, 5000, "chat");
      expect(specBox.chat.map((c) => c.text)).toEqual(["We ask the Council for help under Article 4."]);
      expect(ruBox.chat.map((c) => c.to)).toEqual([null, "RU"]);

      await until(
        () => [kz, ru, spec].every((r) => hasState(r) && decoded(r).phase === "debrief"),
        30_000,
        "the debrief",
      );
      await until(() => [kz, ru, spec].every((r) => decoded(r).debrief !== null), 5000, "the debrief data");
      for (const p of players) p.stop();
      expect(kzBox.errors.filter((e) => e.code !== "ERR_STALE_VERSION")).toEqual([]);
      expect(players[0]?.sent.length).toBeGreaterThan(0);

      const stored = await srv.app.store.getGame(code);
      if (!stored) throw new Error("the game was not stored");
      expect(stored.status).toBe("finished");
      expect(stored.seed).toBe(seed);
      const end = decoded(spec);
      expect(stored.log.length).toBe(end.version);
      expect(stored.log.some((e) => e.seat === "KZ")).toBe(true);
      expect(stored.chat.map((c) => [c.from, c.to])).toEqual([
        ["KZ", null],
        ["KZ", "RU"],
      ]);
      const r = replay(
        {
          rulesVersion: stored.rulesVersion,
          scenarioId: scenario,
          seed,
          seats: stored.seats,
          log: stored.log,
        },
        (id) => bundledScenarios().get(id),
      );
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.state.version).toBe(end.version);
      expect(outcomeOf(r.state).endReason).toBe(stored.result?.endReason);
      expect((end.debrief as { endReason: string }).endReason).toBe(stored.result?.endReason);
      expect(end.timeline.length).toBe(r.state.timeline.length);

      const pub = (await (await fetch(`${srv.url}/api/games/${code}`)).json()) as Record<string, unknown>;
      expect(pub.status).toBe("finished");
      expect(JSON.stringify(pub).includes(seed)).toBe(false);
      expect((pub.log as unknown[]).length).toBe(end.version);
      expect((pub.chat as unknown[]).length).toBe(1);
      expect(pub.players).toEqual(
        expect.arrayContaining([
          { seat: "KZ", name: "Tokayev" },
          { seat: "RU", name: "Putin" },
        ]),
      );
      await Promise.all([kz.leave(), ru.leave(), spec.leave()]);
    });

    test("private information never reaches another client, over random games with late joins", async () => {
      const srv = server();
      const scenarios = [...bundledScenarios().values()];
      const kinds = ["historical", "pragmatic", "hardline"] as const;
      const games = scenarios.map(async (sc, i) => {
        const seed = `seed-SECRET-${i}-${Date.now()}`;
        const others = briefsOf(sc.id);
        const members = [...sc.members];
        const humans = [members[i % members.length], members[(i + 2) % members.length]] as StateId[];
        const deputyState = members.find((m) => !humans.includes(m)) as StateId;
        const first = await srv.create({
          scenario: sc.id,
          seed,
          fallbackBot: kinds[i % 3],
          deputies: { [deputyState]: 1 },
          timers: FAST,
          thinkMs: 2,
          seat: humans[0],
        });
        const rooms: { room: Room; seat: string | null }[] = [{ room: first, seat: humans[0] as string }];
        const spec = await srv.join(first.roomId, { spectator: true });
        rooms.push({ room: spec, seat: null });
        const deputy = await srv.join(first.roomId, { seat: `${deputyState}.d1` });
        rooms.push({ room: deputy, seat: `${deputyState}.d1` });
        const players = [
          playSeat(
            first,
            humans[0] as string,
            kinds[(i + 1) % 3],
            privacyCheck(humans[0] as string, others, seed),
          ),
        ];
        for (const r of [spec, deputy]) {
          const seat = r === spec ? null : `${deputyState}.d1`;
          r.onStateChange(() => hasState(r) && privacyCheck(seat, others, seed)(decoded(r)));
        }
        // A second leader and a second spectator join once the game is under way.
        await until(() => hasState(first) && decoded(first).version > 0, 10_000, "the first actions");
        const late = await srv.join(first.roomId, { seat: humans[1] });
        rooms.push({ room: late, seat: humans[1] as string });
        players.push(
          playSeat(
            late,
            humans[1] as string,
            kinds[(i + 2) % 3],
            privacyCheck(humans[1] as string, others, seed),
          ),
        );
        const lateSpec = await srv.join(first.roomId, { spectator: true });
        rooms.push({ room: lateSpec, seat: null });
        lateSpec.onStateChange(
          () => hasState(lateSpec) && privacyCheck(null, others, seed)(decoded(lateSpec)),
        );

        await until(
          () => rooms.every(({ room }) => hasState(room) && decoded(room).debrief !== null),
          40_000,
          `${sc.id} to end`,
        ).catch((e: unknown) => {
          const live = localRoom(first.roomId);
          console.log(
            "STUCK",
            sc.id,
            rooms.map(({ room, seat }) => [
              seat,
              decoded(room).phase,
              decoded(room).version,
              decoded(room).debrief !== null,
              room.connection.isOpen,
            ]),
            live?.actionLog.length,
            JSON.stringify(decoded(spec).seats),
          );
          throw e;
        });
        for (const { room, seat } of rooms) {
          const d = decoded(room);
          privacyCheck(seat, others, seed)(d);
          if (seat) expect(Object.keys(d.secrets)).toEqual([seat]);
        }
        for (const p of players) p.stop();
        await Promise.all(rooms.map(({ room }) => room.leave()));
      });
      await Promise.all(games);
    });

    test("a campaign plays its scenarios in date order, each a game of its own, carrying credibility and seats", async () => {
      const srv = server();
      const kz = await srv.create({
        scenario: "kazakhstan-2022-01",
        campaign: true,
        campaignPauseSeconds: 0.3,
        seed: "campaign-1",
        bots: { RU: "historical", BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
        timers: FAST,
        thinkMs: 2,
        seat: "KZ",
      });
      const code = kz.roomId;
      const spec = await srv.join(code, { spectator: true });
      const player = playSeat(kz, "KZ");
      const crisisOf = () =>
        (spec.state as unknown as { crisis: number; crises: number } | undefined) ?? { crisis: 0, crises: 0 };
      await until(
        () => hasState(spec) && crisisOf().crises === 2 && decoded(spec).debrief !== null,
        20_000,
        "the first debrief",
      );
      expect(crisisOf().crisis).toBe(1);
      const firstEnd = decoded(spec);
      await until(
        () => crisisOf().crisis === 2 && decoded(spec).scenario.id === "armenia-2022-09",
        10_000,
        "the second game",
      );
      expect(decoded(spec).debrief).toBeNull();
      expect(decoded(spec).timeline.length).toBeLessThan(firstEnd.timeline.length);
      // KZ keeps its seat, and now holds its brief for the new scenario.
      await until(
        () =>
          JSON.stringify(decoded(kz).secrets.KZ ?? {}).includes(
            briefsOf("armenia-2022-09").find((b) => b.seat === "KZ")?.brief ?? "?",
          ),
        5000,
        "KZ's new brief",
      );
      expect(Object.keys(decoded(kz).secrets)).toEqual(["KZ"]);
      expect(decoded(spec).seats.KZ?.holder).toBe("human");
      await until(
        () => decoded(spec).debrief !== null && crisisOf().crisis === 2,
        20_000,
        "the last debrief",
      );
      player.stop();

      const one = await srv.app.store.getGame(code);
      const two = await srv.app.store.getGame(`${code}-2`);
      expect(one?.status).toBe("finished");
      expect(two?.status).toBe("finished");
      expect(two?.scenarioId).toBe("armenia-2022-09");
      expect(two?.carry?.credibility).toBe(one?.result?.tracks.credibility);
      expect(two?.claims.map((c) => c.seat)).toEqual(["KZ"]);
      const pub = (await (await fetch(`${srv.url}/api/games/${code}-2`)).json()) as {
        status: string;
        log: unknown[];
      };
      expect(pub.status).toBe("finished");
      expect(pub.log.length).toBe(decoded(spec).version);
      await Promise.all([kz.leave(), spec.leave()]);
    });

    test("in a campaign, the leader of a state that is no longer a member watches the next game as a spectator", async () => {
      const srv = server();
      const uz = await srv.create({
        scenario: "kyrgyzstan-2010-06",
        campaign: true,
        campaignPauseSeconds: 0.2,
        timers: FAST,
        thinkMs: 2,
        seat: "UZ",
      });
      const player = playSeat(uz, "UZ");
      const crisisOf = () =>
        (uz.state as unknown as { crisis: number; crises: number } | undefined) ?? { crisis: 0, crises: 0 };
      await until(() => hasState(uz) && crisisOf().crisis === 2, 30_000, "the second game");
      await until(() => decoded(uz).scenario.id === "armenia-2020-karabakh", 5000, "the second scenario");
      expect(crisisOf().crises).toBe(5);
      const d = decoded(uz);
      expect(d.seats.UZ).toBeUndefined();
      expect(d.secrets).toEqual({});
      expect(d.spectators).toBe(1);
      player.stop();
      await uz.leave();
    });

    test("the HTTP API: health, scenarios, the lobby of public rooms, recent games, 404s", async () => {
      const srv = server();
      const health = (await (await fetch(`${srv.url}/healthz`)).json()) as {
        ok: boolean;
        checks: Record<string, string>;
      };
      expect(health.ok).toBe(true);
      expect(health.checks.store).toBe("ok");
      const page = await fetch(`${srv.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Unanimity</title>");
      const scenarios = (await (await fetch(`${srv.url}/api/scenarios`)).json()) as {
        id: string;
        members: string[];
        date: string;
        title: { en: string };
      }[];
      expect(scenarios.map((s) => s.id)).toContain("kazakhstan-2022-01");
      expect(scenarios.every((s) => s.members.length >= 6 && s.date && s.title.en)).toBe(true);

      const slow = { briefing: 600 };
      const pub = await srv.create({ scenario: "armenia-2021-05", timers: slow, name: "host" });
      const priv = await srv.create({ scenario: "armenia-2021-05", timers: slow, private: true });
      await until(() => hasState(pub) && hasState(priv));
      const lobby = (await (await fetch(`${srv.url}/api/rooms`)).json()) as {
        code: string;
        scenarioId: string;
        openSeats: number;
      }[];
      const codes = lobby.map((r) => r.code);
      expect(codes).toContain(pub.roomId);
      expect(codes).not.toContain(priv.roomId);
      expect(lobby.find((r) => r.code === pub.roomId)?.scenarioId).toBe("armenia-2021-05");
      // A private room is still joined by its code.
      const guest = await srv.join(priv.roomId, { spectator: true });
      await until(() => hasState(guest));

      const active = (await (await fetch(`${srv.url}/api/games?status=active`)).json()) as {
        id: string;
        status: string;
      }[];
      expect(active.map((g) => g.id)).toContain(pub.roomId);
      expect(active.map((g) => g.id)).not.toContain(priv.roomId);
      expect(active.every((g) => g.status === "active")).toBe(true);
      expect((await fetch(`${srv.url}/api/games/ZZZZZ`)).status).toBe(404);
      expect((await fetch(`${srv.url}/api/games/not-a-code`)).status).toBe(404);
      await Promise.all([pub.leave(), priv.leave(), guest.leave()]);
      // Nobody is left, but the games are unfinished: their rooms stay (bots and timers finish them).
      expect(localRoom(pub.roomId)).toBeDefined();
    });
  });
}
