/**
 * The route matrix of issue 13 (see route-matrix.test.ts): an entry per route and method,
 * the fixtures both units' data are made of, and `send`, which calls a route handler the way
 * Next.js would for a signed-in browser (the session a test file's mock of
 * @/lib/auth/session returns: tests/setup/session-mock.ts). Shared by the matrix and the fuzz run.
 */
import fs from "node:fs";
import path from "node:path";
import { latLngToCell } from "h3-js";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/actor";
import { permissionsOf, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { actorFor } from "../setup/actors";
import { square, violationType } from "../setup/duty-fixtures";
import { pngOf } from "../setup/images";
import { ensureCatalogue, idCard, YINJIANG, ZHENYUAN } from "../setup/records";
import { makePerson } from "../setup/sessions";
import { seedWindowData, validId } from "../db/window-helpers";

/** The signed-in person the mocked session stands for (null: no cookie): see tests/setup/session-mock.ts. */
const current = globalThis as { trafficopsTestSession?: SessionUser | null };

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Files below `dir` (from the repository's root) whose path `keep`s, sorted; generated code skipped. */
export function filesUnder(dir: string, keep: (rel: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory() && e.name !== "generated") out.push(...filesUnder(rel, keep));
    else if (e.isFile() && keep(rel)) out.push(rel);
  }
  return out.sort();
}

export const routeFiles = () => filesUnder("app", (f) => /\/route\.(ts|js)$/.test(f));

/** Every lib/**\/actions.ts ("use server": each export is a server action anyone can reach). */
export const actionFiles = () => filesUnder("lib", (f) => f.endsWith("/actions.ts"));

/** app/api/v1/violations/[id]/route.ts → /api/v1/violations/[id] (route groups dropped). */
export const urlOf = (file: string) =>
  "/" +
  file
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");

export type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

export interface Req {
  params?: Record<string, string>;
  /** Query string, without "?". */
  query?: string;
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  /** Keeps an event stream open (its body is answered, not cancelled) until this aborts: a client going away. */
  signal?: AbortSignal;
}
/** Data of this test, made in beforeAll: Zhenyuan's ("zy") and a foreign unit's ("yj": Yinjiang, or Yunyang for duty data). */
export type Fx = Record<"zy" | "yj", Record<string, string>>;

export interface Entry {
  /**
   * The foreign unit's refusal when its reference travels in the body (or query) rather than the path:
   * 422 naming the field "not found or outside your unit" (the same answer as for an id
   * that does not exist, so nothing is disclosed).
   */
  bodyRef?: true;
  /** Permissions the route accepts (any of them); "signed-in": any complete session; public: why. */
  perm: Permission[] | "signed-in" | { public: string };
  /** The request the right role makes on its own unit's data (null: needs none). */
  req?: (f: Fx["zy"], side: "zy" | "yj") => Req;
  /**
   * The foreign unit's call may succeed (an import: its rows are placed in its own scope)
   * but must do nothing to our data: this checks its answer.
   */
  foreignAnswer?: (text: string) => void;
  /** Status of success (default 200 for GET, 201 for POST, 200 otherwise). */
  ok?: number;
  /** The in-scope request is made by this user instead of the role's demo user. */
  user?: string;
  /** Why the in-scope success is proven in another test file instead. */
  okElsewhere?: string;
  /** Run as this role (default: the first role of ROLE_ORDER holding one of the permissions). */
  role?: Role;
  /** "list": the foreign unit may call it but gets none of our data; else why there is no foreign check. */
  foreign?: "list" | { none: string };
}

const DAY = "2026-03-01";
const violationBody = (side: "zy" | "yj", over: Record<string, unknown> = {}) => ({
  occurredAt: `${DAY}T09:30:00+08:00`,
  ...(side === "zy" ? ZHENYUAN : YINJIANG),
  plate: side === "zy" ? "贵H70707" : "贵D70707",
  plateColor: "blue",
  vehicleType: "small_car",
  type: "illegal_parking",
  driverIdNumber: idCard(),
  ...over,
});
const hall = (side: "zy" | "yj") => (side === "zy" ? "522625-H1" : "520626-H1");
const unitOf = (side: "zy" | "yj") => (side === "zy" ? "522625" : "520626");
const at = (side: "zy" | "yj") => (side === "zy" ? ZHENYUAN : YINJIANG);

/** South-west corners of squares for grids made here (Zhenyuan; Yunyang for the foreign duty data). */
const corner = (side: "zy" | "yj", i: number): [number, number] =>
  side === "zy" ? [108.4 + 0.01 * i, 27.04] : [108.676 + 0.007 * i, 30.93];
const id = (key: string) => (f: Fx["zy"]) => ({ params: { id: f[key] } });
const list = (query = ""): Pick<Entry, "req" | "foreign"> => ({ req: () => ({ query }), foreign: "list" });

/**
 * The matrix. Keys are "METHOD /path" exactly as the route files give them.
 */
export const MATRIX: Record<string, Entry> = {
  "GET /api/auth/[...nextauth]": { perm: { public: "next-auth's sign-in endpoints (CSRF, providers, session)" } },
  "POST /api/auth/[...nextauth]": { perm: { public: "next-auth's sign-in endpoints (body capped at 16 KB)" } },
  "GET /api/health": { perm: { public: "monitoring: status only, no data" } },
  "GET /api/health/live": { perm: { public: "load balancer liveness, no data" } },
  "GET /map-worker.js": { perm: { public: "MapLibre's worker script (static)" } },
  "GET /unavailable": { perm: { public: "the 503 page; touches no database" } },
  "GET /api/v1/hall/[unitCode]": { perm: { public: "the public hall board: ticket numbers and counts only" } },
  "GET /api/v1/hall/[unitCode]/events": { perm: { public: "the public hall board's stream (capped)" } },

  "GET /api/v1/me": { perm: "signed-in", foreign: { none: "the caller's own identity" } },
  "GET /api/v1/photos/[id]": { perm: "signed-in", req: id("photo") },

  // records
  "GET /api/v1/violations": { perm: ["violation.view"], ...list() },
  "POST /api/v1/violations": {
    perm: ["violation.create"],
    req: (_f, side) => ({ body: violationBody(side, { unitCode: unitOf(side) }) }),
  },
  "GET /api/v1/violations/[id]": { perm: ["violation.view"], req: id("violation") },
  "PATCH /api/v1/violations/[id]": {
    perm: ["violation.update"],
    req: (f) => ({ params: { id: f.violation }, body: { status: "notified" } }),
  },
  "GET /api/v1/violations/export": { perm: ["records.export"], ...list("format=csv") },
  "POST /api/v1/violations/[id]/appeal": {
    perm: ["appeal.file"],
    req: (f) => ({ params: { id: f.violation2 }, body: { reason: "不是我的车" } }),
  },
  "GET /api/v1/violations/[id]/photos": { perm: ["violation.view"], req: id("violation") },
  "POST /api/v1/violations/[id]/photos": {
    perm: ["violation.create"],
    req: (f) => ({ params: { id: f.violation }, raw: pngOf(64, 64, 7), contentType: "image/png" }),
  },
  "GET /api/v1/appeals": { perm: ["appeal.decide", "violation.view"], ...list() },
  "POST /api/v1/appeals/[id]/decision": {
    perm: ["appeal.decide"],
    role: "LEGAL",
    req: (f) => ({ params: { id: f.appeal }, body: { decision: "upheld" } }),
  },
  "GET /api/v1/violation-types": {
    perm: ["violation.view", "violation.create", "admin.catalogue"],
    foreign: { none: "the catalogue is national, not a unit's" },
  },
  "POST /api/v1/violation-types": {
    perm: ["admin.catalogue"],
    req: () => ({
      body: { key: "matrix_test", nameZh: "矩阵测试", nameEn: "Matrix test", fineMinYuan: 0, fineMaxYuan: 200 },
    }),
    user: "admin",
    foreign: { none: "the catalogue is national, administrators only" },
  },
  "PATCH /api/v1/violation-types/[key]": {
    perm: ["admin.catalogue"],
    req: () => ({
      params: { key: "matrix_patch" },
      body: { nameZh: "矩阵测试", nameEn: "Matrix test", fineMinYuan: 0, fineMaxYuan: 100 },
    }),
    user: "admin",
    foreign: { none: "the catalogue is national, administrators only" },
  },
  "GET /api/v1/accidents": { perm: ["accident.view"], ...list() },
  "POST /api/v1/accidents": {
    perm: ["accident.create"],
    req: (_f, side) => ({
      body: { occurredAt: `${DAY}T10:00:00+08:00`, ...at(side), unitCode: unitOf(side), deaths: 0, injured: 0 },
    }),
  },
  "GET /api/v1/accidents/[id]": { perm: ["accident.view"], req: id("accident") },
  "PATCH /api/v1/accidents/[id]": {
    perm: ["accident.update"],
    req: (f) => ({ params: { id: f.accident }, body: { roadName: "矩阵路" } }),
  },
  "GET /api/v1/accidents/export": { perm: ["records.export"], ...list("format=csv") },
  "GET /api/v1/accidents/[id]/photos": { perm: ["accident.view"], req: id("accident") },
  "POST /api/v1/accidents/[id]/photos": {
    perm: ["accident.create"],
    req: (f) => ({ params: { id: f.accident }, raw: pngOf(64, 64, 8), contentType: "image/png" }),
  },
  "GET /api/v1/hazards": { perm: ["hazard.view"], ...list() },
  "POST /api/v1/hazards": {
    perm: ["hazard.manage"],
    req: (_f, side) => ({
      body: { ...at(side), unitCode: unitOf(side), title: "护栏缺失", description: "矩阵测试", deadline: "2026-12-31" },
    }),
  },
  "GET /api/v1/hazards/[id]": { perm: ["hazard.view"], req: id("hazard") },
  "PATCH /api/v1/hazards/[id]": {
    perm: ["hazard.manage"],
    req: (f) => ({ params: { id: f.hazard }, body: { responsibleParty: "公路段" } }),
  },
  "GET /api/v1/hazards/[id]/photos": { perm: ["hazard.view"], req: id("hazard") },
  "POST /api/v1/hazards/[id]/photos": {
    perm: ["hazard.manage"],
    req: (f) => ({ params: { id: f.hazard }, raw: pngOf(64, 64, 9), contentType: "image/png" }),
  },
  "GET /api/v1/black-spots": { perm: ["hazard.view"], ...list() },
  "POST /api/v1/black-spots/[cell]/hazard": {
    perm: ["hazard.manage"],
    req: (f) => ({ params: { cell: f.cell }, body: { responsibleParty: "公路段" } }),
  },
  "GET /api/v1/operations": { perm: ["operation.view"], ...list() },
  "POST /api/v1/operations": {
    perm: ["operation.manage"],
    req: (_f, side) => ({
      body: {
        name: "夜查",
        kind: "campaign",
        startsAt: `${DAY}T20:00:00+08:00`,
        endsAt: `${DAY}T23:00:00+08:00`,
        unitCode: unitOf(side),
      },
    }),
  },
  "GET /api/v1/operations/[id]": { perm: ["operation.view"], req: id("operation") },
  "PATCH /api/v1/operations/[id]": {
    perm: ["operation.manage"],
    req: (f) => ({ params: { id: f.operation }, body: { notes: "矩阵" } }),
  },
  "POST /api/v1/import/[kind]": {
    perm: ["records.import"],
    req: (_f, side) => ({
      params: { kind: "violations" },
      raw: Buffer.from(`occurredAt,plate,type,unitCode\n2026-02-01 08:00,贵H70009,illegal_parking,${unitOf(side)}\n`),
      contentType: "text/csv",
    }),
    foreignAnswer: (text) => expect(JSON.parse(text)).toMatchObject({ created: 0, rejected: 1 }),
  },
  "POST /api/v1/import/transactions": {
    perm: ["window.import"],
    role: "ADMIN",
    req: (_f, side) => ({
      raw: Buffer.from(
        `business,channel,hall,window,applicantName,applicantIdNumber,unitCode\nlicence_review,hall,${hall(side)},1,张三,${validId()},${unitOf(side)}\n`,
      ),
      contentType: "text/csv",
    }),
    foreignAnswer: (text) => expect(JSON.parse(text)).toMatchObject({ created: 0, rejected: 1 }),
  },

  // key vehicles
  "GET /api/v1/enterprises": { perm: ["keyvehicle.view"], ...list() },
  "POST /api/v1/enterprises": {
    perm: ["keyvehicle.manage"],
    req: (_f, side) => ({
      body: { name: "矩阵客运", creditCode: "91522625MA6DL2XK3Q", kind: "passenger", unitCode: unitOf(side) },
    }),
  },
  "GET /api/v1/enterprises/[id]": { perm: ["keyvehicle.view"], req: id("enterprise") },
  "PATCH /api/v1/enterprises/[id]": {
    perm: ["keyvehicle.manage"],
    req: (f) => ({ params: { id: f.enterprise }, body: { contactName: "王经理" } }),
  },
  "GET /api/v1/key-drivers": { perm: ["keyvehicle.view"], ...list() },
  "POST /api/v1/key-drivers": {
    perm: ["keyvehicle.manage"],
    req: (_f, side) => ({
      body: { name: "赵六", idNumber: idCard(unitOf(side), "19800202", "555"), unitCode: unitOf(side) },
    }),
  },
  "GET /api/v1/key-drivers/[id]": { perm: ["keyvehicle.view"], req: id("driver") },
  "PATCH /api/v1/key-drivers/[id]": {
    perm: ["keyvehicle.manage"],
    req: (f) => ({ params: { id: f.driver }, body: { licenceClass: "A1" } }),
  },
  "GET /api/v1/key-vehicles": { perm: ["keyvehicle.view"], ...list() },
  "POST /api/v1/key-vehicles": {
    perm: ["keyvehicle.manage"],
    req: (_f, side) => ({
      body: { plate: side === "zy" ? "贵H60606" : "贵D60606", vehicleClass: "coach", unitCode: unitOf(side) },
    }),
  },
  "GET /api/v1/key-vehicles/[id]": { perm: ["keyvehicle.view"], req: id("vehicle") },
  "PATCH /api/v1/key-vehicles/[id]": {
    perm: ["keyvehicle.manage"],
    req: (f) => ({ params: { id: f.vehicle }, body: { inspectionDue: "2027-01-31" } }),
  },
  "GET /api/v1/supervision-findings": { perm: ["keyvehicle.view"], ...list() },
  "POST /api/v1/supervision-findings": {
    perm: ["keyvehicle.manage"],
    req: (f, side) => ({
      body: { kind: "unqualified_driver", description: "矩阵", keyDriverId: f.driver, unitCode: unitOf(side) },
    }),
    bodyRef: true,
  },
  "GET /api/v1/supervision-findings/[id]": { perm: ["keyvehicle.view"], req: id("finding") },
  "POST /api/v1/supervision-findings/[id]/close": {
    perm: ["keyvehicle.manage"],
    req: (f) => ({ params: { id: f.finding2 }, body: { closingNote: "已整改" } }),
  },
  "POST /api/v1/supervision-findings/screen": {
    perm: ["keyvehicle.manage"],
    req: () => ({ body: {} }),
    foreign: { none: "screens the caller's own scope only (tests/db/keyvehicles.test.ts)" },
  },
  "GET /api/v1/supervision-actions": { perm: ["keyvehicle.view"], ...list() },
  "POST /api/v1/supervision-actions": {
    perm: ["keyvehicle.manage"],
    req: (f) => ({ body: { findingId: f.finding, kind: "notice_letter", note: "约谈" } }),
    bodyRef: true,
  },

  // dashboard, reports, units
  "GET /api/v1/dashboard": { perm: ["dashboard.view"], ...list() },
  "GET /api/v1/reports/[unitCode]": {
    perm: ["report.view"],
    req: (_f, side) => ({ params: { unitCode: unitOf(side) }, query: "year=2026" }),
  },
  "GET /api/v1/reports/[unitCode]/xlsx": {
    perm: ["report.view"],
    req: (_f, side) => ({ params: { unitCode: unitOf(side) }, query: "year=2026" }),
  },
  "GET /api/v1/units": { perm: "signed-in", foreign: "list" },
  "POST /api/v1/units": {
    perm: ["admin.units"],
    req: (_f, side) => ({
      body: {
        parentCode: side === "zy" ? "522625" : "500235",
        kind: "SQUAD",
        code: side === "zy" ? "522625-88" : "500235-88",
        nameZh: "矩阵中队",
        nameEn: "Matrix squad",
      },
    }),
  },
  "GET /api/v1/units/[code]": { perm: ["unit.view"], req: (_f, side) => ({ params: { code: unitOf(side) } }) },
  "GET /api/v1/units/[code]/users": { perm: ["unit.view"], req: (_f, side) => ({ params: { code: unitOf(side) } }) },

  // grid duty
  "GET /api/v1/grids": { perm: ["grid.view", "map.view"], ...list() },
  "POST /api/v1/grids": {
    perm: ["grid.manage"],
    req: (_f, side) => ({
      body: {
        unitCode: side === "zy" ? "522625-01" : "500235-01",
        name: "矩阵网格",
        kind: "urban",
        geometry: square(...corner(side, 2), 0.005),
      },
    }),
  },
  "GET /api/v1/grids/[id]": { perm: ["grid.view", "map.view"], req: id("grid") },
  "PATCH /api/v1/grids/[id]": {
    perm: ["grid.manage"],
    req: (f) => ({ params: { id: f.grid }, body: { notes: "矩阵" } }),
  },
  "DELETE /api/v1/grids/[id]": { perm: ["grid.manage"], req: id("grid2") },
  "POST /api/v1/grids/import": {
    perm: ["grid.manage"],
    req: (_f, side) => ({
      body: {
        unitCode: side === "zy" ? "522625-01" : "500235-01",
        dryRun: true,
        geojson: {
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { name: "导入网格" },
              geometry: square(...corner(side, 3), 0.005),
            },
          ],
        },
      },
    }),
  },
  "POST /api/v1/segments": {
    perm: ["grid.manage"],
    req: (f) => ({
      body: {
        gridId: f.grid,
        name: "矩阵路段",
        geometry: {
          type: "LineString",
          coordinates: [f.lngLat.split(",").map(Number), f.lngLat2.split(",").map(Number)],
        },
      },
    }),
    bodyRef: true,
  },
  "PATCH /api/v1/segments/[id]": {
    perm: ["grid.manage"],
    req: (f) => ({ params: { id: f.segment }, body: { name: "矩阵路段" } }),
  },
  "DELETE /api/v1/segments/[id]": { perm: ["grid.manage"], req: id("segment2") },
  "POST /api/v1/must-reach-points": {
    perm: ["grid.manage"],
    req: (f) => {
      const [lng, lat] = f.lngLat.split(",").map(Number);
      return { body: { gridId: f.grid, name: "矩阵必到点", lat, lng } };
    },
    bodyRef: true,
  },
  "PATCH /api/v1/must-reach-points/[id]": {
    perm: ["grid.manage"],
    req: (f) => ({ params: { id: f.point }, body: { name: "矩阵必到点" } }),
  },
  "DELETE /api/v1/must-reach-points/[id]": { perm: ["grid.manage"], req: id("point2") },
  "GET /api/v1/duty/settings": { perm: ["grid.view", "map.view"], ...list() },
  "PUT /api/v1/duty/settings": {
    perm: ["grid.manage"],
    req: (_f, side) => ({
      body: {
        unitCode: side === "zy" ? "522625" : "500235",
        riskWindowDays: 90,
        weightFatal: 10,
        weightInjury: 5,
        weightSerious: 2,
        weightOther: 1,
        yellowAt: 10,
        redAt: 30,
        segmentBufferM: 30,
        minDwellS: 60,
        staleAfterS: 300,
      },
    }),
  },
  "GET /api/v1/duty/events": {
    perm: ["map.view"],
    foreign: { none: "a stream of the caller's scope only (tests/db/realtime.test.ts filters by scope)" },
  },
  "GET /api/v1/beats": {
    perm: ["beat.view"],
    ...list(
      `from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 30 * 86_400_000).toISOString()}`,
    ),
  },
  "POST /api/v1/beats": {
    perm: ["beat.manage"],
    req: (f) => ({
      body: {
        gridId: f.grid,
        startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 40 * 86_400_000 + 4 * 3600_000).toISOString(),
        shiftKind: "morning_peak",
        leadUserId: f.officerId,
      },
    }),
    bodyRef: true,
  },
  "GET /api/v1/beats/[id]": { perm: ["beat.view"], req: id("beat") },
  "PATCH /api/v1/beats/[id]": {
    perm: ["beat.manage"],
    req: (f) => ({ params: { id: f.beat }, body: { notes: "矩阵" } }),
  },
  "GET /api/v1/beats/[id]/actual": { perm: ["beat.view"], req: id("beat") },
  "POST /api/v1/beats/[id]/cancel": {
    perm: ["beat.manage"],
    req: (f) => ({ params: { id: f.beat2 }, body: { reason: "矩阵" } }),
  },
  "POST /api/v1/beats/[id]/check-ins": {
    perm: ["position.report"],
    req: (f) => {
      const [lng, lat] = f.lngLat.split(",").map(Number);
      return {
        params: { id: f.beat },
        body: { pointId: f.point, lat, lng, at: new Date().toISOString(), method: "tap" },
      };
    },
    okElsewhere: "a check-in needs the lead of a beat on duty now: tests/db/field-positions.test.ts",
  },
  "GET /api/v1/beats/availability": {
    perm: ["beat.manage"],
    req: (_f, side) => ({
      query: new URLSearchParams({
        unit: side === "zy" ? "522625-01" : "500235-01",
        startsAt: new Date(Date.now() + 41 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 41 * 86_400_000 + 4 * 3600_000).toISOString(),
      }).toString(),
    }),
  },
  "POST /api/v1/beats/copy-week": {
    perm: ["beat.manage"],
    req: (_f, side) => ({ body: { unitCode: side === "zy" ? "522625-01" : "500235-01", week: "2027-03-01" } }),
  },
  "GET /api/v1/personnel": { perm: ["beat.view"], ...list() },
  "GET /api/v1/positions": { perm: ["map.view"], ...list() },
  "POST /api/v1/positions": {
    perm: ["position.report"],
    req: () => ({ body: { ...ZHENYUAN, status: "on_patrol" } }),
    foreign: { none: "a session reports its own position (a userId is for device tokens)" },
  },
  "GET /api/v1/positions/track": {
    perm: ["map.view"],
    req: (f) => ({
      query: `user=${f.officerId}&from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date().toISOString()}`,
    }),
  },
  "GET /api/v1/sos": { perm: ["sos.handle", "map.view"], ...list() },
  "POST /api/v1/sos": {
    perm: ["sos.raise"],
    req: () => ({ body: { ...ZHENYUAN, message: "矩阵" } }),
    foreign: { none: "a session raises its own SOS (a userId is for device tokens)" },
  },
  "GET /api/v1/sos/[id]": { perm: ["sos.handle", "map.view"], req: id("sos") },
  "POST /api/v1/sos/[id]/acknowledge": {
    perm: ["sos.handle"],
    req: (f) => ({ params: { id: f.sos }, body: { note: "收到" } }),
  },
  "POST /api/v1/sos/[id]/resolve": {
    perm: ["sos.handle"],
    req: (f) => ({ params: { id: f.sos2 }, body: { note: "已处置" } }),
  },
  "GET /api/v1/field/bootstrap": { perm: ["field.use"], foreign: { none: "the caller's own unit and beats" } },

  // incidents
  "GET /api/v1/incidents": { perm: ["incident.view", "incident.respond"], ...list() },
  "POST /api/v1/incidents": {
    perm: ["incident.create"],
    req: (_f, side) => ({ body: { kind: "congestion", ...at(side), unitCode: unitOf(side) } }),
  },
  "GET /api/v1/incidents/[id]": { perm: ["incident.view", "incident.respond"], req: id("incident") },
  "GET /api/v1/incidents/assigned": { perm: ["incident.respond"], ...list() },
  "GET /api/v1/incidents/events": {
    perm: ["incident.view", "incident.respond"],
    foreign: { none: "a stream of the caller's scope only (tests/db/realtime.test.ts filters by scope)" },
  },
  "GET /api/v1/incidents/[id]/responders": { perm: ["incident.dispatch"], req: id("incident") },
  "POST /api/v1/incidents/[id]/dispatch": {
    perm: ["incident.dispatch"],
    req: (f) => ({ params: { id: f.incident }, body: { userIds: [f.officerId] } }),
  },
  "POST /api/v1/incidents/[id]/accept": {
    perm: ["incident.respond", "incident.dispatch"],
    role: "OFFICER",
    req: (f) => ({ params: { id: f.incidentDispatched }, body: {} }),
  },
  "POST /api/v1/incidents/[id]/arrive": {
    perm: ["incident.respond", "incident.dispatch"],
    role: "OFFICER",
    req: (f) => ({ params: { id: f.incidentAccepted }, body: {} }),
  },
  "POST /api/v1/incidents/[id]/handle": {
    perm: ["incident.respond", "incident.dispatch"],
    role: "OFFICER",
    req: (f) => ({ params: { id: f.incidentArrived }, body: { note: "已处置" } }),
  },
  "POST /api/v1/incidents/[id]/close": {
    perm: ["incident.dispatch"],
    req: (f) => ({
      params: { id: f.incidentHandled },
      body: { outcome: "已疏通", feedback: { reached: true, satisfied: true } },
    }),
  },
  "POST /api/v1/incidents/[id]/cancel": {
    perm: ["incident.dispatch"],
    req: (f) => ({ params: { id: f.incident2 }, body: { reason: "重复报警" } }),
  },
  "POST /api/v1/incidents/[id]/caller": { perm: ["incident.caller"], req: id("incident") },

  // vehicle-administration window
  "GET /api/v1/window/businesses": { perm: ["window.view"], foreign: { none: "the national business catalogue" } },
  "GET /api/v1/window/halls": { perm: ["window.view"], ...list() },
  "GET /api/v1/window/ping": { perm: ["window.view"], foreign: { none: "a reachability ping, no data" } },
  "GET /api/v1/window/queue": {
    perm: ["window.serve"],
    // The hall travels in the query string, as in the ticket routes' bodies: refused alike.
    req: (_f, side) => ({ query: `hall=${hall(side)}&window=2` }),
    bodyRef: true,
  },
  "GET /api/v1/window/day-totals": { perm: ["window.serve"], foreign: { none: "the signed-in clerk's own figures" } },
  "GET /api/v1/window/recent-applicants": { perm: ["window.serve"], ...list() },
  "GET /api/v1/window/supervision": { perm: ["window.supervise"], ...list() },
  "GET /api/v1/window/service-points": { perm: ["window.view"], ...list() },
  "POST /api/v1/window/service-points": {
    perm: ["window.manage"],
    req: (_f, side) => ({ body: { unitCode: unitOf(side), name: "矩阵服务站", village: "矩阵村" } }),
  },
  "GET /api/v1/window/outreach-trips": { perm: ["window.view"], ...list() },
  "POST /api/v1/window/outreach-trips": {
    perm: ["window.serve", "window.manage"],
    req: (_f, side) => ({
      body: { unitCode: unitOf(side), tripDate: "2026-11-20", township: "矩阵乡", examSessions: 1, candidates: 10 },
    }),
  },
  "POST /api/v1/window/tickets": {
    perm: ["window.serve"],
    req: (_f, side) => ({ body: { category: "new_registration_car", hall: hall(side) } }),
    bodyRef: true,
  },
  "POST /api/v1/window/tickets/next": {
    perm: ["window.serve"],
    req: (_f, side) => ({ body: { hall: hall(side), window: 2 } }),
    bodyRef: true,
  },
  "POST /api/v1/window/tickets/[id]/call": {
    perm: ["window.serve"],
    req: (f, side) => ({ params: { id: f.ticket }, body: { window: 3, hall: hall(side) } }),
  },
  "POST /api/v1/window/tickets/[id]/no-show": {
    perm: ["window.serve"],
    req: (f) => ({ params: { id: f.ticketCalled }, body: {} }),
  },
  "GET /api/v1/window/transactions": { perm: ["window.view"], ...list() },
  "POST /api/v1/window/transactions": {
    perm: ["window.serve"],
    req: (_f, side) => ({
      body: {
        business: "licence_review",
        channel: "hall",
        hall: hall(side),
        window: 1,
        applicantName: "张三",
        applicantIdNumber: validId(),
      },
    }),
    bodyRef: true,
  },
  "GET /api/v1/window/transactions/[id]": { perm: ["window.view"], req: id("tx") },
  "POST /api/v1/window/transactions/[id]/evaluation": {
    perm: ["window.serve"],
    role: "CLERK",
    // zy-clerk2 rates zy-clerk's transaction (no one rates their own: see self-decision.test.ts).
    user: "zy-clerk2",
    req: (f) => ({ params: { id: f.tx }, body: { rating: "satisfied" } }),
  },
};

