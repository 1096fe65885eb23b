import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";
import { beatInclude, beatDtosByIds, toBeatDtos, type BeatDto } from "./beat-dto";
import type { ListBeatsInput } from "./schemas";

import { assertInScope } from "@/lib/auth/actor";
import { scopePathFor } from "@/lib/units/read-units";

/** Beats overlapping [from, to) under a unit, by start time, keyset-paginated. */
export async function listBeats({ actor, input }: { actor: Actor; input: ListBeatsInput }) {
  assertCan(actor, "beat.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const cursor = decodeCursor(input.cursor);
  const where: Prisma.BeatWhereInput = {
    AND: [
      { unitPath: underPath(path) },
      { startsAt: { lt: input.to } },
      { endsAt: { gt: input.from } },
      input.grid ? { gridId: input.grid } : {},
      input.includeCancelled ? {} : { cancelledAt: null },
      cursor
        ? {
            OR: [
              { startsAt: { gt: new Date(String(cursor.sortValue)) } },
              { startsAt: new Date(String(cursor.sortValue)), id: { gt: cursor.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.beat.findMany({
    where,
    include: beatInclude,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (r) => r.startsAt);
  return { items: await toBeatDtos({ actor, rows: page.items }), nextCursor: page.nextCursor };
}

export async function getBeat({ actor, id }: { actor: Actor; id: string }): Promise<BeatDto> {
  assertCan(actor, "beat.view");
  const row = await db.beat.findUnique({ where: { id }, select: { unitPath: true } });
  if (!row) throw new AppError("NOT_FOUND", "beat not found");
  assertInScope(actor, row.unitPath, "beat");
  return (await beatDtosByIds({ actor, ids: [id] }))[0];
}
