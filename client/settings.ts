/** The player's settings, remembered in the browser: language, the coach, the name last typed. */
import { LANGUAGES, type Language } from "../shared/i18n/index.ts";

const LANG_KEY = "unanimity.lang";
const COACH_KEY = "unanimity.coach";
const NAME_KEY = "unanimity.name";
const GUIDE_KEY = "unanimity.guided";

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

  get name(): string {
    return stored(NAME_KEY) ?? "";
  }

  set name(name: string) {
    store(NAME_KEY, name);
  }
}
