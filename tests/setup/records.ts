/** Test helpers for the records domain: the catalogue, API tokens, code of a failure. */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/api-tokens/token-auth";
import { AppError } from "@/lib/errors";
import { seedViolationTypes } from "@/prisma/seed/violation-types";

/** The template database has units and users only; the catalogue is loaded per file. */
export async function ensureCatalogue() {
  await seedViolationTypes({ db, log: () => {}, args: [] });
}

/** The error code a promise fails with ("OK" when it does not fail). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof AppError ? e.code : `UNEXPECTED: ${String(e)}`;
  }
}

/** Creates an API token for a unit and returns the bearer secret. */
export async function makeToken(unitCode: string, permissions: string[], name = "test device"): Promise<string> {
  const secret = `tops_${randomBytes(24).toString("base64url")}`;
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode } });
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
  await db.apiToken.create({
    data: {
      name,
      unitId: unit.id,
      permissions,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 12),
      createdById: admin.id,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  return secret;
}

/** Zhenyuan county town (舞阳镇) and Yinjiang county town: inside the brigades' outlines. */
export const ZHENYUAN = { lat: 27.05, lng: 108.43 };
export const YINJIANG = { lat: 27.99, lng: 108.41 };

/** A valid ID-card number (GB 11643 check character computed). */
export function idCard(region = "522625", birth = "19850312", seq = "123"): string {
  const first = `${region}${birth}${seq}`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first[i]) * W[i];
  return first + "10X98765432"[s % 11];
}
