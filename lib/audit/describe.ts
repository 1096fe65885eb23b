/**
 * One audit row as people read it — the one formatter behind every record's change
 * history and /admin/audit: "王强 新建了违法记录：违法停车，贵H12345", then the fields that
 * were set or changed with their labels and values in the reader's language, lists of
 * objects (an accident's parties) as a table, and the IP address as people write it.
 * Internals (ids, unit paths, hashes, codes) never reach the screen: a field without a
 * label is left out rather than shown as its key.
 *
 * Pure (no database): the caller passes the violation type names it needs.
 */
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";

export interface AuditRowLike {
  actorName: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditChange {
  field: string;
  /** Absent for a field set when the record was created. */
  before?: string;
  after: string;
}

export interface AuditTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface AuditLine {
  who: string;
  role: string | null;
  /** The action with its subject: "新建了违法记录：违法停车，贵H12345". */
  what: string;
  /** who + what. */
  sentence: string;
  changes: AuditChange[];
  tables: AuditTable[];
  ip: string | null;
  /** The record's own page, when it has one. */
  href: string | null;
}

export interface DescribeContext {
  t: TFunction;
  locale: Locale;
  /** Violation type key → its name in the reader's language. */
  typeName?: (key: string) => string | undefined;
}

/** Every entity the audit log records (each has a name in the audit messages). */
export const AUDIT_ENTITIES = [
  "accident",
  "api_token",
  "beat",
  "black_spot_measure",
  "database",
  "duty_settings",
  "grid",
  "hazard",
  "incident",
  "key_driver",
  "key_vehicle",
  "must_reach_point",
  "operation",
  "road_segment",
  "sos_alert",
  "supervision_finding",
  "transport_enterprise",
  "unit",
  "unit_profile",
  "user",
  "violation",
  "violation_type",
  "window_business",
  "window_complaint",
  "window_day_closing",
  "window_hall",
  "window_outreach_trip",
  "window_service_point",
  "window_ticket",
  "window_transaction",
] as const;

/** Fields that are internals: never shown. Keys ending in Id/Ids are internals too. */
const HIDDEN = new Set([
  "id",
  "unitPath",
  "path",
  "brigadeId",
  "contentHash",
  "createdAt",
  "updatedAt",
  "externalRef",
  "version",
  "passwordHash",
  "tokenHash",
  "sessionVersion",
  "failedLoginCount",
  "bbox",
  "geometry",
  "outline",
  "seq",
  "letter",
  "idempotencyKey",
]);
const isInternal = (k: string) => HIDDEN.has(k) || /Ids?$/.test(k);

/** Enumerated fields: the message group of their values, per entity where it differs. */
const ENUMS: Record<string, string | Record<string, string>> = {
  status: {
    violation: "records.violationStatuses",
    accident: "records.accidentStatuses",
    hazard: "hazards.statuses",
    supervision_finding: "keyvehicles.findingStatuses",
    window_complaint: "window.complaintStatus",
    window_ticket: "window.ticketStatus",
    key_vehicle: "keyvehicles.vehicleStatuses",
    incident: "incidents.statuses",
  },
  source: {
    violation: "records.sources",
    hazard: "hazards.sources",
    window_complaint: "window.complaintSources",
    incident: "incidents.sources",
  },
  kind: {
    unit: "unitKinds",
    grid: "duty.kinds",
    operation: "records.operationKinds",
    transport_enterprise: "keyvehicles.enterpriseKinds",
    supervision_finding: "keyvehicles.findingKinds",
    incident: "incidents.kinds",
  },
  role: { user: "roles", "*": "records.partyRoles" },
  plateColor: "records.plateColors",
  vehicleType: "records.vehicleTypes",
  severity: "records.severities",
  handling: "records.handlings",
  cause: "records.causes",
  weather: "records.weathers",
  roadType: "records.roadTypes",
  licenceAction: "records.licenceActions",
  decision: "records.appealStatuses",
  appealChannel: "records.appealChannels",
  squadKind: "squadKinds",
  shiftKind: "duty.shifts",
  channel: "window.channels",
  payment: "window.payments",
  result: "window.results",
  rating: "window.ratings",
  categoryKey: "window.categories",
  vehicleClass: "keyvehicles.vehicleClasses",
  licenceStatus: "keyvehicles.licenceStatuses",
  employment: "keyvehicles.employments",
  origin: "keyvehicles.findingOrigins",
  actionKind: "keyvehicles.actionKinds",
  reason: { user: "audit.signInFailures" },
  method: { user: "audit.mfaMethods", beat: "audit.checkInMethods" },
};

/** What names the record in a sentence, per entity (the first fields present). */
const SUBJECT: Record<string, string[]> = {
  violation: ["typeKey", "plate"],
  accident: ["severity", "roadName", "address"],
  hazard: ["title"],
  user: ["displayName", "username"],
  unit_profile: ["year"],
  key_vehicle: ["plate"],
  window_ticket: ["number"],
  window_transaction: ["categoryKey", "plate"],
  window_outreach_trip: ["township", "tripDate"],
  beat: ["shiftKind", "startsAt"],
  incident: ["kind", "address"],
};
const GENERIC_SUBJECT = ["name", "title", "plate", "number"];

/** Where a field's label lives when the audit namespace has none (first hit wins). */
const LABEL_GROUPS = [
  "audit.fields",
  "records",
  "hazards",
  "keyvehicles",
  "window.f",
  "duty.beat",
  "duty.grids",
  "admin",
  "common",
];

/** Fields people look for first, in this order; the rest follow as stored, coordinates last. */
const ORDER = [
  "occurredAt",
  "foundAt",
  "startsAt",
  "endsAt",
  "status",
  "typeKey",
  "severity",
  "title",
  "plate",
  "plateColor",
  "vehicleType",
  "driverName",
  "driverIdNumber",
  "licenceNumber",
  "deaths",
  "injured",
  "fineYuan",
  "points",
  "detentionDays",
  "licenceSeized",
  "roadName",
  "address",
];
const rank = (k: string) => {
  const i = ORDER.indexOf(k);
  return i >= 0 ? i : k === "lat" || k === "lng" ? 1000 : 500;
};

const PARTY_ORDER = ["plate", "vehicleType", "role", "name", "idNumber", "atFault"];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_CHANGES = 12;

/** `::ffff:10.1.2.3` (an IPv4 client seen by an IPv6 socket) as people write it: 10.1.2.3. */
export function formatIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return v4 ? v4[1] : ip;
}

