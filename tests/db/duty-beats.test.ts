import { beforeAll, describe, expect, it, vi } from "vitest";

// 50 transactions at once queue for 10 connections, each waiting on the one before it (the
// exclusion constraint): on a busy 2-core machine the queue outlasted the 5 s waits and some
// failed to start at all (a fresh clone beside a build). The test is about the constraint, not
// the machine's speed: wait as long as it takes (set before the client is made).
vi.hoisted(() => {
  process.env.DB_TX_MAX_WAIT_MS = "120000";
  process.env.DB_CONNECT_TIMEOUT_MS = "120000";
});
import { db } from "@/lib/db";
import { createGridSchema, updateBeatSchema } from "@/lib/duty/schemas";
import { errorResponse } from "@/lib/api/respond";
import { copyWeek } from "@/lib/duty/copy-week";
import { createBeat } from "@/lib/duty/create-beat";
import { listBeats } from "@/lib/duty/list-beats";
import { cancelBeat, updateBeat } from "@/lib/duty/update-beat";
import { createGrid } from "@/lib/duty/write-grids";
import { createPoint } from "@/lib/duty/write-features";
import { weekStartOf } from "@/lib/duty/week";
import { AppError } from "@/lib/errors";
import { addDays, localDate, localInstant } from "@/lib/time";
import { actorFor } from "../setup/actors";
import { error, makePeople, square, ZY } from "../setup/duty-fixtures";
import type { SessionUser } from "@/lib/auth/actor";

let duty: SessionUser;
let gridA: string;
let gridB: string;
let officers: { id: string; displayName: string }[];
let auxes: { id: string; displayName: string }[];
const day = addDays(localDate(new Date()), 14); // a day two weeks ahead, clear of anything else
const at = (hhmm: string, d = day) => localInstant(d, hhmm);
const beat = (over: Record<string, unknown> = {}) => ({
  gridId: gridA,
  startsAt: at("07:00"),
  endsAt: at("09:00"),
  shiftKind: "morning_peak" as const,
  leadUserId: officers[0].id,
  auxiliaryUserIds: [] as string[],
  mustReachPointIds: [] as string[],
  mustCorrectTypes: [] as string[],
  notes: null,
  ...over,
});

beforeAll(async () => {
  duty = await actorFor("zy-duty");
  gridA = (
    await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "东门网格",
        kind: "urban",
        geometry: square(ZY.lng, ZY.lat, 0.01),
        difficulty: 3,
      }),
    })
  ).grid.id;
  gridB = (
    await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "西门网格",
        kind: "urban",
        geometry: square(ZY.lng + 0.01, ZY.lat, 0.01),
        difficulty: 3,
      }),
    })
  ).grid.id;
  officers = await makePeople(3, "OFFICER", "522625-01");
  auxes = await makePeople(3, "AUXILIARY", "522625-01");
});

