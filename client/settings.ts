/**
 * The player's settings, remembered in the browser: language, the coach, the name last typed, and the
 * layout on a small screen (the bar's menu and the stage shown or folded; unset: the layout's default).
 */
import { LANGUAGES, type Language } from "../shared/i18n/index.ts";

const LANG_KEY = "unanimity.lang";
const COACH_KEY = "unanimity.coach";
const NAME_KEY = "unanimity.name";
const GUIDE_KEY = "unanimity.guided";
const BAR_KEY = "unanimity.layout.bar";
const STAGE_KEY = "unanimity.layout.stage";
const TRACKS_KEY = "unanimity.layout.tracks";

/** A fold the player chose, or none yet (the screen's size decides). */
export type Fold = "open" | "closed" | null;

function fold(key: string): Fold {
  const saved = stored(key);
  return saved === "open" || saved === "closed" ? saved : null;
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the setting lasts for this page only.
  }
}

function initialLang(): Language {
  const saved = stored(LANG_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return navigator.language.toLowerCase().startsWith("ru") ? "ru" : "en";
}

export class Settings {
  lang: Language = initialLang();
  coachOn = stored(COACH_KEY) !== "off";

  setLang(lang: Language): void {
    this.lang = lang;
    store(LANG_KEY, lang);
  }

  /** A first solo game is a guided crisis; it stays on until a game reaches its debrief, or is turned off. */
  guided = stored(GUIDE_KEY) !== "off";

  setGuided(on: boolean): void {
    this.guided = on;
    store(GUIDE_KEY, on ? "on" : "off");
  }

  setCoach(on: boolean): void {
    this.coachOn = on;
    store(COACH_KEY, on ? "on" : "off");
  }

  /** The bar's title, language and room buttons; the stage (canvas); the tracks' details. */
  bar: Fold = fold(BAR_KEY);
  stage: Fold = fold(STAGE_KEY);
  tracks: Fold = fold(TRACKS_KEY);

  setFold(which: "bar" | "stage" | "tracks", value: "open" | "closed"): void {
    this[which] = value;
    store({ bar: BAR_KEY, stage: STAGE_KEY, tracks: TRACKS_KEY }[which], value);
  }

  get name(): string {
    return stored(NAME_KEY) ?? "";
  }

  set name(name: string) {
    store(NAME_KEY, name);
  }
}
