/**
 * A historical bot's stated reason is public (it goes into the timeline), and a leader's brief is
 * private: no stated reason may quote a brief, or the transcript would hand one seat another's brief.
 */
import { expect, test } from "vitest";
import { bundledScenarios } from "../../server/content/scenario-files.ts";

test("no playbook step's stated reason quotes a brief", () => {
  const quoted: string[] = [];
  for (const sc of bundledScenarios().values()) {
    const briefs = Object.entries(sc.briefs);
    const reasons = briefs.flatMap(([, brief]) =>
      Object.values(brief.playbook.steps ?? {}).flatMap((step) => [step.reason.en, step.reason.ru]),
    );
    for (const [id, brief] of briefs) {
      for (const lang of ["en", "ru"] as const) {
        const opening = brief.text[lang].slice(0, 40);
        if (reasons.some((text) => text.includes(opening))) quoted.push(`${sc.id} ${id} ${lang}`);
      }
    }
  }
  expect(quoted).toEqual([]);
});
