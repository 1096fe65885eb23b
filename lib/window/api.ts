import "server-only";
import { dayString } from "@/lib/time";

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