// The role whose user makes the in-scope request, when the entry does not name one.
export const ROLE_ORDER: Role[] = ["COMMANDER", "DUTY_OFFICER", "OFFICER", "CLERK", "LEGAL", "AUXILIARY", "ADMIN"];
export const ZY_USER: Record<Role, string> = {
  ADMIN: "", // a Zhenyuan administrator, made in beforeAll (the demo "admin" is the province's)
  COMMANDER: "zy-commander",
  DUTY_OFFICER: "zy-duty",
  CLERK: "zy-clerk",
  OFFICER: "zy-officer",
  AUXILIARY: "zy-aux",
  LEGAL: "zy-legal",
};
/** The foreign unit's users: Yinjiang's (made for the roles the demo has none of), Chongqing's admin. */
export const YJ_USER: Partial<Record<Role, string>> = { COMMANDER: "yj-commander", CLERK: "yj-clerk" };

export const holds = (role: Role, perms: Permission[]) => perms.some((p) => permissionsOf(role).includes(p));
export const rightRole = (e: Entry & { perm: Permission[] | "signed-in" }) =>
  e.role ?? (e.perm === "signed-in" ? "OFFICER" : ROLE_ORDER.find((r) => holds(r, e.perm as Permission[]))!);

const actors = new Map<string, SessionUser>();
export async function as(username: string | null) {
  if (!username) return null;
  if (!actors.has(username)) actors.set(username, await actorFor(username));
  return actors.get(username)!;
}

