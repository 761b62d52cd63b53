/**
 * Parsing a scenario file's text. Pure: the caller reads the file. Every problem is reported as
 * `file: path.inside.it: what is wrong`, one per line, so a teacher can fix a file without code.
 */
import type { z } from "zod";
import { ScenarioSchema, type Scenario } from "./schema.ts";

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export function formatIssues(fileName: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${fileName}: ${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}

export function parseScenario(fileName: string, text: string): ScenarioParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`${fileName}: (root): not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: formatIssues(fileName, parsed.error.issues) };
  const expectedName = `${parsed.data.id}.json`;
  if (!fileName.endsWith(expectedName)) {
    return { ok: false, errors: [`${fileName}: id: the id "${parsed.data.id}" must match the file name`] };
  }
  return { ok: true, scenario: deepFreeze(parsed.data) };
}

/** Scenarios are shared by every game that plays them, so nothing may change them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
