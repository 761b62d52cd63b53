/**
 * Translation of messages. Every string the game shows is a key here; English and Russian ship.
 * A parameter `{x}` takes, in order: the parameter `x_<lang>` (text that travels in both languages),
 * the translation of the value as a term (`term.<value>`, item by item for a comma-separated list),
 * or the value itself. A plural, ICU-style, picks its case by the language's plural rules:
 * `{n, plural, =0 {none} one {# seat} few {# места} many {# мест} other {# seats}}` (`#` is the number).
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

/**
 * A legal basis by its own name: "peacekeeping" is both a form and a basis, and as a basis it is the
 * 2007 Agreement on Peacekeeping Activities, not "a peacekeeping force".
 */
export function basisTerm(lang: Language, basis: string): string {
  const k = `term.basis.${basis}`;
  return hasKey(k) ? DICTIONARIES[lang][k] : term(lang, basis);
}

/** Message parameters that name a legal basis (see basisTerm). */
const BASIS_PARAMS = new Set(["basis", "fromBasis"]);

const PLURAL = /\{(\w+),\s*plural,/g;
const pluralRules = new Map<Language, Intl.PluralRules>();

/** The cases of a plural from `at` (after `{n, plural,`) to its closing brace, and the index after it. */
function pluralCases(template: string, at: number): { cases: Map<string, string>; end: number } | null {
  const cases = new Map<string, string>();
  let i = at;
  for (;;) {
    while (template[i] === " ") i++;
    if (template[i] === "}") return { cases, end: i + 1 };
    const selector = /^[=\w]+/.exec(template.slice(i))?.[0];
    if (!selector) return null;
    i += selector.length;
    while (template[i] === " ") i++;
    if (template[i] !== "{") return null;
    let depth = 1;
    let j = i + 1;
    for (; j < template.length && depth > 0; j++)
      depth += template[j] === "{" ? 1 : template[j] === "}" ? -1 : 0;
    if (depth > 0) return null;
    cases.set(selector, template.slice(i + 1, j - 1));
    i = j;
  }
}

/** Each plural of a template replaced by its case for the number in `params`. */
function selectPlurals(lang: Language, template: string, params: NonNullable<Message["params"]>): string {
  if (!template.includes("plural,")) return template;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  let out = "";
  let from = 0;
  PLURAL.lastIndex = 0;
  for (let match = PLURAL.exec(template); match; match = PLURAL.exec(template)) {
    const parsed = pluralCases(template, PLURAL.lastIndex);
    if (!parsed) break;
    const n = Number(params[match[1] as string] ?? 0);
    const { cases } = parsed;
    const chosen = cases.get(`=${n}`) ?? cases.get(rules.select(n)) ?? cases.get("other") ?? "";
    out += template.slice(from, match.index) + chosen.replaceAll("#", String(n));
    from = parsed.end;
    PLURAL.lastIndex = parsed.end;
  }
  return out + template.slice(from);
}

export function translate(lang: Language, message: Message): string {
  const params = message.params ?? {};
  const template = selectPlurals(
    lang,
    hasKey(message.key) ? DICTIONARIES[lang][message.key] : message.key,
    params,
  );
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
      : BASIS_PARAMS.has(name)
        ? basisTerm(lang, String(value))
        : term(lang, value);
  });
}

export type { MessageKey };