const RECORD_PAGES: Record<string, (id: string) => string> = {
  violation: (id) => `/violations/${id}`,
  accident: (id) => `/accidents/${id}`,
  beat: (id) => `/beats/${id}`,
  grid: (id) => `/beats/grids/${id}`,
  window_transaction: (id) => `/window/transactions/${id}`,
  user: (id) => `/admin/users/${id}`,
};

export function describeAudit(row: AuditRowLike, ctx: DescribeContext): AuditLine {
  const { t } = ctx;
  const has = (key: string) => t(key) !== key;
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  const label = (k: string): string | null => {
    const key = k === "typeKey" ? "violationType" : k === "vehicles" ? "parties" : k;
    if (k === "status") return t("common.status");
    if (k === "vehicles") return t("audit.parties");
    for (const g of LABEL_GROUPS) if (has(`${g}.${key}`)) return t(`${g}.${key}`);
    return null;
  };
  const enumGroup = (k: string): string | null => {
    const e = ENUMS[k];
    if (!e) return null;
    return typeof e === "string" ? e : (e[row.entity] ?? e["*"] ?? null);
  };
  const value = (k: string, x: unknown): string => {
    if (x === null || x === undefined || x === "") return "—";
    if (typeof x === "boolean") return x ? t("common.yes") : t("common.no");
    if (Array.isArray(x)) return x.length ? x.map((e) => value(k, e)).join(ctx.locale === "zh" ? "、" : ", ") : "—";
    if (typeof x === "object") {
      return Object.entries(x as Record<string, unknown>)
        .filter(([kk, v]) => !isInternal(kk) && v !== undefined && v !== null && label(kk))
        .map(([kk, v]) => `${label(kk)} ${value(kk, v)}`)
        .join(ctx.locale === "zh" ? "；" : "; ");
    }
    if (k === "typeKey" || k === "mustCorrectTypes") return ctx.typeName?.(String(x)) ?? String(x);
    const group = enumGroup(k);
    if (group && typeof x === "string") return has(`${group}.${x}`) ? t(`${group}.${x}`) : x;
    if (typeof x === "number") return formatNumber(x, ctx.locale);
    const s = String(x);
    if (ISO_TIME.test(s)) return formatDateTime(s, ctx.locale);
    return s.length > 120 ? `${s.slice(0, 119)}…` : s;
  };

  // The subject names the record in the sentence: a localized name (units, catalogues) or its key fields.
  const source = after ?? before ?? {};
  const present = (k: string) => source[k] !== undefined && source[k] !== null && source[k] !== "";
  const localName = source[ctx.locale === "zh" ? "nameZh" : "nameEn"];
  const subjectFields = localName
    ? ["nameZh", "nameEn"]
    : (SUBJECT[row.entity] ?? GENERIC_SUBJECT).filter(present).slice(0, 2);
  const subject = (localName ? [String(localName)] : subjectFields.map((k) => value(k, source[k])))
    .filter((x) => x && x !== "—")
    .join(ctx.locale === "zh" ? "，" : ", ");

  const phrase = actionPhrase(row.action, row.entity, t);
  const what = subject ? t("audit.withSubject", { what: phrase, subject }) : phrase;
  const system = row.actorRole === "SYSTEM" || row.actorName === "seed";
  const who = system ? t("audit.system") : row.actorName || t("audit.unknownActor");
  const role = system ? null : has(`roles.${row.actorRole}`) ? t(`roles.${row.actorRole}`) : null;

  // Changes: every field of a change; the fields set at creation, less those in the subject.
  const changes: AuditChange[] = [];
  const tables: AuditTable[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort(
    (a, b) => rank(a) - rank(b),
  );
  const inSubject = new Set(before ? [] : subjectFields);
  for (const k of keys) {
    if (isInternal(k) || inSubject.has(k)) continue;
    const a = after?.[k];
    const b = before?.[k];
    if (isObjectList(a) || isObjectList(b)) {
      const table = objectTable(label(k) ?? t("audit.parties"), (isObjectList(a) ? a : b) as Record<string, unknown>[]);
      if (table.rows.length) tables.push(table);
      continue;
    }
    const field = label(k);
    if (!field) continue;
    if (before) {
      if (!(k in (after ?? {})) && !(k in before)) continue;
      changes.push({ field, before: value(k, b), after: a === null ? t("audit.cleared") : value(k, a) });
    } else if (!isEmptyDefault(a)) {
      // A new record lists what was filled in, not every field left at its default.
      changes.push({ field, after: value(k, a) });
    }
  }

  function objectTable(title: string, list: Record<string, unknown>[]): AuditTable {
    const cols = [...new Set(list.flatMap((o) => Object.keys(o)))]
      .filter((k) => !isInternal(k) && labelFor(k))
      .sort((a, b) => PARTY_ORDER.indexOf(a) - PARTY_ORDER.indexOf(b));
    return {
      title,
      columns: cols.map((k) => labelFor(k)!),
      rows: list.map((o) => cols.map((k) => value(k, o[k]))),
    };
  }
  function labelFor(k: string): string | null {
    if (k === "name") return has("records.partyName") ? t("records.partyName") : label(k);
    if (k === "idNumber") return has("records.partyIdNumber") ? t("records.partyIdNumber") : label(k);
    if (k === "role") return has("records.partyRole") ? t("records.partyRole") : label(k);
    return label(k);
  }

  const shown = changes.slice(0, MAX_CHANGES);
  if (changes.length > MAX_CHANGES)
    shown.push({ field: t("audit.more", { n: changes.length - MAX_CHANGES }), after: "…" });
  return {
    who,
    role,
    what,
    sentence: t("audit.sentence", { who, what }),
    changes: shown,
    tables,
    ip: formatIp(row.ip),
    href: row.entityId && RECORD_PAGES[row.entity] ? RECORD_PAGES[row.entity](row.entityId) : null,
  };
}

/** The phrase of an action code: its own, else its verb with the entity, else a generic one. Never the code itself. */
export function actionPhrase(action: string, entity: string, t: TFunction): string {
  const has = (key: string) => t(key) !== key;
  if (has(`audit.actions.${action}`)) return t(`audit.actions.${action}`);
  const verb = action.split(".").pop() ?? "";
  const thing = has(`audit.entities.${entity}`) ? t(`audit.entities.${entity}`) : t("audit.entities.record");
  return t(has(`audit.verbs.${verb}`) ? `audit.verbs.${verb}` : "audit.verbs.other", { entity: thing });
}

function isEmptyDefault(v: unknown): boolean {
  return v === null || v === undefined || v === "" || v === false || v === 0 || (Array.isArray(v) && v.length === 0);
}
function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
function isObjectList(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === "object" && !Array.isArray(x));
}
