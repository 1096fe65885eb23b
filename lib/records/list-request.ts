import "server-only";
import type { z } from "zod";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listQuery } from "@/lib/list-query";

/** A record kind with a list page: violations at /violations, accidents at /accidents. */
export type RecordListKind = "violation" | "accident";

/**
 * What a record list page starts from: the signed-in user (null when they may not view the
 * kind), its query parsed with the list's `schema` (`clean`: what pagers and exports carry
 * on) and the language.
 */
export async function recordListRequest<S extends z.ZodType>({
  kind,
  schema,
  searchParams,
}: {
  kind: RecordListKind;
  schema: S;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, `${kind}.view`)) return null;
  const { clean, input } = listQuery(schema, await searchParams);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return { kind, user, clean, input, t, locale };
}

export type RecordListRequest<I> = NonNullable<Awaited<ReturnType<typeof recordListRequest>>> & { input: I };
