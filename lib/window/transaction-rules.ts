import "server-only";
import { db } from "@/lib/db";
import { type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { bulkPlacer, placementOf, placer, type Placement, type UnitPlacement } from "@/lib/records/kernel";
import { dayValue, localDate } from "@/lib/time";
import { counterOf, findHall, hallJson, hallRefSql, hallsInScope, type HallRow } from "./places";
import type { CreateTransactionInput } from "./schemas";

const invalid = (path: string, message: string) => new AppError("INVALID", message, { fields: [{ path, message }] });

type Business = { key: string; categoryKey: string; feeYuan: number; active: boolean };
type Place = UnitPlacement & { id: string };

/**
 * What a transaction refers to, looked up in the actor's scope: by a query each for one
 * request (`requestRefs`), from maps loaded once for an import (`bulkRefs`). Both answer
 * the same: null when a reference does not resolve (or is outside scope, or inactive).
 */
export interface TransactionRefs {
  business(key: string): Promise<Business | null>;
  /** An active hall in scope, by code or id. */
  hall(ref: string): Promise<HallRow | null>;
  /** The only active hall in scope, else null. */
  defaultHall(): Promise<HallRow | null>;
  trip(id: string): Promise<Place | null>;
  point(id: string): Promise<Place | null>;
  /** The named unit, or the actor's, as the kernel places any record (AppError when it may not hold one). */
  unit(code: string | undefined): Promise<Placement>;
}

/** The fields a transaction shares between the API body and an import row. */
export type TransactionInput = Omit<CreateTransactionInput, "ticketId" | "keepTicketOpen">;

/** A transaction with its references resolved and its defaults applied: what the rules allow to store. */
export interface ResolvedTransaction {
  business: Business;
  hall: HallRow | null;
  counterId: string | null;
  trip: Place | null;
  point: Place | null;
  place: Placement;
  startedAt: Date;
  completedAt: Date;
  feeYuan: number;
  payment: string;
}

/**
 * THE rules of a window transaction, for the clerk screen, the API and the import alike
 * (the field rules between inputs are checkTransaction, in the schema):
 *  - the business must be active; a named hall active and in scope; a hall-channel
 *    transaction without one uses the only active hall in scope; a window must be an active
 *    window of that hall; a trip or service point must be in scope;
 *  - the record belongs where the work was done: trip, else service point, else hall,
 *    else the named unit (or the actor's), placed like any record;
 *  - completed now unless said; started when said, else when the ticket was called, else
 *    when completed (never after completion);
 *  - the fee defaults to the business's; a fee needs a payment other than "none";
 *  - a follow-up is due no earlier than the day of completion.
 * `ticket` (the clerk screen's live queue ticket, already checked) supplies the hall and
 * the start time.
 */
export async function resolveTransaction(
  refs: TransactionRefs,
  input: TransactionInput,
  ticket?: { hall: HallRow; calledAt: Date | null } | null,
): Promise<ResolvedTransaction> {
  const business = await refs.business(input.business);
  if (!business || !business.active) throw invalid("business", "window.v.business");

  let hall: HallRow | null = ticket?.hall ?? null;
  if (!ticket && input.hall) {
    hall = await refs.hall(input.hall);
    if (!hall) throw invalid("hall", "window.v.hallNotFound");
  } else if (!ticket && input.channel === "hall") {
    hall = await refs.defaultHall();
    if (!hall) throw invalid("hall", "window.v.hallRequired");
  }
  if (input.window && !hall) throw invalid("window", "window.v.windowNotFound");
  const counterId = hall && input.window ? counterOf(hall, input.window).id : null;

  const trip = input.outreachTripId ? await refs.trip(input.outreachTripId) : null;
  if (input.outreachTripId && !trip) throw invalid("outreachTripId", "window.v.tripNotFound");
  const point = input.servicePointId ? await refs.point(input.servicePointId) : null;
  if (input.servicePointId && !point) throw invalid("servicePointId", "window.v.pointNotFound");

  const at = trip ?? point ?? hall;
  const place = at ? placementOf(at) : await refs.unit(input.unitCode);

  const completedAt = input.completedAt ?? new Date();
  let startedAt = input.startedAt ?? ticket?.calledAt ?? completedAt;
  // A browser clock slightly ahead of ours must not make service time negative.
  if (!input.startedAt && startedAt > completedAt) startedAt = completedAt;
  if (startedAt > completedAt) throw invalid("completedAt", "window.v.completedBeforeStart");
  const feeYuan = input.feeYuan ?? business.feeYuan;
  const payment = input.payment ?? (feeYuan > 0 ? null : "none");
  if (!payment || (feeYuan > 0 && payment === "none")) throw invalid("payment", "window.v.paymentRequired");
  if (input.followUpDue && input.followUpDue < localDate(completedAt))
    throw invalid("followUpDue", "window.v.followUpPast");
  return { business, hall, counterId, trip, point, place, startedAt, completedAt, feeYuan, payment };
}

/** The stored row of a transaction (Prisma fields; the import writes the same as columns). */
export function transactionData({
  input,
  r,
  clerkId,
  recordedByTokenId,
  ticketId = null,
  counterId = r.counterId,
}: {
  input: TransactionInput;
  r: ResolvedTransaction;
  clerkId: string | null;
  recordedByTokenId: string | null;
  ticketId?: string | null;
  counterId?: string | null;
}) {
  return {
    unitId: r.place.unitId,
    unitPath: r.place.unitPath,
    brigadeId: r.place.brigadeId,
    hallId: r.hall?.id ?? null,
    counterId,
    ticketId,
    businessKey: r.business.key,
    categoryKey: r.business.categoryKey,
    channel: input.channel,
    clerkId,
    recordedByTokenId,
    applicantName: input.applicantName,
    applicantIdNumber: input.applicantIdNumber,
    plate: input.plate ?? null,
    licenceNumber: input.licenceNumber ?? null,
    feeYuan: r.feeYuan,
    payment: r.payment,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    result: input.result,
    missingDocuments: input.missingDocuments ?? null,
    tolerated: input.tolerated,
    followUpDue: input.followUpDue ? dayValue(input.followUpDue) : null,
    refusalReason: input.refusalReason ?? null,
    difficult: input.difficult,
    difficultResolved: input.difficult && !!input.difficultResolution && input.result === "done",
    difficultResolution: input.difficultResolution ?? null,
    outreachTripId: r.trip?.id ?? null,
    servicePointId: r.point?.id ?? null,
  };
}

const placeSelect = { id: true, unitId: true, unitPath: true, brigadeId: true } as const;

const businessJson = (key: string) => Prisma.sql`(
  SELECT json_build_object('key', b.key, 'categoryKey', b.category_key, 'feeYuan', b.fee_yuan, 'active', b.active)
  FROM window_businesses b WHERE b.key = ${key})`;

/**
 * References by a query each, in the actor's scope: for one request. The business and the
 * hall `named` are read together in one query, on the first call for either.
 */
export function requestRefs({
  actor,
  named = {},
}: {
  actor: Actor;
  /** The business and hall the request names: read together. */
  named?: { business?: string; hall?: string };
}): TransactionRefs {
  const scope = underPath(actor.unitPath);
  let both: Promise<{ business: Business | null; hall: HallRow | null }> | undefined;
  const read = () =>
    (both ??= db.$queryRaw<{ business: Business | null; hall: HallRow | null }[]>`
        SELECT ${businessJson(named.business ?? "")} AS business,
               ${named.hall ? hallJson(hallRefSql(named.hall)) : Prisma.sql`NULL::json`} AS hall`.then(([row]) => row));
  return {
    business: async (key) =>
      key === named.business
        ? (await read()).business
        : db.windowBusiness.findUnique({
            where: { key },
            select: { key: true, categoryKey: true, feeYuan: true, active: true },
          }),
    hall: async (ref) => {
      const h = ref === named.hall ? (await read()).hall : await findHall(ref);
      return h && h.active && h.unitPath.startsWith(actor.unitPath) ? h : null;
    },
    defaultHall: async () => {
      const halls = await hallsInScope(actor);
      return halls.length === 1 ? halls[0] : null;
    },
    trip: (id) => db.outreachTrip.findFirst({ where: { id, unitPath: scope }, select: placeSelect }),
    point: (id) => db.servicePoint.findFirst({ where: { id, unitPath: scope }, select: placeSelect }),
    unit: (code) => placer(actor).place({ unitCode: code }),
  };
}

/** References from maps loaded once, in the actor's scope: for an import. */
export async function bulkRefs(actor: Actor): Promise<TransactionRefs> {
  const scope = underPath(actor.unitPath);
  const [businesses, halls, trips, points, units] = await Promise.all([
    db.windowBusiness.findMany({ select: { key: true, categoryKey: true, feeYuan: true, active: true } }),
    hallsInScope(actor),
    db.outreachTrip.findMany({ where: { unitPath: scope }, select: placeSelect }),
    db.servicePoint.findMany({ where: { unitPath: scope }, select: placeSelect }),
    bulkPlacer(actor),
  ]);
  const business = new Map(businesses.map((b) => [b.key, b]));
  const hallBy = new Map(halls.flatMap((h) => [[h.code, h] as const, [h.id, h] as const]));
  const tripBy = new Map(trips.map((t) => [t.id, t]));
  const pointBy = new Map(points.map((p) => [p.id, p]));
  return {
    business: async (key) => business.get(key) ?? null,
    hall: async (ref) => hallBy.get(ref) ?? null,
    defaultHall: async () => (halls.length === 1 ? halls[0] : null),
    trip: async (id) => tripBy.get(id) ?? null,
    point: async (id) => pointBy.get(id) ?? null,
    unit: (code) => units.place({ unitCode: code }),
  };
}
