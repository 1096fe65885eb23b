import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { localDate } from "@/lib/time";
import { isUuid } from "@/lib/validation";

/** For pages (lib/pages.ts, the one not-found catch): a record (or a filter's unit) outside the user's scope is a 404 page, as in the API. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** A page's `[id]`: what is not a uuid does not exist — the 404 page, as the API answers (idOrNotFound). */
export async function pageId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return id;
}

/** The year a page's `?year=` names (four digits), else this year (local days). */
export function yearParam(value: string | undefined): number {
  return /^\d{4}$/.test(value ?? "") ? Number(value) : Number(localDate(new Date()).slice(0, 4));
}
