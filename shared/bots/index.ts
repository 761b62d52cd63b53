/** Bots for every seat, and the coach for human ones. */
import type { BotKind } from "../rules/vocabulary.ts";
import type { Bot } from "./bot.ts";
import { createHistoricalBot } from "./historical.ts";
import { createPragmaticBot } from "./pragmatic.ts";

export type { Bot, BotContext } from "./bot.ts";
export {
  playGame,
  botStep,
  nextBotMove,
  seatOrder,
  MAX_STEPS,
  type BotMove,
  type PlayedGame,
} from "./driver.ts";
export { coach, forecastSentences, type CoachAdvice, type CoachSentence } from "./coach.ts";

/** A bot of a kind. The seed makes a pragmatic or hard-line bot's judgement reproducible. */
export function createBot(kind: BotKind, seed: string): Bot {
  return kind === "historical" ? createHistoricalBot() : createPragmaticBot(kind, seed);
}
