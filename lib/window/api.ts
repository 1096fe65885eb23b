import "server-only";
import { AppError } from "@/lib/errors";
import { dayString } from "./places";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid names nothing: 404, like an id outside scope. */
export function pathId(id: string | undefined, what = "record"): string {
  if (!id || !UUID.test(id)) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}

/** The API's JSON for a queue ticket. */
export function ticketDto(t: {
  id: string;
  number: string;
  businessKey: string;
  status: string;
  appointment: boolean;
  urgent: boolean;
  serviceDay: Date;
  issuedAt: Date;
  calledAt: Date | null;
  completedAt: Date | null;
  noShowAt: Date | null;
  callCount: number;
  hallCode?: string;
  window?: number | null;
}) {
  return {
    id: t.id,
    number: t.number,
    hall: t.hallCode ?? null,
    category: t.businessKey,
    status: t.status,
    window: t.window ?? null,
    appointment: t.appointment,
    urgent: t.urgent,
    serviceDay: dayString(t.serviceDay),
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    completedAt: t.completedAt?.toISOString() ?? null,
    noShowAt: t.noShowAt?.toISOString() ?? null,
    callCount: t.callCount,
  };
}
