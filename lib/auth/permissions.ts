/**
 * The one role → permission matrix. Code asks can(actor, "violation.create"), never
 * role === "CLERK". Domains add their permissions here, so the whole policy is one page.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = [
  "ADMIN",
  "COMMANDER",
  "DUTY_OFFICER",
  "CLERK",
  "OFFICER",
  "AUXILIARY",
  "LEGAL",
] as const satisfies readonly Role[];

export const PERMISSIONS = [
  // navigation / read
  "dashboard.view",
  "report.view",
  "unit.view", // unit pages and their personnel list, within scope
  // admin
  "admin.units",
  "admin.users",
  "admin.audit",
  "admin.catalogue",
  "admin.tokens",
  // enforcement records (issue: records)
  "violation.view",
  "violation.create",
  "violation.penalize", // set fines, points, licence seizure, detention (auxiliaries may not)
  "violation.update",
  "appeal.file",
  "appeal.decide",
  "accident.view",
  "accident.create",
  "accident.update",
  "hazard.view",
  "hazard.manage",
  "operation.view",
  "operation.manage",
  "keyvehicle.view",
  "keyvehicle.manage",
  "idcard.reveal", // see a full ID-card number (audited)
  "records.import",
  "records.export",
  // grid duty
  "map.view",
  "grid.view",
  "grid.manage",
  "beat.view",
  "beat.manage",
  "position.report",
  "sos.raise",
  "sos.handle",
  "personnel.contact", // see colleagues' full phone numbers (command centre); others see them masked
  "field.use", // open the field app /field (officers and auxiliaries land there; commanders and duty officers may open it)
  // incidents and dispatch (接处警)
  "incident.view", // the desk, lists and details of incidents in scope
  "incident.create", // log a call (接警)
  "incident.dispatch", // propose responders, dispatch (派警), close with feedback, cancel
  "incident.respond", // accept, arrive, handle the incidents one is dispatched to (on /field or the portal)
  "incident.caller", // see a caller's full phone number (each view audited); others see it masked
  "blackspot.measure", // record measures taken at a black spot
  // vehicle-administration window
  "window.view",
  "window.serve",
  "window.supervise",
  "window.manage",
  "window.import",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const all = [...PERMISSIONS];

const MATRIX: Record<Role, readonly Permission[]> = {
  ADMIN: all,
  COMMANDER: [
    "dashboard.view",
    "report.view",
    "unit.view",
    "violation.view",
    "violation.create",
    "violation.penalize",
    "violation.update",
    "appeal.file",
    "appeal.decide",
    "accident.view",
    "accident.create",
    "accident.update",
    "hazard.view",
    "hazard.manage",
    "operation.view",
    "operation.manage",
    "keyvehicle.view",
    "keyvehicle.manage",
    "idcard.reveal",
    "records.import",
    "records.export",
    "map.view",
    "grid.view",
    "grid.manage",
    "beat.view",
    "beat.manage",
    "sos.handle",
    "personnel.contact",
    "field.use",
    "incident.view",
    "incident.create",
    "incident.dispatch",
    "incident.caller",
    "blackspot.measure",
    "window.view",
    "window.supervise",
  ],
  DUTY_OFFICER: [
    "dashboard.view",
    "unit.view",
    "violation.view",
    "accident.view",
    "hazard.view",
    "operation.view",
    "map.view",
    "grid.view",
    "grid.manage",
    "beat.view",
    "beat.manage",
    "sos.handle",
    "personnel.contact",
    "field.use",
    "incident.view",
    "incident.create",
    "incident.dispatch",
    "incident.caller",
  ],
  CLERK: ["window.view", "window.serve", "idcard.reveal"],
  OFFICER: [
    "violation.view",
    "violation.create",
    "violation.penalize",
    "appeal.file",
    "accident.view",
    "accident.create",
    "accident.update",
    "hazard.view",
    "hazard.manage",
    "operation.view",
    "map.view",
    "beat.view",
    "position.report",
    "sos.raise",
    "field.use",
    "incident.respond",
  ],
  AUXILIARY: [
    "violation.view",
    "violation.create",
    "accident.view",
    "hazard.view",
    "map.view",
    "beat.view",
    "position.report",
    "sos.raise",
    "field.use",
    "incident.respond",
  ],
  // 法制室: reviews appeals and enforcement quality.
  LEGAL: ["violation.view", "appeal.decide", "accident.view", "idcard.reveal", "report.view"],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return MATRIX[role];
}

export function isPermission(p: string): p is Permission {
  return (PERMISSIONS as readonly string[]).includes(p);
}

/** Permissions an API token (device/system) may be granted: no admin, no reveal. */
export const TOKEN_PERMISSIONS: readonly Permission[] = [
  "violation.view",
  "violation.create",
  "violation.penalize",
  "appeal.file",
  "accident.view",
  "accident.create",
  "hazard.view",
  "hazard.manage",
  "operation.view",
  "operation.manage",
  "keyvehicle.view",
  "keyvehicle.manage",
  "records.import",
  "grid.view",
  "beat.view",
  "position.report",
  "sos.raise",
  "window.view",
  "window.serve",
  "window.import",
  "report.view",
  "dashboard.view",
  // a 122 call-taking or command system pushing incidents and dispatching them
  "incident.view",
  "incident.create",
  "incident.dispatch",
];

/**
 * Roles that hold the keys (every unit's data, people and tokens; a brigade's records and
 * reports) must sign in with a second factor (TOTP). Others may enrol one.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["ADMIN", "COMMANDER"];

export function secondFactorRequired(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}
