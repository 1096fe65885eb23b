import "server-only";
import type { z } from "zod";
import { can } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listQuery } from "@/lib/list-query";

/** A record kind with a list page: violations at /violations, accidents at /accidents. */
export type RecordListKind = "violation" | "accident";

/**
 * What a list page starts from: the signed-in user (null when they lack `view`), its query
 * parsed with the list's `schema` (`clean`: what pagers and exports carry on) and the language.
 */
export async function listRequest<S extends z.ZodType>({
  view,
  schema,
  searchParams,
}: {
  view: Permission;
  schema: S;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, view)) return null;
  const { clean, input } = listQuery(schema, await searchParams);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return { user, clean, input, t, locale };
}

/** The same for a record kind's list (it needs `<kind>.view`); the request says its kind. */
export async function recordListRequest<S extends z.ZodType>({
  kind,
  schema,
  searchParams,
}: {
  kind: RecordListKind;
  schema: S;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await listRequest({ view: `${kind}.view`, schema, searchParams });
  return request && { ...request, kind };
}

export type RecordListRequest<I> = NonNullable<Awaited<ReturnType<typeof recordListRequest>>> & { input: I };
