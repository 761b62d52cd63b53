/**
 * The classroom's HTTP API (see server/README.md, "Classroom"). The facilitator sends the key as
 * `Authorization: Bearer <key>` (or `?key=` on the export links a browser opens); a student sends the
 * token they got on joining. Every body is parsed with the zod schemas of shared/protocol/classroom;
 * a wrong class code or key counts against the caller's address, and too many in a minute are
 * answered 429 (`ERR_RATE_LIMITED`) whatever they are.
 */
import express, { type Request, type Response, type Router } from "express";
import {
  ClassCodeSchema,
  FacilitatorCommandSchema,
  JoinClassSchema,
  NewSessionSchema,
  type ClassErrorCode,
} from "../../shared/protocol/classroom.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { classPrintPage } from "./print.ts";
import { classCsv, classJson, classSummary } from "./records.ts";
import { ClassError, type Classrooms } from "./service.ts";

export interface ClassroomLimits {
  /** Wrong codes or keys an address may send per window before it is refused. */
  failures: number;
  windowMs: number;
  /** Sessions an address may open per window. */
  creates: number;
}

/** The HTTP status of each refusal (a failure of a table call is a 500 `ERR_TABLE`). */
export const CLASS_ERROR_STATUS: Record<ClassErrorCode, number> = {
  ERR_MALFORMED: 400,
  ERR_NO_CLASS: 404,
  ERR_NOT_FACILITATOR: 403,
  ERR_NOT_STUDENT: 403,
  ERR_RATE_LIMITED: 429,
  ERR_NO_SUCH_STUDENT: 404,
  ERR_NO_SUCH_TABLE: 404,
  ERR_NO_SUCH_SEAT: 404,
  ERR_NOT_SEATED: 409,
  ERR_NAME_TAKEN: 409,
  ERR_UNKNOWN_SCENARIO: 400,
  /** A table refused the facilitator's single-table command (its game is over, say). */
  ERR_TABLE: 409,
  ERR_CONFLICT: 409,
};

export const DEFAULT_CLASSROOM_LIMITS: ClassroomLimits = { failures: 20, windowMs: 60_000, creates: 10 };

/** Counts per address in a fixed window. */
class Counter {
  private hits = new Map<string, { n: number; until: number }>();
  private readonly windowMs: number;
  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }
  count(ip: string): number {
    const now = Date.now();
    let h = this.hits.get(ip);
    if (!h || h.until <= now) {
      h = { n: 0, until: now + this.windowMs };
      this.hits.set(ip, h);
    }
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.until <= now) this.hits.delete(k);
    return h.n;
  }
  add(ip: string): void {
    this.count(ip);
    const h = this.hits.get(ip);
    if (h) h.n += 1;
  }
}

function bearer(req: Request): string | undefined {
  const h = req.get("authorization");
  if (h?.startsWith("Bearer ")) return h.slice(7).trim() || undefined;
  const q = req.query.key;
  return typeof q === "string" && q ? q : undefined;
}

