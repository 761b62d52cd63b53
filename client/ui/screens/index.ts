/** The DOM screen of each view but the menu, one file per screen. */
import type { View } from "../../view/models.ts";
import type { ScreenCtx } from "../common.ts";
import type { Sections } from "../dom.ts";
import { approvalsScreen } from "./approvals.ts";
import { briefingScreen } from "./briefing.ts";
import { consultationsScreen } from "./consultations.ts";
import { debriefScreen } from "./debrief.ts";
import { lobbyScreen } from "./lobby.ts";
import { mapScreen } from "./map.ts";
import { projectorScreen } from "./projector.ts";

export type ScreenRenderer = (sections: Sections, ctx: ScreenCtx) => void;

export const SCREEN_RENDERERS: Record<Exclude<View, "menu">, ScreenRenderer> = {
  lobby: lobbyScreen,
  briefing: briefingScreen,
  consultations: consultationsScreen,
  map: mapScreen,
  approvals: approvalsScreen,
  debrief: debriefScreen,
  projector: projectorScreen,
};
