/**
 * Opening a game room's game: restored from its record (a restart, or a join by code after the
 * process that held it died), or fresh from the creator's options under a new room code; and
 * storing a campaign's next crisis before it begins, so a restart resumes the campaign there.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { ServerError } from "@colyseus/core";
import {
  CreateOptionsSchema,
  PACE_FACTOR,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type ChatLine,
  type CreateOptions,
} from "../../shared/protocol/index.ts";
import {
  createGame,
  replay,
  type CampaignCarry,
  type GameState,
  type LoggedAction,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { GameStore, SeatClaim } from "../storage/index.ts";
import { campaignCrises, crisisOfGameId, type NextCrisis } from "./campaign.ts";
import { timersOver, type PhaseTimers, type RoomServices } from "./services.ts";

/** The key of options only this process passes (a restore, a classroom's table); no client knows it. */
export const RESTORE_KEY = randomBytes(16).toString("hex");

/**
 * A room's options: the creator's, for a classroom's table the class it belongs to, and the hash of
 * the seat token its creator's first seat gets (stored with the game, so the creator is known after
 * a reload or a restart: server/README.md, "Rooms").
 */
export type RoomOptions = CreateOptions & { classSession?: string; creator?: string };

export interface OpenedGame {
  options: RoomOptions;
  /** The classroom session of a classroom's table (seats only by its tokens), or null. */
  classSession: string | null;
  timers: PhaseTimers;
  thinkMs: number;
  deliberationSeconds: number;
  graceSeconds: number;
  /** A fresh quick match: how many people start it, and the seconds it waits for them at most; else null. */
  quick: { players: number; waitSeconds: number } | null;
  code: string;
  gameId: string;
  crisis: number;
  crises: string[];
  carry: CampaignCarry | undefined;
  game: GameState;
  log: LoggedAction[];
  chat: ChatLine[];
  /** Who held which seat when the record was stored (none for a fresh game). */
  claims: SeatClaim[];
  restored: boolean;
  /** A fresh room's first join (its creator's) takes its seat with this token; null otherwise. */
  creatorToken: string | null;
}

function newCode(): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET.charAt(randomInt(ROOM_CODE_ALPHABET.length));
  return code;
}

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** A seat token (the client keeps it; the store keeps only its hash). */
export const newSeatToken = (bytes = 18): string => randomBytes(bytes).toString("base64url");

/** The options of a room being created: a restore's record, or the creator's options checked. */
async function optionsOf(raw: unknown, store: GameStore) {
  const restore = raw as { restore?: unknown; key?: unknown } | undefined;
  if (typeof restore?.restore === "string" && restore.key === RESTORE_KEY) {
    const stored = await store.getGame(restore.restore);
    if (!stored) throw new ServerError(404, `no game ${restore.restore}`);
    return { options: stored.options as RoomOptions, stored };
  }
  const parsed = CreateOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new ServerError(400, `bad room options: ${parsed.error.issues[0]?.message ?? ""}`);
  const cls = (raw ?? {}) as { classSession?: unknown; key?: unknown };
  // A solo room is never listed (nor a quick match); a quick match is always listed, or no stranger finds it.
  const given = parsed.data.solo
    ? { ...parsed.data, private: true, quickMatch: false }
    : parsed.data.quickMatch
      ? { ...parsed.data, private: false }
      : parsed.data;
  const options: RoomOptions =
    typeof cls.classSession === "string" && cls.key === RESTORE_KEY
      ? { ...given, classSession: cls.classSession }
      : given;
  return { options, stored: undefined };
}

/**
 * The game a room opens with. A fresh game is stored at once under a room code no stored game and
 * no live room (`codeInUse`, in any process) has.
 */