describe("no double booking, enforced by the database", () => {
  it("50 concurrent overlapping beats for one person: exactly one is created, 49 get a clear 409", async () => {
    const tries = Array.from({ length: 50 }, (_, i) =>
      createBeat({
        actor: duty,
        input: beat({
          gridId: i % 2 ? gridA : gridB,
          startsAt: at(`07:${String(i).padStart(2, "0")}`),
          endsAt: at("10:00"),
        }),
      }).then(
        (r) => ({ ok: true as const, id: r.beat.id }),
        (e) => ({ ok: false as const, e }),
      ),
    );
    const results = await Promise.all(tries);
    const ok = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok).map((r) => (r as { e: unknown }).e);
    const unexpected = failed.filter((e) => !(e instanceof AppError && e.code === "CONFLICT"));
    expect(unexpected.map(String)).toEqual([]);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const e of failed) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("CONFLICT");
      expect((e as AppError).details?.person).toBe(officers[0].displayName);
    }
    const members = await db.beatMember.count({ where: { userId: officers[0].id, cancelled: false } });
    expect(members).toBe(1);
    // The API answer names the person and the other beat, in English for machines.
    const res = errorResponse(failed[0], "req-1");
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message).toContain(officers[0].displayName);
    expect(body.error.message).toMatch(
      /already on a beat in (东门网格|西门网格) from \d{4}-\d\d-\d\d 07:\d\d to \d{4}-\d\d-\d\d 10:00/,
    );
    expect(body.error.details.otherBeatId).toBe((ok[0] as { id: string }).id);
    await cancelBeat({ actor: duty, input: { id: (ok[0] as { id: string }).id } });
  });

  it("also catches auxiliaries, allows back-to-back shifts, and frees people when a beat is cancelled", async () => {
    const d = addDays(day, 1);
    const first = await createBeat({
      actor: duty,
      input: beat({
        startsAt: at("07:00", d),
        endsAt: at("09:00", d),
        leadUserId: officers[1].id,
        auxiliaryUserIds: [auxes[0].id, auxes[1].id],
      }),
    });
    const clash = await error(
      createBeat({
        actor: duty,
        input: beat({
          gridId: gridB,
          startsAt: at("08:30", d),
          endsAt: at("11:00", d),
          leadUserId: officers[2].id,
          auxiliaryUserIds: [auxes[1].id],
        }),
      }),
    );
    expect(clash.code).toBe("CONFLICT");
    expect(clash.details?.person).toBe(auxes[1].displayName);
    expect(clash.details?.grid).toBe("东门网格");
    // Nothing of the refused beat was written.
    expect(await db.beatMember.count({ where: { userId: officers[2].id } })).toBe(0);
    // 09:00–11:00 right after 07:00–09:00 is fine ([start, end) ranges).
    await createBeat({
      actor: duty,
      input: beat({
        gridId: gridB,
        startsAt: at("09:00", d),
        endsAt: at("11:00", d),
        leadUserId: officers[2].id,
        auxiliaryUserIds: [auxes[1].id],
      }),
    });
    await cancelBeat({ actor: duty, input: { id: first.beat.id, reason: "改派" } });
    const again = await createBeat({
      actor: duty,
      input: beat({
        startsAt: at("07:30", d),
        endsAt: at("08:30", d),
        leadUserId: officers[1].id,
        auxiliaryUserIds: [auxes[0].id],
      }),
    });
    expect(again.beat.lead?.id).toBe(officers[1].id);
  });

  it("moving a beat onto someone's other beat is refused; the members follow the beat's times", async () => {
    const d = addDays(day, 2);
    const a = await createBeat({
      actor: duty,
      input: beat({ startsAt: at("07:00", d), endsAt: at("09:00", d), leadUserId: officers[0].id }),
    });
    const b = await createBeat({
      actor: duty,
      input: beat({ gridId: gridB, startsAt: at("17:00", d), endsAt: at("19:00", d), leadUserId: officers[0].id }),
    });
    const moved = await error(
      updateBeat({
        actor: duty,
        input: updateBeatSchema.parse({
          id: b.beat.id,
          startsAt: at("08:00", d),
          endsAt: at("10:00", d),
          notes: undefined,
        }),
      }),
    );
    expect(moved.code).toBe("CONFLICT");
    expect(moved.details?.otherBeatId).toBe(a.beat.id);
    const ok = await updateBeat({
      actor: duty,
      input: updateBeatSchema.parse({
        id: b.beat.id,
        version: b.beat.version,
        startsAt: at("16:00", d),
        notes: undefined,
      }),
    });
    expect(ok.beat.version).toBe(b.beat.version + 1);
    const m = await db.beatMember.findFirstOrThrow({ where: { beatId: b.beat.id } });
    expect(m.startsAt.toISOString()).toBe(at("16:00", d).toISOString());
    // A stale version loses cleanly.
    const stale = await error(
      updateBeat({
        actor: duty,
        input: updateBeatSchema.parse({ id: b.beat.id, version: b.beat.version, notes: "x" }),
      }),
    );
    expect(stale.message).toBe("duty.staleBeat");
  });
});

describe("beat rules and warnings", () => {
  it("refuses an auxiliary as lead, a disabled person, and a point of another grid", async () => {
    const d = addDays(day, 3);
    expect(
      (
        await error(
          createBeat({
            actor: duty,
            input: beat({ startsAt: at("07:00", d), endsAt: at("08:00", d), leadUserId: auxes[2].id }),
          }),
        )
      ).message,
    ).toBe("duty.validation.leadMustBeOfficer");
    const p = await createPoint({
      actor: duty,
      input: {
        gridId: gridB,
        name: "西门路口",
        lat: ZY.lat + 0.005,
        lng: ZY.lng + 0.015,
        radiusM: 80,
        timeWindows: [],
      },
    });
    expect(
      (
        await error(
          createBeat({
            actor: duty,
            input: beat({ startsAt: at("07:00", d), endsAt: at("08:00", d), mustReachPointIds: [p.id] }),
          }),
        )
      ).fields?.[0].path,
    ).toBe("mustReachPointIds.0");
    const [gone] = await makePeople(1, "OFFICER", "522625-01");
    await db.user.update({ where: { id: gone.id }, data: { active: false } });
    expect(
      (
        await error(
          createBeat({
            actor: duty,
            input: beat({ startsAt: at("07:00", d), endsAt: at("08:00", d), leadUserId: gone.id }),
          }),
        )
      ).message,
    ).toBe("duty.validation.personDisabled");
  });

  it("warns (but saves) on less than 8 hours' rest and on auxiliaries without a lead", async () => {
    const d = addDays(day, 4);
    await createBeat({
      actor: duty,
      input: beat({ startsAt: at("07:00", d), endsAt: at("12:00", d), leadUserId: officers[2].id }),
    });
    const late = await createBeat({
      actor: duty,
      input: beat({ gridId: gridB, startsAt: at("17:00", d), endsAt: at("20:00", d), leadUserId: officers[2].id }),
    });
    expect(late.warnings).toContainEqual(
      expect.objectContaining({
        code: "shortRest",
        details: expect.objectContaining({ person: officers[2].displayName, hours: 5 }),
      }),
    );
    const noLead = await createBeat({
      actor: duty,
      input: beat({
        startsAt: at("21:00", d),
        endsAt: at("23:00", d),
        leadUserId: null,
        auxiliaryUserIds: [auxes[2].id],
      }),
    });
    expect(noLead.warnings.map((w) => w.code)).toContain("noLead");
  });

  it("replays an Idempotency-Key instead of creating a second beat", async () => {
    const d = addDays(day, 5);
    const input = beat({ startsAt: at("07:00", d), endsAt: at("08:00", d), leadUserId: officers[1].id });
    const first = await createBeat({ actor: duty, input, idempotency: { key: "k-1", fingerprint: "f" } });
    const second = await createBeat({ actor: duty, input, idempotency: { key: "k-1", fingerprint: "f" } });
    expect(second.beat.id).toBe(first.beat.id);
    expect(second.replayed).toBe(true);
  });
});

