import "server-only";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";
import { dayString } from "@/lib/time";

/** The row's own columns. */
export const transactionScalarSelect = {
  id: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  hallId: true,
  counterId: true,
  ticketId: true,
  businessKey: true,
  categoryKey: true,
  channel: true,
  clerkId: true,
  recordedByTokenId: true,
  applicantName: true,
  applicantIdNumber: true,
  plate: true,
  licenceNumber: true,
  feeYuan: true,
  payment: true,
  startedAt: true,
  completedAt: true,
  result: true,
  missingDocuments: true,
  tolerated: true,
  followUpDue: true,
  followUpDoneAt: true,
  refusalReason: true,
  afterHours: true,
  difficult: true,
  difficultResolved: true,
  difficultResolution: true,
  outreachTripId: true,
  servicePointId: true,
  externalRef: true,
  contentHash: true,
  createdAt: true,
} as const;

/** What a transaction read selects; the full ID number leaves the server only through reveal. */
export const transactionSelect = {
  ...transactionScalarSelect,
  hall: { select: { code: true, nameZh: true, nameEn: true } },
  counter: { select: { number: true } },
  ticket: { select: { number: true } },
  evaluation: { select: { id: true, rating: true, comment: true, evaluatedAt: true } },
} as const;

export interface TransactionScalars {
  id: string;
  unitId: string;
  unitPath: string;
  brigadeId: string;
  hallId: string | null;
  counterId: string | null;
  ticketId: string | null;
  businessKey: string;
  categoryKey: string;
  channel: string;
  clerkId: string | null;
  recordedByTokenId: string | null;
  applicantName: string;
  applicantIdNumber: string;
  plate: string | null;
  licenceNumber: string | null;
  feeYuan: number;
  payment: string;
  startedAt: Date;
  completedAt: Date;
  result: string;
  missingDocuments: string | null;
  tolerated: boolean;
  followUpDue: Date | null;
  followUpDoneAt: Date | null;
  refusalReason: string | null;
  afterHours: boolean;
  difficult: boolean;
  difficultResolved: boolean;
  difficultResolution: string | null;
  outreachTripId: string | null;
  servicePointId: string | null;
  externalRef: string | null;
  contentHash: string | null;
  createdAt: Date;
}

export interface TransactionRow extends TransactionScalars {
  hall: { code: string; nameZh: string; nameEn: string } | null;
  counter: { number: number } | null;
  ticket: { number: string } | null;
  evaluation: { id: string; rating: string; comment: string | null; evaluatedAt: Date } | null;
}

/** The API's JSON for a transaction: the ID-card and licence numbers masked. */
export function transactionDto(t: TransactionRow) {
  return {
    id: t.id,
    business: t.businessKey,
    category: t.categoryKey,
    channel: t.channel,
    hall: t.hall?.code ?? null,
    window: t.counter?.number ?? null,
    ticketId: t.ticketId,
    ticketNumber: t.ticket?.number ?? null,
    clerkId: t.clerkId,
    applicantName: t.applicantName,
    applicantIdNumber: maskIdCard(t.applicantIdNumber),
    plate: t.plate,
    licenceNumberMasked: t.licenceNumber ? maskLicence(t.licenceNumber) : null,
    feeYuan: t.feeYuan,
    payment: t.payment,
    startedAt: t.startedAt.toISOString(),
    completedAt: t.completedAt.toISOString(),
    result: t.result,
    missingDocuments: t.missingDocuments,
    tolerated: t.tolerated,
    followUpDue: dayString(t.followUpDue),
    followUpDoneAt: t.followUpDoneAt?.toISOString() ?? null,
    refusalReason: t.refusalReason,
    afterHours: t.afterHours,
    difficult: t.difficult,
    difficultResolved: t.difficultResolved,
    difficultResolution: t.difficultResolution,
    outreachTripId: t.outreachTripId,
    servicePointId: t.servicePointId,
    externalRef: t.externalRef,
    evaluation: t.evaluation
      ? {
          id: t.evaluation.id,
          rating: t.evaluation.rating,
          comment: t.evaluation.comment,
          evaluatedAt: t.evaluation.evaluatedAt.toISOString(),
        }
      : null,
    createdAt: t.createdAt.toISOString(),
  };
}
export type TransactionDto = ReturnType<typeof transactionDto>;

/** What the audit log keeps of a transaction: everything but the full ID and licence numbers. */
export function transactionAudit(t: TransactionRow) {
  const { applicantIdNumber, contentHash: _h, hall: _hall, counter: _c, ticket: _t, evaluation: _e, ...rest } = t;
  return {
    ...rest,
    applicantIdNumber: maskIdCard(applicantIdNumber),
    licenceNumber: t.licenceNumber ? maskLicence(t.licenceNumber) : null,
  };
}
