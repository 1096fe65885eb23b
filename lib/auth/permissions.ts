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

/**
 * The permissions in named groups, by who does the work; a role is the groups (and the few
 * single permissions) it holds. A new permission goes into the group whose holders need it.
 */
const G = {
  /** Read the enforcement records: every sworn role and the legal office. */
  records: ["violation.view", "accident.view"],
  /** Work on the road: hazards, the map and beats, the field app. */
  road: ["hazard.view", "map.view", "beat.view", "field.use"],
  /** On patrol: report one's position, raise an SOS, respond to the incidents one is dispatched to. */
  patrol: ["position.report", "sos.raise", "incident.respond"],
  /** Enforce beyond recording a violation: penalties, appeals, accidents, hazards. */
  enforce: ["violation.penalize", "appeal.file", "accident.create", "accident.update", "hazard.manage"],
  /** The command centre: dashboard, units, grid and beats, SOS, colleagues' phones, the incident desk. */
  command: [
    "dashboard.view",
    "unit.view",
    "grid.view",
    "grid.manage",
    "beat.manage",
    "sos.handle",
    "personnel.contact",
    "incident.view",
    "incident.create",
    "incident.dispatch",
    "incident.caller",
  ],
  /** Review enforcement: reports and appeal decisions. */
  review: ["report.view", "appeal.decide"],
  /** Lead a brigade: correct records, operations, key vehicles, import and export, black spots, the window. */
  lead: [
    "violation.update",
    "operation.manage",
    "keyvehicle.view",
    "keyvehicle.manage",
    "records.import",
    "records.export",
    "blackspot.measure",
    "window.supervise",
  ],
} as const satisfies Record<string, readonly Permission[]>;

/** One role's permissions from its groups, each once. */
const holds = (...parts: (readonly Permission[] | Permission)[]): readonly Permission[] => [...new Set(parts.flat())];

const AUXILIARY = holds(G.records, G.road, G.patrol, "violation.create");

const MATRIX: Record<Role, readonly Permission[]> = {
  ADMIN: [...PERMISSIONS],
  COMMANDER: holds(
    G.records,
    G.road,
    "violation.create",
    G.enforce,
    "operation.view",
    G.command,
    G.review,
    G.lead,
    "idcard.reveal",
    "window.view",
  ),
  DUTY_OFFICER: holds(G.records, G.road, "operation.view", G.command),
  CLERK: holds("window.view", "window.serve", "idcard.reveal"),
  OFFICER: holds(AUXILIARY, G.enforce, "operation.view"),
  AUXILIARY,
  // 法制室: reviews appeals and enforcement quality.
  LEGAL: holds(G.records, G.review, "idcard.reveal"),
};

export function permissionsOf(role: Role): readonly Permission[] {
  return MATRIX[role];
}

export function isPermission(p: string): p is Permission {
  return (PERMISSIONS as readonly string[]).includes(p);
}

/** Permissions an API token (device/system) may be granted: no admin, no reveal. In this order on the token form. */
export const TOKEN_PERMISSIONS: readonly Permission[] = (
  [
    // enforcement records
    ["violation.view", "violation.create", "violation.penalize", "appeal.file", "accident.view", "accident.create"],
    // hazards, operations, key vehicles; bulk import
    ["hazard.view", "hazard.manage", "operation.view", "operation.manage", "keyvehicle.view", "keyvehicle.manage"],
    ["records.import"],
    // grid duty: positions and SOS
    ["grid.view", "beat.view", "position.report", "sos.raise"],
    // the vehicle-administration window
    ["window.view", "window.serve", "window.import"],
    // reports
    ["report.view", "dashboard.view"],
    // a 122 call-taking or command system pushing incidents and dispatching them
    ["incident.view", "incident.create", "incident.dispatch"],
  ] satisfies Permission[][]
).flat();

/**
 * Roles that hold the keys (every unit's data, people and tokens; a brigade's records and
 * reports) must sign in with a second factor (TOTP). Others may enrol one.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["ADMIN", "COMMANDER"];

export function secondFactorRequired(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}