let files: string[] | undefined;
const modules = new Map<string, Record<string, unknown>>();
async function handlerOf(key: string): Promise<Handler> {
  const [method, url] = key.split(" ");
  files ??= routeFiles();
  const file = files.find((f) => urlOf(f) === url)!;
  if (!modules.has(file)) modules.set(file, await import(path.join(ROOT, file)));
  return modules.get(file)![method] as Handler;
}

/** Calls the route as `username` (null: no session) with a same-origin browser request. */
export async function send(key: string, username: string | null, r: Req = {}) {
  const [method, url] = key.split(" ");
  const params = r.params ?? {};
  const pathname = url.replace(/\[\.{3}(\w+)\]|\[(\w+)\]/g, (_m, a, b) => encodeURIComponent(params[a ?? b] ?? "x"));
  const headers = new Headers({ host: "localhost", origin: "http://localhost" });
  let body: BodyInit | undefined;
  if (r.raw) {
    body = new Uint8Array(r.raw);
    headers.set("content-type", r.contentType ?? "application/octet-stream");
  } else if (r.body !== undefined && method !== "GET") {
    body = JSON.stringify(r.body);
    headers.set("content-type", "application/json");
  }
  current.trafficopsTestSession = await as(username);
  const href = `http://localhost${pathname}${r.query ? `?${r.query}` : ""}`;
  const req = new NextRequest(href, { method, headers, body, signal: r.signal });
  const res = await (await handlerOf(key))(req, { params: Promise.resolve(params) });
  const stream = (res.headers.get("content-type") ?? "").includes("event-stream");
  const text = stream ? (r.signal || (await res.body?.cancel()), "") : await res.text();
  current.trafficopsTestSession = null;
  return { status: res.status, text, body: stream && r.signal ? res.body : null };
}

