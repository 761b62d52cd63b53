/**
 * Translation of messages. Every string the game shows is a key here; English and Russian ship.
 * A parameter `{x}` takes, in order: the parameter `x_<lang>` (text that travels in both languages),
 * the translation of the value as a term (`term.<value>`, item by item for a comma-separated list),
 * or the value itself.
 */
import type { Message } from "../rules/actions.ts";
import { en, type MessageKey } from "./en.ts";
import { ru } from "./ru.ts";

export const LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, ru };

export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function term(lang: Language, value: string | number): string {
  const k = `term.${value}`;
  return hasKey(k) ? DICTIONARIES[lang][k] : String(value);
}

export function translate(lang: Language, message: Message): string {
  const template = hasKey(message.key) ? DICTIONARIES[lang][message.key] : message.key;
  const params = message.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const localized = params[`${name}_${lang}`];
    if (localized !== undefined) return String(localized);
    const value = params[name];
    if (value === undefined) return whole;
    // A list of terms ("RU, KZ") is translated item by item.
    return typeof value === "string" && value.includes(", ")
      ? value
          .split(", ")
          .map((v) => term(lang, v))
          .join(", ")
      : term(lang, value);
  });
}

export type { MessageKey };
