/** What every screen gets (the context) and the small pieces they share: flags, headings, keys, inputs. */
import type { ChatLine } from "../../shared/protocol/index.ts";
import type { ActionType, StateId } from "../../shared/rules/index.ts";
import { flagCss } from "../view/geo.ts";
import { actionState, legalOf } from "../view/models.ts";
import type { Ctx } from "./controls.ts";
import { h } from "./dom.ts";

export interface ScreenCtx extends Ctx {
  coachOn: boolean;
  chat: readonly ChatLine[];
  sendChat: (text: string, to: StateId | null) => void;
  /** Leaders whose messages this player has muted, and the switch. */
  muted: ReadonlySet<string>;
  toggleMute: (seat: StateId) => void;
  sources: { title: string; url: string }[];
  /** The room's creator's messages (the lobby and the briefing offer them to the creator only). */
  room?: { fillSeats(): void; invite(): void; leave(): void };
}

export const flag = (id: StateId): HTMLElement =>
  h("span", { class: "flag", style: `background:${flagCss(id)}`, "aria-hidden": "true" });

export const keyOf = (...parts: unknown[]): string => JSON.stringify(parts);

/**
 * The key of a section of action inputs: it changes only when one of its actions becomes legal or
 * not (or its bounds or reason change), so other players' moves never rebuild a button mid-click.
 */
export const formKey = (ctx: Ctx, types: ActionType[], ...extra: unknown[]): string =>
  keyOf(
    ctx.lang,
    ctx.snap.paused,
    types.map((type) => [legalOf(ctx.snap, type) ?? null, actionState(ctx.snap, type, ctx.lang).reason]),
    ...extra,
  );

export const heading = (text: string, level: "h2" | "h3" = "h2"): HTMLElement => h(level, {}, text);

/** A number of troops, from 0 to the most this state can send, in steps of 50. */
export const troopsInput = (id: string, max: number): HTMLElement =>
  h("input", { id, name: "troops", type: "number", min: 0, max, step: 50, value: 0 });
