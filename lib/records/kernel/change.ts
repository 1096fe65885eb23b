import "server-only";
import type { Tx } from "@/lib/db";
import { type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** The record tables a change locks a row of; the name is never built from input. */
const TABLES = {
  violations: "violation",
  accidents: "accident",
  hazards: "hazard",
  appeals: "appeal",
  supervision_findings: "finding",
} as const;
export type LockedTable = keyof typeof TABLES;

/**
 * Locks a record's row until the transaction ends (SELECT … FOR UPDATE), so two changes to one
 * record are served one after the other. A missing row locks nothing.
 */
export async function lockRow(tx: Tx, table: LockedTable, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM ${Prisma.raw(table)} WHERE id = ${id}::uuid FOR UPDATE`;
}

/**
 * The first step of every change to a stored record: lock its row, then read it in the actor's
 * scope (`read` gets the where clause: its id, under the actor's unit). A record that does not
 * exist and one outside the scope get the same 404, so nothing is said about other units.
 */
export async function lockInScope<T>({
  tx,
  actor,
  table,
  id,
  read,
}: {
  tx: Tx;
  actor: Actor;
  table: LockedTable;
  id: string;
  read: (where: { id: string; unitPath: { startsWith: string } }) => Promise<T | null>;
}): Promise<T> {
  await lockRow(tx, table, id);
  const row = await read({ id, unitPath: underPath(actor.unitPath) });
  if (!row) throw new AppError("NOT_FOUND", `${TABLES[table]} not found`);
  return row;
}
