import "server-only";
import { cellToLatLng, getResolution, isValidCell, latLngToCell } from "h3-js";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";

import { addDays, dayValue, localDate } from "@/lib/time";
import { createHazard } from "./hazards";
import type { BlackSpotHazardInput, BlackSpotsInput } from "./schemas";
import { scopePathFor } from "@/lib/units/read-units";

/** H3 resolution 8: hexagons of about 0.74 km², a stretch of road or a junction and its approaches. */
export const BLACK_SPOT_RESOLUTION = 8;

export interface BlackSpot {
  cell: string;
  lat: number;
  lng: number;
  accidents: number;
  fatal: number;
  deaths: number;
  injured: number;
  lastAt: Date;
  roads: string[];
  accidentIds: string[];
  openHazardId: string | null;
}

/**
 * Black-spot candidates (黑点): injury and fatal accidents of the last `months` months in
 * scope, grouped by H3 cell; a cell with at least `minAccidents` of them is a candidate.
 * Most dangerous first (accidents, then deaths). Each says whether an open hazard already
 * covers it, so nobody raises the same spot twice.
 */
export async function blackSpotCandidates({
  actor,
  input,
}: {
  actor: Actor;
  input: BlackSpotsInput;
}): Promise<BlackSpot[]> {
  assertCan(actor, "hazard.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const since = new Date(Date.now() - input.months * 30.44 * 86400_000);
  const rows = await db.accident.findMany({
    where: {
      unitPath: underPath(path),
      occurredAt: { gte: since },
      severity: { in: ["fatal", "injury"] },
      lat: { not: null },
      lng: { not: null },
    },
    select: { id: true, lat: true, lng: true, deaths: true, injured: true, occurredAt: true, roadName: true },
  });
  const cells = new Map<string, Omit<BlackSpot, "lat" | "lng" | "openHazardId"> & { roadSet: Set<string> }>();
  for (const a of rows) {
    const cell = latLngToCell(a.lat!, a.lng!, BLACK_SPOT_RESOLUTION);
    const c = cells.get(cell) ?? {
      cell,
      accidents: 0,
      fatal: 0,
      deaths: 0,
      injured: 0,
      lastAt: a.occurredAt,
      roads: [],
      accidentIds: [],
      roadSet: new Set<string>(),
    };
    c.accidents++;
    if (a.deaths > 0) c.fatal++;
    c.deaths += a.deaths;
    c.injured += a.injured;
    if (a.occurredAt > c.lastAt) c.lastAt = a.occurredAt;
    if (a.roadName) c.roadSet.add(a.roadName);
    c.accidentIds.push(a.id);
    cells.set(cell, c);
  }
  const spots = [...cells.values()].filter((c) => c.accidents >= input.minAccidents);
  const open = spots.length
    ? await db.hazard.findMany({
        where: { blackSpotCell: { in: spots.map((s) => s.cell) }, status: { not: "closed" } },
        select: { id: true, blackSpotCell: true },
      })
    : [];
  const openBy = new Map(open.map((h) => [h.blackSpotCell!, h.id]));
  return spots
    .map(({ roadSet, ...c }) => {
      const [lat, lng] = cellToLatLng(c.cell);
      return { ...c, lat, lng, roads: [...roadSet].slice(0, 3), openHazardId: openBy.get(c.cell) ?? null };
    })
    .sort((a, b) => b.accidents - a.accidents || b.deaths - a.deaths || a.cell.localeCompare(b.cell));
}

const TEXT = {
  zh: {
    title: (road: string) => `事故黑点：${road}`,
    place: "H3 区域",
    description: (s: BlackSpot, months: number) =>
      `近${months}个月该区域（约0.7平方公里）发生伤亡事故${s.accidents}起，其中死亡事故${s.fatal}起，死亡${s.deaths}人，受伤${s.injured}人。请排查道路、标志标线、视距和管控措施。`,
  },
  en: {
    title: (road: string) => `Black spot: ${road}`,
    place: "H3 cell",
    description: (s: BlackSpot, months: number) =>
      `In the last ${months} months this area (about 0.7 km²) had ${s.accidents} injury or fatal accidents (${s.fatal} fatal), ${s.deaths} deaths and ${s.injured} injured. Check the road, signs and markings, sight lines and enforcement.`,
  },
};

/**
 * One click on a candidate: a hazard (source black_spot) at the cell's centre, for the
 * unit whose area holds it, due in 30 days unless a deadline is given. The cell must still
 * be a candidate in the actor's scope; an open hazard for it already exists → 409.
 */
export async function createBlackSpotHazard({
  actor,
  input,
  locale = "zh",
}: {
  actor: Actor;
  input: BlackSpotHazardInput;
  locale?: Locale;
}) {
  assertCan(actor, "hazard.manage");
  if (!isValidCell(input.cell) || getResolution(input.cell) !== BLACK_SPOT_RESOLUTION) {
    throw new AppError("INVALID", "invalid input", { fields: [{ path: "cell", message: "validation.invalid" }] });
  }
  const months = 12;
  const spot = (await blackSpotCandidates({ actor, input: { months, minAccidents: 3 } })).find(
    (s) => s.cell === input.cell,
  );
  if (!spot) throw new AppError("NOT_FOUND", "hazards.notABlackSpot");
  if (spot.openHazardId)
    throw new AppError("CONFLICT", "hazards.blackSpotTaken", { details: { hazardId: spot.openHazardId } });
  const text = TEXT[locale];
  const road = spot.roads[0] ?? `${text.place} ${spot.cell}`;
  try {
    return await createHazard({
      actor,
      blackSpotCell: spot.cell,
      input: {
        lat: spot.lat,
        lng: spot.lng,
        roadName: spot.roads[0],
        title: text.title(road),
        description: text.description(spot, months),
        source: "black_spot",
        responsibleParty: input.responsibleParty,
        deadline: input.deadline ?? dayValue(addDays(localDate(new Date()), 30)),
      },
    });
  } catch (err) {
    // Two clicks at once: the partial unique index lets one through; tell the other which.
    if (err instanceof AppError && err.code === "CONFLICT") {
      const taken = await db.hazard.findFirst({
        where: { blackSpotCell: spot.cell, status: { not: "closed" } },
        select: { id: true },
      });
      if (taken) throw new AppError("CONFLICT", "hazards.blackSpotTaken", { details: { hazardId: taken.id } });
    }
    throw err;
  }
}
