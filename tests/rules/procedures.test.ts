import { describe, expect, it } from "vitest";
import { needsVote, procedureFor, type ProcedureKind, type StateId } from "../../shared/rules/index.ts";

describe("national approval procedures by state and year", () => {
  it.each<[StateId, string, ProcedureKind | undefined]>([
    ["RU", "2008-08-10", "upperHouse"], // before the standing consent
    ["RU", "2009-12-08", "upperHouse"],
    ["RU", "2009-12-09", "standingConsent"], // the Federation Council's resolution of 9 December 2009
    ["RU", "2022-01-05", "standingConsent"],
    ["KG", "2010-06-12", "parliament"],
    ["KG", "2022-01-05", "parliament"],
    ["TJ", "2022-01-05", "jointSession"],
    ["AM", "2022-01-05", "government"],
    ["BY", "2022-01-05", "president"],
    ["KZ", "2022-01-05", "jointSession"],
    ["UZ", "2010-06-12", "parliament"],
    ["UZ", "2005-05-13", undefined], // not a member then
    ["UZ", "2013-01-01", undefined], // suspended in December 2012
  ])("%s on %s: %s", (state, date, kind) => {
    expect(procedureFor(state, date)?.kind).toBe(kind);
  });

  it("Belarus sends professional units only; Tajikistan's troops may move before the vote", () => {
    expect(procedureFor("BY", "2022-01-05")?.professionalOnly).toBe(true);
    expect(procedureFor("TJ", "2022-01-05")?.movesBeforeApproval).toBe(true);
  });

  it("Kyrgyzstan's parliament needs 61 of 120", () => {
    const c = procedureFor("KG", "2022-01-05")?.chamber;
    expect(c?.seats).toBe(120);
    expect(c?.needed).toBe(61);
    expect(c?.blocs.reduce((n, b) => n + b.seats, 0)).toBe(120);
  });

  describe("who needs a vote, by mission length", () => {
    const ru2022 = procedureFor("RU", "2022-01-05");
    const ru2008 = procedureFor("RU", "2008-08-10");
    it.each<[string, ReturnType<typeof procedureFor>, number, boolean, boolean]>([
      ["Russia 2022, a short mission: the President alone", ru2022, 21, false, false],
      ["Russia 2022, exactly at the threshold", ru2022, 30, false, false],
      ["Russia 2022, a long mission: the Federation Council", ru2022, 31, false, true],
      ["Russia 2022, a bilateral mission: the Federation Council", ru2022, 10, true, true],
      ["Russia 2008, any mission: the Federation Council", ru2008, 5, false, true],
      ["Armenia: the government", procedureFor("AM", "2022-01-05"), 90, false, false],
      ["Belarus: the President", procedureFor("BY", "2022-01-05"), 90, false, false],
      ["Kyrgyzstan: always parliament", procedureFor("KG", "2022-01-05"), 1, false, true],
      ["Kazakhstan: parliament in joint session", procedureFor("KZ", "2022-01-05"), 1, false, true],
    ])("%s", (_n, proc, days, bilateral, expected) => {
      expect(needsVote(proc, days, 30, bilateral)).toBe(expected);
    });
  });

  it("every member of every scenario has a procedure on its date", async () => {
    const { bundledScenarios } = await import("../../server/content/scenario-files.ts");
    for (const s of bundledScenarios().values()) {
      for (const m of s.members) expect(procedureFor(m, s.date), `${m} on ${s.date}`).toBeDefined();
    }
  });
});