export function classroomRouter(
  rooms: Classrooms,
  scenarios: Map<string, Scenario>,
  limits: ClassroomLimits = DEFAULT_CLASSROOM_LIMITS,
): Router {
  const router = express.Router();
  const failures = new Counter(limits.windowMs);
  const creates = new Counter(limits.windowMs);
  router.use(express.json({ limit: "16kb" }));

  const ip = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "?";
  const fail = (res: Response, code: ClassErrorCode, status = CLASS_ERROR_STATUS[code]) =>
    res.status(status).json({ error: code });

  /** Wraps a handler: the address's failures, ClassErrors as refusals, anything else a 500. */
  const handle =
    (fn: (req: Request, res: Response, code: string) => Promise<void>, needsCode = true) =>
    async (req: Request, res: Response) => {
      const from = ip(req);
      if (failures.count(from) >= limits.failures) return void fail(res, "ERR_RATE_LIMITED");
      let code = "";
      if (needsCode) {
        const parsed = ClassCodeSchema.safeParse(req.params.code);
        if (!parsed.success || !(await rooms.exists(parsed.data))) {
          failures.add(from);
          return void fail(res, "ERR_NO_CLASS");
        }
        code = parsed.data;
      }
      try {
        await fn(req, res, code);
      } catch (err) {
        if (err instanceof ClassError) {
          if (err.code === "ERR_NOT_STUDENT") failures.add(from);
          return void fail(res, err.code);
        }
        console.error("classroom:", err);
        if (!res.headersSent) fail(res, "ERR_TABLE", 500);
      }
    };

  /** The facilitator key, checked; a student's token (or anything else) is refused and logged. */
  const facilitator = async (req: Request, code: string, what: unknown) => {
    const key = bearer(req);
    if (key && (await rooms.isFacilitator(code, key))) return;
    let actor = "anonymous";
    if (key) {
      const student = await rooms.studentByToken(code, key).catch(() => undefined);
      if (student) actor = `student:${student.id}`;
      // A key that is no one's is a guess: it counts against the address.
      else failures.add(ip(req));
    }
    await rooms.refused(code, actor, what, "ERR_NOT_FACILITATOR");
    throw new ClassError("ERR_NOT_FACILITATOR");
  };

  router.post(
    "/",
    handle(async (req, res) => {
      const from = ip(req);
      if (creates.count(from) >= limits.creates) return void fail(res, "ERR_RATE_LIMITED");
      const parsed = NewSessionSchema.safeParse(req.body);
      if (!parsed.success) return void fail(res, "ERR_MALFORMED");
      creates.add(from);
      res.status(201).json(await rooms.create(parsed.data));
    }, false),
  );

  // ── Students ──
  router.post(
    "/:code/join",
    handle(async (req, res, code) => {
      const parsed = JoinClassSchema.safeParse(req.body);
      if (!parsed.success) return void fail(res, "ERR_MALFORMED");
      const joined = await rooms.join(code, parsed.data.name);
      if (!joined.ok) return void fail(res, joined.code);
      res.json({ token: joined.token, student: joined.student });
    }),
  );
  router.get(
    "/:code/me",
    handle(async (req, res, code) => {
      const token = bearer(req);
      if (!token) throw new ClassError("ERR_NOT_STUDENT");
      res.json(await rooms.me(code, token));
    }),
  );

  // ── The facilitator ──
  router.get(
    "/:code",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "overview" });
      res.json(await rooms.overview(code));
    }),
  );
  router.post(
    "/:code/command",
    handle(async (req, res, code) => {
      await facilitator(req, code, req.body as unknown);
      const parsed = FacilitatorCommandSchema.safeParse(req.body);
      if (!parsed.success) {
        await rooms.refused(code, "facilitator", req.body as unknown, "ERR_MALFORMED");
        return void fail(res, "ERR_MALFORMED");
      }
      const answer = await rooms.command(code, parsed.data);
      if (!answer.ok) return void fail(res, answer.code);
      res.json(answer.body);
    }),
  );
  router.get(
    "/:code/dashboard",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "dashboard" });
      res.json(await rooms.dashboard(code));
    }),
  );
  router.get(
    "/:code/tables/:index",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "drill", table: req.params.index });
      res.json(await rooms.drill(code, Number(req.params.index)));
    }),
  );
  router.get(
    "/:code/summary",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "summary" });
      res.json(await classSummary(rooms, code, scenarios));
    }),
  );
  router.get(
    "/:code/export.csv",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "export", format: "csv" });
      res.type("text/csv; charset=utf-8");
      res.set("Content-Disposition", `attachment; filename="unanimity-${code}.csv"`);
      res.send(await classCsv(rooms, code, scenarios));
    }),
  );
  router.get(
    "/:code/export.json",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "export", format: "json" });
      res.set("Content-Disposition", `attachment; filename="unanimity-${code}.json"`);
      res.json(await classJson(rooms, code));
    }),
  );
  router.get(
    "/:code/print",
    handle(async (req, res, code) => {
      await facilitator(req, code, { type: "export", format: "print" });
      const lang = req.query.lang === "ru" ? "ru" : "en";
      res.type("text/html; charset=utf-8");
      res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
      res.set("Referrer-Policy", "no-referrer");
      res.send(await classPrintPage(rooms, code, scenarios, lang));
    }),
  );
  // A body that is not JSON, or too large, is answered like any other bad request (no stack trace).
  router.use((err: { status?: number }, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = err.status === 413 ? 413 : 400;
    res.status(status).json({ error: "ERR_MALFORMED" });
  });
  return router;
}
