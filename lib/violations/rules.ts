/**
 * Business rules of violations, as pure functions (tested in tests/unit/violation-rules.test.ts).
 */
import type { FieldError } from "@/lib/errors";
import { localDate, localDayStart, addDays } from "@/lib/time";
import type { ViolationStatus } from "@/lib/records/enums";

export interface TypeRules {
  key: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  points: number;
  maxDetentionDays: number;
  auxiliaryMayRecord: boolean;
  active: boolean;
}

export interface PenaltyInput {
  fineYuan?: number;
  points?: number;
  licenceSeized?: boolean;
  detentionDays?: number;
}

/** Penalty figures must fit the type: fine within its range, detention within its maximum. */
export function penaltyIssues(type: TypeRules, p: PenaltyInput): FieldError[] {
  const issues: FieldError[] = [];
  if (p.fineYuan !== undefined && (p.fineYuan < type.fineMinYuan || p.fineYuan > type.fineMaxYuan)) {
    issues.push({ path: "fineYuan", message: "records.validation.fineRange" });
  }
  if ((p.detentionDays ?? 0) > type.maxDetentionDays)
    issues.push({ path: "detentionDays", message: "records.validation.detentionMax" });
  return issues;
}

/**
 * Who may record what. Recording without the penalize permission (auxiliaries 路员, and
 * devices not granted it) is limited to the types the catalogue marks as such, and never
 * carries a penalty.
 */
export function mayRecordType(canPenalize: boolean, type: Pick<TypeRules, "auxiliaryMayRecord" | "active">): boolean {
  return type.active && (canPenalize || type.auxiliaryMayRecord);
}

/** Status steps an edit may take; appeals move a violation through their own decision. */
const STEPS: Record<ViolationStatus, readonly ViolationStatus[]> = {
  recorded: ["notified", "closed"],
  notified: ["closed"],
  closed: [],
  appealed: [],
  upheld: ["closed"],
  revoked: [],
};

export function mayStep(from: ViolationStatus, to: ViolationStatus): boolean {
  return from === to || STEPS[from].includes(to);
}

/** A violation may be appealed while it is recorded or notified (before it is closed). */
export function mayAppeal(status: string): boolean {
  return status === "recorded" || status === "notified";
}

/** Days the legal office has to answer an appeal (Yunyang: "about 15 days"). */
export const APPEAL_DAYS = 15;

/** An appeal is due at the end of the 15th calendar day (Asia/Shanghai) after the day it was filed. */
export function appealDueAt(filedAt: Date): Date {
  return new Date(localDayStart(addDays(localDate(filedAt), APPEAL_DAYS + 1)).getTime() - 1);
}

export function isOverdue(appeal: { status: string; dueAt: Date }, now = new Date()): boolean {
  return appeal.status === "pending" && appeal.dueAt.getTime() < now.getTime();
}

/** Whole days left until due (negative when overdue), counted in local calendar days. */
export function daysLeft(dueAt: Date, now = new Date()): number {
  const a = localDayStart(localDate(now)).getTime();
  const b = localDayStart(localDate(dueAt)).getTime();
  return Math.round((b - a) / 86400_000);
}

export interface RecordingIssue {
  /** 403: the actor may not do this at all; 422: the values do not fit the type. */
  status: 403 | 422;
  path: string;
  message: string;
}

/**
 * Everything that may stop an actor recording a violation of a type, shared by the
 * create path and the import so both apply exactly the same rules.
 */
export function recordingIssues(
  canPenalize: boolean,
  type: TypeRules | null | undefined,
  input: PenaltyInput & { fineYuan?: number; points?: number; licenceSeized?: boolean; detentionDays?: number },
): RecordingIssue[] {
  const issues: RecordingIssue[] = [];
  if (!canPenalize) {
    const set: [string, boolean][] = [
      ["fineYuan", input.fineYuan !== undefined],
      ["points", input.points !== undefined],
      ["licenceSeized", !!input.licenceSeized],
      ["detentionDays", (input.detentionDays ?? 0) > 0],
    ];
    for (const [path, isSet] of set)
      if (isSet) issues.push({ status: 403, path, message: "records.noPenaltyPermission" });
  }
  if (!type || !type.active)
    return [...issues, { status: 422, path: "type", message: "records.validation.violationType" }];
  if (!mayRecordType(canPenalize, type))
    issues.push({ status: 403, path: "type", message: "records.typeNotForAuxiliary" });
  for (const i of penaltyIssues(type, input)) issues.push({ status: 422, ...i });
  return issues;
}