export async function openGame(
  raw: unknown,
  { store, scenarios, defaults }: RoomServices,
  codeInUse: (code: string) => Promise<boolean>,
): Promise<OpenedGame> {
  const { options, stored } = await optionsOf(raw, store);
  const first = scenarios.get(options.scenario);
  if (!first) throw new ServerError(400, `unknown scenario: ${options.scenario}`);
  const crises = campaignCrises(scenarios.values(), first.id, options.campaign === true);
  const scenario = scenarios.get(stored?.scenarioId ?? options.scenario);
  if (!scenario) throw new ServerError(400, `unknown scenario: ${stored?.scenarioId}`);
  const settings = {
    options,
    classSession: options.classSession ?? null,
    timers: timersOver(defaults.timers, options.timers),
    thinkMs: options.thinkMs ?? Math.round(defaults.thinkMs * PACE_FACTOR[options.pace ?? "slow"]),
    deliberationSeconds: options.deliberationSeconds ?? defaults.deliberationSeconds,
    graceSeconds: options.graceSeconds ?? defaults.graceSeconds,
    crises,
    quick:
      options.quickMatch === true && !options.classSession
        ? {
            players: defaults.quickMatchPlayers,
            waitSeconds: options.quickWaitSeconds ?? defaults.quickWaitSeconds,
          }
        : null,
  };

  if (stored) {
    const replayed = replay(
      {
        rulesVersion: stored.rulesVersion,
        scenarioId: stored.scenarioId,
        seed: stored.seed,
        seats: stored.seats,
        ...(stored.carry ? { carry: stored.carry } : {}),
        log: stored.log,
      },
      (id) => scenarios.get(id),
    );
    if (!replayed.ok)
      throw new ServerError(
        500,
        `game ${stored.id} does not replay: action ${replayed.index}: ${replayed.error.code}`,
      );
    return {
      ...settings,
      // A quick match that comes back (a restart) plays on with whoever returns: it gathers no more.
      quick: null,
      ...crisisOfGameId(stored.id),
      gameId: stored.id,
      carry: stored.carry,
      game: replayed.state,
      log: stored.log.map(({ seat, action }) => ({ seat, action })),
      chat: stored.chat.map((line) => ({ ...line })),
      claims: stored.claims,
      restored: true,
      creatorToken: null,
    };
  }

  // A classroom's table has no creator: the classroom seats everyone.
  const creatorToken = options.classSession ? null : newSeatToken();
  if (creatorToken) settings.options = { ...options, creator: hashToken(creatorToken) };
  const seed = String(options.seed ?? randomBytes(8).toString("hex"));
  const game = createGame({ scenario, seed, seats: { deputies: options.deputies ?? {} } });
  let code = newCode();
  while ((await store.hasGame(code)) || (await codeInUse(code))) code = newCode();
  await store.createGame({
    id: code,
    scenarioId: scenario.id,
    seed,
    rulesVersion: game.rulesVersion,
    seats: game.seats,
    options: settings.options,
    createdAt: Date.now(),
  });
  return {
    ...settings,
    code,
    gameId: code,
    crisis: 0,
    carry: undefined,
    game,
    log: [],
    chat: [],
    claims: [],
    restored: false,
    creatorToken,
  };
}

/**
 * Stores a campaign's next crisis, and the claims of the seats that carry over into it (those of
 * its member states), before it begins. Returns its fresh game.
 */
export async function storeNextCrisis(
  store: GameStore,
  next: NextCrisis,
  scenario: Scenario,
  options: RoomOptions,
  claims: readonly SeatClaim[],
): Promise<GameState> {
  const { gameId, seed, carry } = next;
  const game = createGame({ scenario, seed, seats: { deputies: options.deputies ?? {} }, carry });
  await store.createGame({
    id: gameId,
    scenarioId: scenario.id,
    seed,
    rulesVersion: game.rulesVersion,
    seats: game.seats,
    carry,
    options,
    createdAt: Date.now(),
  });
  const members: readonly string[] = scenario.members;
  for (const claim of claims)
    if (members.includes(claim.seat.split(".")[0] as string)) await store.claimSeat(gameId, claim);
  return game;
}
