import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { assertCan, type SessionUser } from "@/lib/auth/actor";
import { assertSameOrigin } from "@/lib/auth/origin";
import type { Permission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { unavailableError } from "@/lib/db-errors";
import { noteOwnWrite } from "@/lib/db-read";
import { appErrorFromDb } from "@/lib/db-refusal";
import { AppError } from "@/lib/errors";
import { assertNoNul } from "@/lib/input-guard";
import { getT } from "@/lib/i18n/server";
import { issueFields, translateMessage } from "@/lib/i18n/translate";
import { log } from "@/lib/log";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/**
 * Wraps a server action: same-origin check, session, permission, zod parse, then the
 * domain function. Expected errors come back as a localized message (and per-field
 * messages); unexpected ones are logged with the request id.
 * (Next.js checks a page's session only for the page: each action checks its own.)
 */
/**
 * The Idempotency-Key a form sends beside its fields (`idempotencyKey`): a double tap or a
 * retry after a timeout replays the first answer, never duplicates. Prefixed so a form's
 * keys never collide with an API client's.
 */
export function formKey(raw: unknown): string | null {
  const k = raw && typeof raw === "object" ? (raw as Record<string, unknown>).idempotencyKey : null;
  return typeof k === "string" && k.length > 0 && k.length <= 200 ? `form:${k}` : null;
}

export function safeAction<S extends z.ZodType, R>(
  opts: { schema: S; permission?: Permission },
  fn: (args: { actor: SessionUser; input: z.output<S> }) => Promise<R>,
) {
  return actionWith(
    async () => {
      const actor = await requireUser();
      if (opts.permission) assertCan(actor, opts.permission);
      return { actor, requestId: actor.meta.requestId };
    },
    opts.schema,
    fn,
  );
}

/**
 * The same wrapper with another way to find who acts (the sign-in steps act for a
 * session that is not complete yet): `authenticate` throws an AppError to refuse.
 */
export function actionWith<A, S extends z.ZodType, R>(
  authenticate: () => Promise<{ actor: A; requestId: string }>,
  schema: S,
  fn: (args: { actor: A; input: z.output<S> }) => Promise<R>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    const h = await headers();
    const t = await getT();
    let requestId = h.get("x-request-id") ?? "";
    try {
      assertSameOrigin("POST", h);
      const who = await authenticate();
      requestId = who.requestId;
      assertNoNul(raw);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID",
          message: t("errors.INVALID"),
          fields: issueFields(t, parsed.error.issues),
        };
      }
      const data = await fn({ actor: who.actor, input: parsed.data });
      // With a read replica, this browser's next pages read from the primary until the
      // replica has replayed this write (read-your-own-writes, lib/db-read.ts).
      await noteOwnWrite().catch(() => {});
      return { ok: true, data };
    } catch (caught) {
      // The database away or busy: 503; a value it refused: 422/409 by kind, never its text.
      const unavailable = unavailableError(caught);
      const refused = unavailable ? null : appErrorFromDb(caught);
      if (refused) log.warn({ err: caught, requestId }, "database refused an action");
      const err = unavailable ?? refused ?? caught;
      if (err instanceof AppError) {
        const fields =
          err.fields && Object.fromEntries(err.fields.map((f) => [f.path, translateMessage(t, f.message)]));
        const generic = t(`errors.${err.code}`);
        // Conflicts carry a specific, useful message (e.g. who is double-booked), and so
        // does an unavailable database (down or busy).
        const specific =
          err.code === "CONFLICT" ||
          err.code === "INVALID" ||
          err.code === "RATE_LIMITED" ||
          err.code === "UNAVAILABLE";
        const message = specific ? translateMessage(t, err.message, err.details) : generic;
        return { ok: false, code: err.code, message, fields };
      }
      log.error({ err, requestId }, "server action failed");
      return { ok: false, code: "INTERNAL", message: t("errors.INTERNAL", { requestId }) };
    }
  };
}
