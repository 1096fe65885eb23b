import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAvailability } from "@/app/api/v1/beats/availability/route";
import { beatAvailability } from "@/lib/duty/availability";
import { createBeat } from "@/lib/duty/create-beat";
import { beatAvailabilitySchema, createGridSchema } from "@/lib/duty/schemas";
import { createGrid } from "@/lib/duty/write-grids";
import { addDays, localDate, localInstant } from "@/lib/time";
import type { SessionUser } from "@/lib/auth/actor";
import { actorFor } from "../setup/actors";
import { call } from "../setup/api";
import { makePeople, square, ZY } from "../setup/duty-fixtures";
import { codeOf, makeToken } from "../setup/records";

let duty: SessionUser;
let grid: string;
let lead: { id: string; displayName: string };
let aux: { id: string; displayName: string }[];
let busyBeat: string;
let lateBeat: string;
const day = addDays(localDate(new Date()), 21);
const at = (hhmm: string, d = day) => localInstant(d, hhmm);
const ask = (from: string, to: string, over: Record<string, unknown> = {}) =>
  beatAvailability({
    actor: duty,
    input: beatAvailabilitySchema.parse({ unit: "522625-01", startsAt: at(from), endsAt: at(to), ...over }),
  });

beforeAll(async () => {
  duty = await actorFor("zy-duty");
  grid = (
    await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "可用性网格",
        kind: "urban",
        geometry: square(ZY.lng, ZY.lat, 0.01),
        difficulty: 3,
      }),
    })
  ).grid.id;
  [lead] = await makePeople(1, "OFFICER", "522625-01");
  aux = await makePeople(3, "AUXILIARY", "522625-01");
  const base = {
    gridId: grid,
    shiftKind: "custom" as const,
    mustReachPointIds: [],
    mustCorrectTypes: [],
    notes: null,
  };
  // 07:00–09:00 with the lead and aux 0; 19:00–23:00 with aux 1.
  busyBeat = (
    await createBeat({
      actor: duty,
      input: {
        ...base,
        startsAt: at("07:00"),
        endsAt: at("09:00"),
        leadUserId: lead.id,
        auxiliaryUserIds: [aux[0].id],
      },
    })
  ).beat.id;
  lateBeat = (
    await createBeat({
      actor: duty,
      input: { ...base, startsAt: at("19:00"), endsAt: at("23:00"), leadUserId: null, auxiliaryUserIds: [aux[1].id] },
    })
  ).beat.id;
});

describe("who is free for a beat, before it is saved", () => {
  it("names everyone on duty at that time and everyone it would leave short of rest, at once", async () => {
    const { people } = await ask("08:00", "12:00");
    expect(people[lead.id].busy).toEqual([expect.objectContaining({ beatId: busyBeat, grid: "可用性网格" })]);
    expect(people[aux[0].id].busy).toHaveLength(1);
    // 12:00 → 19:00 is 7 hours: short of the 8-hour rest.
    expect(people[aux[1].id]).toEqual({ busy: [], shortRest: [{ beatId: lateBeat, grid: "可用性网格", hours: 7 }] });
    expect(people[aux[2].id]).toBeUndefined();
  });

  it("the beat being edited is no conflict with itself; a free slot lists nobody busy", async () => {
    const self = await ask("07:00", "09:00", { except: busyBeat });
    expect(self.people[lead.id]?.busy ?? []).toEqual([]);
    const free = await ask("13:00", "14:00", {
      startsAt: localInstant(addDays(day, 3), "13:00"),
      endsAt: localInstant(addDays(day, 3), "14:00"),
    });
    expect(Object.values(free.people).flatMap((p) => p.busy)).toEqual([]);
  });

  it("refuses an end before the start, another brigade's unit (404) and a role that may not roster (403)", async () => {
    expect(
      beatAvailabilitySchema.safeParse({ unit: "522625-01", startsAt: at("10:00"), endsAt: at("09:00") }).success,
    ).toBe(false);
    const yj = await actorFor("yj-commander");
    const input = beatAvailabilitySchema.parse({ unit: "522625-01", startsAt: at("08:00"), endsAt: at("09:00") });
    expect(await codeOf(beatAvailability({ actor: yj, input }))).toBe("NOT_FOUND");
    const clerk = await actorFor("zy-clerk");
    expect(await codeOf(beatAvailability({ actor: clerk, input }))).toBe("FORBIDDEN");

    const q = `unit=522625-01&startsAt=${encodeURIComponent(at("08:00").toISOString())}&endsAt=${encodeURIComponent(at("09:00").toISOString())}`;
    const path = `/api/v1/beats/availability?${q}`;
    // Devices never roster (tokens cannot hold beat.manage): the route refuses them.
    expect((await call(getAvailability, { path, token: await makeToken("522625", ["beat.view"]) })).status).toBe(403);
  });
});