export const fx: Fx = { zy: {}, yj: {} };
/** Rows of every table but the bookkeeping ones a refusal may touch (sessions, rate limits, job runs). */
export async function allCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ t: string }[]>`
    SELECT tablename AS t FROM pg_tables
     WHERE schemaname = 'public' AND tablename NOT IN ('auth_sessions', 'auth_rate_limits', 'job_runs', '_migrations')
       AND tablename NOT LIKE 'positions_%'`;
  const sql = tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export const auditCount = () => db.auditLog.count({ where: { NOT: { action: { startsWith: "auth." } } } });

export async function created(key: string, username: string, r: Req): Promise<string> {
  const res = await send(key, username, r);
  expect(res.status, `${key} as ${username}: ${res.text}`).toBeLessThan(300);
  const out = JSON.parse(res.text);
  return out.id ?? out.grid?.id ?? out.beat?.id ?? out.alert?.id ?? out.sos?.id ?? out.ticket?.id;
}

/** Makes both units' data through the routes themselves (each call must succeed). */
export async function makeFixtures() {
  await ensureCatalogue();
  await violationType("matrix_patch", false);
  await seedWindowData();
  for (const role of ["ADMIN", "DUTY_OFFICER", "OFFICER", "AUXILIARY", "LEGAL"] as const)
    YJ_USER[role] = (await makePerson(role, "520626")).username;
  ZY_USER.ADMIN = (await makePerson("ADMIN", "522625")).username;
  for (const side of ["zy", "yj"] as const) {
    const f = fx[side];
    const users = side === "zy" ? ZY_USER : YJ_USER;
    const mk = (key: string, role: Role, over: Partial<Req> = {}) =>
      created(key, users[role]!, { ...MATRIX[key].req!(f, side), ...over });
    f.violation = await mk("POST /api/v1/violations", "OFFICER");
    f.violation2 = await mk("POST /api/v1/violations", "OFFICER", { body: violationBody(side, { plate: "贵A11111" }) });
    f.appeal = await created(`POST /api/v1/violations/[id]/appeal`, users.COMMANDER!, {
      params: { id: f.violation2 },
      body: { reason: "申诉" },
    });
    f.violation2 = await mk("POST /api/v1/violations", "OFFICER", { body: violationBody(side, { plate: "贵A22222" }) });
    f.accident = await mk("POST /api/v1/accidents", "OFFICER");
    f.hazard = await mk("POST /api/v1/hazards", "OFFICER");
    f.operation = await mk("POST /api/v1/operations", "COMMANDER");
    f.driver = await mk("POST /api/v1/key-drivers", "COMMANDER");
    f.vehicle = await mk("POST /api/v1/key-vehicles", "COMMANDER");
    f.finding = await mk("POST /api/v1/supervision-findings", "COMMANDER");
    f.finding2 = await mk("POST /api/v1/supervision-findings", "COMMANDER");
    f.incident = await mk("POST /api/v1/incidents", "COMMANDER");
    f.incident2 = await mk("POST /api/v1/incidents", "COMMANDER");
    f.tx = await mk("POST /api/v1/window/transactions", "CLERK");
    f.photo = await created("POST /api/v1/violations/[id]/photos", users.OFFICER!, {
      params: { id: f.violation },
      raw: pngOf(32, 32, side === "zy" ? 1 : 2),
      contentType: "image/png",
    });
  }
  for (const side of ["zy", "yj"] as const) {
    const f = fx[side];
    const users = side === "zy" ? ZY_USER : YJ_USER;
    const post = (key: string, username: string, r: Req) => created(key, username, r);
    // Incidents through their steps, each route with its own.
    f.officerId = (await as(users.OFFICER!))!.id;
    const step = async (what: string, incident: string, r: Req["body"] = {}) => {
      const res = await send(
        `POST /api/v1/incidents/[id]/${what}`,
        what === "dispatch" ? users.COMMANDER! : users.OFFICER!,
        {
          params: { id: incident },
          body: r,
        },
      );
      expect(res.status, `${what}: ${res.text}`).toBe(200);
    };
    f.incidentDispatched = await post(
      "POST /api/v1/incidents",
      users.COMMANDER!,
      MATRIX["POST /api/v1/incidents"].req!(f, side),
    );
    await step("dispatch", f.incidentDispatched, { userIds: [f.officerId] });
    f.incidentAccepted = await post(
      "POST /api/v1/incidents",
      users.COMMANDER!,
      MATRIX["POST /api/v1/incidents"].req!(f, side),
    );
    await step("dispatch", f.incidentAccepted, { userIds: [f.officerId] });
    await step("accept", f.incidentAccepted);
    f.incidentArrived = await post(
      "POST /api/v1/incidents",
      users.COMMANDER!,
      MATRIX["POST /api/v1/incidents"].req!(f, side),
    );
    await step("dispatch", f.incidentArrived, { userIds: [f.officerId] });
    await step("accept", f.incidentArrived);
    await step("arrive", f.incidentArrived);
    f.incidentHandled = await post(
      "POST /api/v1/incidents",
      users.COMMANDER!,
      MATRIX["POST /api/v1/incidents"].req!(f, side),
    );
    await step("dispatch", f.incidentHandled, { userIds: [f.officerId] });
    await step("accept", f.incidentHandled);
    await step("arrive", f.incidentHandled);
    await step("handle", f.incidentHandled, { note: "已处置" });
    // A black spot: three injury accidents in one cell.
    for (let i = 0; i < 3; i++) {
      const r = MATRIX["POST /api/v1/accidents"].req!(f, side);
      await post("POST /api/v1/accidents", users.OFFICER!, { body: { ...(r.body as object), injured: 1 } });
    }
    f.cell = latLngToCell(at(side).lat, at(side).lng, 8);
    f.enterprise = await post(
      "POST /api/v1/enterprises",
      users.COMMANDER!,
      MATRIX["POST /api/v1/enterprises"].req!(f, side),
    );
    await post("POST /api/v1/supervision-actions", users.COMMANDER!, {
      body: { findingId: f.finding2, kind: "notice_letter", note: "整改通知" },
    });
    f.sos = await post("POST /api/v1/sos", users.OFFICER!, { body: { ...at(side), message: "矩阵一" } });
    f.sos2 = await post("POST /api/v1/sos", users.AUXILIARY!, { body: { ...at(side), message: "矩阵二" } });
    const ticket = () =>
      post("POST /api/v1/window/tickets", users.CLERK!, MATRIX["POST /api/v1/window/tickets"].req!(f, side));
    f.ticket = await ticket();
    f.ticketCalled = await ticket();
    const called = await send("POST /api/v1/window/tickets/[id]/call", users.CLERK!, {
      params: { id: f.ticketCalled },
      body: { window: 4, hall: hall(side) },
    });
    expect(called.status, called.text).toBe(200);
    // Duty: Zhenyuan's, and Yunyang's (Chongqing) as the foreign unit's.
    const duty = side === "zy" ? "zy-duty" : "yy-duty";
    const unit = side === "zy" ? "522625-01" : "500235-01";
    const grid = (i: number) =>
      post("POST /api/v1/grids", duty, {
        body: { unitCode: unit, name: `矩阵${i}`, kind: "urban", geometry: square(...corner(side, i), 0.005) },
      });
    f.grid = await grid(0);
    f.grid2 = await grid(1);
    const [lng, lat] = corner(side, 0);
    f.lngLat = `${lng + 0.001},${lat + 0.001}`;
    f.lngLat2 = `${lng + 0.004},${lat + 0.004}`;
    const seg = () => post("POST /api/v1/segments", duty, MATRIX["POST /api/v1/segments"].req!(f, side));
    f.segment = await seg();
    f.segment2 = await seg();
    const pt = () =>
      post("POST /api/v1/must-reach-points", duty, MATRIX["POST /api/v1/must-reach-points"].req!(f, side));
    f.point = await pt();
    f.point2 = await pt();
    const lead = side === "zy" ? f.officerId : (await makePerson("OFFICER", "500235-01")).id;
    const beat = (days: number) =>
      post("POST /api/v1/beats", duty, {
        body: {
          gridId: f.grid,
          startsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + days * 86_400_000 + 4 * 3600_000).toISOString(),
          shiftKind: "morning_peak",
          leadUserId: lead,
        },
      });
    f.beat = await beat(20);
    f.beat2 = await beat(21);
    if (side === "yj") f.officerId = lead;
  }
}
