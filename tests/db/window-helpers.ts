/** Shared by the window db tests: the window's demo data on the file's database, and input builders. */
import { db } from "@/lib/db";
import { idCardCheckChar } from "@/lib/identity/id-card";
import { AppError } from "@/lib/errors";
import { createTransactionSchema, type CreateTransactionInput } from "@/lib/window/schemas";
import { seedWindow } from "@/prisma/seed/window";

export async function seedWindowData() {
  await seedWindow({ db, url: process.env.DATABASE_URL!, log: () => {}, now: new Date(), args: [] });
}

export const validId = (first17 = "52262519850312123") => first17 + idCardCheckChar(first17);

/** A transaction input as the API would parse it. */
export function txInput(over: Record<string, unknown> = {}): CreateTransactionInput {
  return createTransactionSchema.parse({
    business: "licence_review",
    channel: "hall",
    hall: "522625-H1",
    window: 1,
    applicantName: "张三",
    applicantIdNumber: validId(),
    ...over,
  });
}

export const errCode = (e: unknown) => (e instanceof AppError ? e.code : String(e));
export const errOf = (e: unknown) =>
  e instanceof AppError
    ? { code: e.code, message: e.message, fields: e.fields?.map((f) => f.path) }
    : { code: String(e) };
