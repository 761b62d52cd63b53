/**
 * What every classroom page shares: the page's elements, the language, this browser's storage of
 * keys and tokens, the alert line, and the one polling timer (a new page stops the last one's).
 */
import { LANGUAGES, translate, type Language } from "../../shared/i18n/index.ts";

export const main = document.getElementById("class-main") as HTMLElement;
export const nav = document.getElementById("nav") as HTMLElement;
const alertBox = document.getElementById("alert") as HTMLElement;

function storedLang(): Language {
  try {
    const stored = localStorage.getItem("unanimity.lang");
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // No storage: the browser's language.
  }
  return navigator.language.toLowerCase().startsWith("ru") ? "ru" : "en";
}
export const lang = storedLang();
document.documentElement.lang = lang;

/** The text of `key` in the page's language. */
export const tr = (key: string, params?: Record<string, string | number>) =>
  translate(lang, params ? { key, params } : { key });

/** The facilitator key of a class, and a student's token, as this browser keeps them. */
export const keyOf = (code: string) => `unanimity.class.key.${code}`;
export const studentOf = (code: string) => `unanimity.class.student.${code}`;
export function get(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
export function put(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: this page only.
  }
}

export function showError(code: string): void {
  alertBox.hidden = false;
  alertBox.textContent = tr("class.error", { code });
  setTimeout(() => (alertBox.hidden = true), 6000);
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Runs `fn` now and every `ms` (never two at once), instead of the page's last poll. */
export function every(ms: number, fn: () => Promise<void>): void {
  stopPolling();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    await fn().finally(() => (busy = false));
  };
  void tick();
  timer = setInterval(() => void tick(), ms);
}

export function stopPolling(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