describe("who may roster", () => {
  it("refuses an officer (no beat.manage) and another brigade's commander (grid out of scope)", async () => {
    const officer = await actorFor("zy-officer");
    expect((await error(createBeat({ actor: officer, input: beat() }))).code).toBe("FORBIDDEN");
    const other = await actorFor("yj-commander");
    expect((await error(createBeat({ actor: other, input: beat() }))).code).toBe("NOT_FOUND");
    expect((await error(copyWeek({ actor: officer, input: { unitCode: "522625-01", week: day } }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await error(copyWeek({ actor: other, input: { unitCode: "522625-01", week: day } }))).code).toBe(
      "NOT_FOUND",
    );
    const some = await db.beat.findFirstOrThrow({ where: { cancelledAt: null } });
    expect((await error(cancelBeat({ actor: other, input: { id: some.id } }))).code).toBe("NOT_FOUND");
    expect(
      (await error(updateBeat({ actor: officer, input: updateBeatSchema.parse({ id: some.id, notes: "x" }) }))).code,
    ).toBe("FORBIDDEN");
    const list = await listBeats({
      actor: other,
      input: {
        from: at("00:00"),
        to: at("23:59", addDays(day, 7)),
        limit: 500,
        includeCancelled: true,
      },
    });
    expect(list.items).toEqual([]);
    expect(
      (
        await listBeats({
          actor: duty,
          input: {
            from: at("00:00"),
            to: at("23:59", addDays(day, 7)),
            limit: 500,
            includeCancelled: false,
          },
        })
      ).items.length,
    ).toBeGreaterThan(3);
  });
});

describe("copy last week", () => {
  it("copies every beat, lists conflicts (not silently skipped) and creates nothing on a second run", async () => {
    const source = weekStartOf(addDays(day, 21));
    const target = addDays(source, 7);
    const [o1, o2] = await makePeople(2, "OFFICER", "522625-01");
    const [a1] = await makePeople(1, "AUXILIARY", "522625-01");
    await createBeat({
      actor: duty,
      input: beat({
        startsAt: at("07:00", source),
        endsAt: at("09:00", source),
        leadUserId: o1.id,
        auxiliaryUserIds: [a1.id],
      }),
    });
    await createBeat({
      actor: duty,
      input: beat({
        gridId: gridB,
        startsAt: at("17:00", addDays(source, 2)),
        endsAt: at("19:00", addDays(source, 2)),
        leadUserId: o2.id,
      }),
    });
    // o2 is already busy in the target week at the copied time.
    await createBeat({
      actor: duty,
      input: beat({
        startsAt: at("18:00", addDays(target, 2)),
        endsAt: at("20:00", addDays(target, 2)),
        leadUserId: o2.id,
      }),
    });

    const r = await copyWeek({ actor: duty, input: { unitCode: "522625-01", week: addDays(target, 3) } });
    expect(r.created).toBe(1);
    expect(r.conflicts).toBe(1);
    const c = r.outcomes.find((o) => o.result === "conflict")!;
    expect(c.gridName).toBe("西门网格");
    expect(c.details?.person).toBe(o2.displayName);
    const again = await copyWeek({ actor: duty, input: { unitCode: "522625-01", week: target } });
    expect(again.created).toBe(0);
    expect(again.duplicates).toBe(1);
    expect(again.conflicts).toBe(1);
    const copied = await db.beat.findFirstOrThrow({
      where: { startsAt: at("07:00", target), cancelledAt: null },
      include: { members: true },
    });
    expect(copied.members.map((m) => m.userId).sort()).toEqual([o1.id, a1.id].sort());
    const audit = await db.auditLog.findFirst({ where: { action: "beat.copy_week" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ created: 0, duplicates: 1, conflicts: 1 });
  });
});
