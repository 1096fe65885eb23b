/**
 * Issue 13: the foreign-unit side of the matrix for server actions and pages, as
 * route-matrix.test.ts does it for the route files (its fixtures, users and helpers).
 *
 * Actions: every export of every `lib/**\/actions.ts` is looked up in ACTIONS below (a new
 * action without an entry, or an entry without an action, fails the suite). An action that
 * takes a record, a unit or a hall is called with our (Zhenyuan) data by the right role of the
 * other unit (Yinjiang's `yj-*` users; Yunyang's data for the duty records), and with the
 * other unit's data by ours: it must refuse (NOT_FOUND or FORBIDDEN; a reference in the body
 * may be refused as that field, INVALID) and write nothing — no audit row, no row in any
 * table. Then the same call by the right role in scope must succeed, which proves the call was
 * one the action accepts. Actions without a foreign-unit case say why.
 *
 * Pages: every dynamic page (`app/**\/[param]/page.tsx`) is looked up in PAGES and rendered as
 * the right role of the other unit: Next's not-found (404), both ways; rendered in scope, it
 * renders.
 */
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { makePerson } from "../setup/sessions";
import {
  actionFiles,
  allCounts,
  as,
  fx,
  makeFixtures,
  MATRIX,
  rightRole,
  ROOT,
  YJ_USER,
  ZY_USER,
  created,
  filesUnder,
  type Entry,
  type Fx,
} from "./route-matrix";

vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));
vi.mock("next/headers", async () => (await import("../setup/headers-mock")).headersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Side = "zy" | "yj";
type Input = (f: Fx["zy"], side: Side) => Record<string, unknown>;
interface ActionCase {
  role: Role;
  /** The in-scope call is made by this user instead of the role's demo user. */
  user?: string;
  input: Input;
  /** The reference travels in the body: INVALID naming the field is a refusal too (as bodyRef in the route matrix). */
  bodyRef?: true;
  /** Why the in-scope success is proven elsewhere. */
  okElsewhere?: string;
}
type ActionEntry = ActionCase | { none: string };

const unitOf = (side: Side) => (side === "zy" ? "522625" : "520626");
const squadOf = (side: Side) => (side === "zy" ? "522625-01" : "520626-01");
const hallOf = (side: Side) => (side === "zy" ? "522625-H1" : "520626-H1");

/** The route's role (and user) with an input of our own. */
const like = (route: string, input: Input, more: Partial<ActionCase> = {}): ActionCase => {
  const e = MATRIX[route] as Entry & { perm: "signed-in" };
  return { role: rightRole(e), user: e.user, input, ...more };
};
/** The route's role, user and JSON body as the action's input (plus `extra`). */
const sameAs = (route: string, extra: Input = () => ({}), more: Partial<ActionCase> = {}) =>
  like(route, (f, side) => ({ ...(MATRIX[route].req!(f, side).body as object), ...extra(f, side) }), {
    bodyRef: MATRIX[route].bodyRef,
    ...more,
  });
const own = (why: string) => ({ none: why });
const password = "Matrix-pass-2026x9";

export const ACTIONS: Record<string, ActionEntry> = {
  "lib/accidents/actions.ts createAccidentAction": sameAs("POST /api/v1/accidents"),
  "lib/accidents/actions.ts updateAccidentAction": like("PATCH /api/v1/accidents/[id]", (f) => ({
    id: f.accident,
    roadName: "矩阵路",
  })),

  "lib/api-tokens/actions.ts createApiTokenAction": {
    role: "ADMIN",
    input: (_f, side) => ({ name: "矩阵令牌", unitCode: unitOf(side), permissions: ["violation.view"] }),
  },
  "lib/api-tokens/actions.ts revokeApiTokenAction": { role: "ADMIN", input: (f) => ({ id: f.token }) },

  "lib/audit/actions.ts auditPrintAction": own(
    "audits the caller's own print of a page they could open (one audit row)",
  ),

  "lib/auth/actions.ts verifySecondFactorAction": own("the caller's own sign-in step"),
  "lib/auth/actions.ts changePasswordAction": own("the caller's own password"),
  "lib/auth/actions.ts confirmEnrolmentAction": own("the caller's own second factor"),
  "lib/auth/actions.ts completeEnrolmentAction": own("the caller's own second factor"),
  "lib/auth/actions.ts regenerateRecoveryCodesAction": own("the caller's own recovery codes"),
  "lib/auth/actions.ts signOutEverywhereAction": own("the caller's own sessions"),

  "lib/duty/actions.ts createBeatAction": sameAs("POST /api/v1/beats"),
  "lib/duty/actions.ts updateBeatAction": like("PATCH /api/v1/beats/[id]", (f) => ({ id: f.beat, notes: "矩阵" })),
  "lib/duty/actions.ts cancelBeatAction": like("POST /api/v1/beats/[id]/cancel", (f) => ({
    id: f.beat2,
    reason: "矩阵",
  })),
  "lib/duty/actions.ts copyWeekAction": sameAs("POST /api/v1/beats/copy-week"),
  "lib/duty/actions.ts createGridAction": sameAs("POST /api/v1/grids"),
  "lib/duty/actions.ts updateGridAction": like("PATCH /api/v1/grids/[id]", (f) => ({ id: f.grid, notes: "矩阵" })),
  "lib/duty/actions.ts archiveGridAction": like("DELETE /api/v1/grids/[id]", (f) => ({ id: f.grid2 })),
  "lib/duty/actions.ts createSegmentAction": sameAs("POST /api/v1/segments"),
  "lib/duty/actions.ts deleteSegmentAction": like("DELETE /api/v1/segments/[id]", (f) => ({ id: f.segment2 })),
  "lib/duty/actions.ts createPointAction": sameAs("POST /api/v1/must-reach-points"),
  "lib/duty/actions.ts deletePointAction": like("DELETE /api/v1/must-reach-points/[id]", (f) => ({ id: f.point2 })),
  "lib/duty/actions.ts importGeoJsonAction": sameAs("POST /api/v1/grids/import"),
  "lib/duty/actions.ts saveDutySettingsAction": sameAs("PUT /api/v1/duty/settings"),

  "lib/hazards/actions.ts createHazardAction": sameAs("POST /api/v1/hazards"),
  "lib/hazards/actions.ts updateHazardAction": like("PATCH /api/v1/hazards/[id]", (f) => ({
    id: f.hazard,
    responsibleParty: "公路段",
  })),
  "lib/hazards/actions.ts blackSpotHazardAction": like("POST /api/v1/black-spots/[cell]/hazard", (f) => ({
    cell: f.cell,
    responsibleParty: "公路段",
  })),
  "lib/hazards/actions.ts blackSpotMeasureAction": {
    role: "COMMANDER",
    input: (f) => ({ cell: f.cell, kind: "extra_beats", description: "加强巡逻", startsOn: "2026-03-01" }),
  },

  "lib/i18n/actions.ts setLocale": own("the caller's language cookie"),

  "lib/incidents/actions.ts createIncidentAction": sameAs("POST /api/v1/incidents"),
  "lib/incidents/actions.ts dispatchIncidentAction": like("POST /api/v1/incidents/[id]/dispatch", (f) => ({
    id: f.incident,
    userIds: [f.officerId],
  })),
  "lib/incidents/actions.ts acceptIncidentAction": like("POST /api/v1/incidents/[id]/accept", (f) => ({
    id: f.incidentDispatched,
  })),
  "lib/incidents/actions.ts arriveIncidentAction": like("POST /api/v1/incidents/[id]/arrive", (f) => ({
    id: f.incidentAccepted,
  })),
  "lib/incidents/actions.ts handleIncidentAction": like("POST /api/v1/incidents/[id]/handle", (f) => ({
    id: f.incidentArrived,
    note: "已处置",
  })),
  "lib/incidents/actions.ts closeIncidentAction": like("POST /api/v1/incidents/[id]/close", (f) => ({
    id: f.incidentHandled,
    outcome: "已疏通",
    feedback: { reached: true, satisfied: true },
  })),
  "lib/incidents/actions.ts cancelIncidentAction": like("POST /api/v1/incidents/[id]/cancel", (f) => ({
    id: f.incident2,
    reason: "重复报警",
  })),
  "lib/incidents/actions.ts revealCallerAction": like("POST /api/v1/incidents/[id]/caller", (f) => ({
    id: f.incident,
  })),

  "lib/keyvehicles/actions.ts createEnterpriseAction": sameAs("POST /api/v1/enterprises"),
  "lib/keyvehicles/actions.ts createKeyVehicleAction": sameAs("POST /api/v1/key-vehicles"),
  "lib/keyvehicles/actions.ts updateKeyVehicleAction": like("PATCH /api/v1/key-vehicles/[id]", (f) => ({
    id: f.vehicle,
    inspectionDue: "2027-01-31",
  })),
  "lib/keyvehicles/actions.ts createKeyDriverAction": sameAs("POST /api/v1/key-drivers"),
  "lib/keyvehicles/actions.ts updateKeyDriverAction": like("PATCH /api/v1/key-drivers/[id]", (f) => ({
    id: f.driver,
    licenceClass: "A1",
  })),
  "lib/keyvehicles/actions.ts createFindingAction": sameAs("POST /api/v1/supervision-findings"),
  "lib/keyvehicles/actions.ts addActionAction": sameAs("POST /api/v1/supervision-actions"),
  "lib/keyvehicles/actions.ts closeFindingAction": like("POST /api/v1/supervision-findings/[id]/close", (f) => ({
    id: f.finding2,
    closingNote: "已整改",
  })),
  "lib/keyvehicles/actions.ts screenAction": own("screens the caller's own scope only (tests/db/keyvehicles.test.ts)"),

  "lib/operations/actions.ts createOperationAction": sameAs("POST /api/v1/operations"),

  "lib/units/actions.ts createUnitAction": sameAs("POST /api/v1/units"),
  "lib/units/actions.ts renameUnitAction": {
    role: "ADMIN",
    input: (_f, side) => ({ code: squadOf(side), nameZh: "矩阵中队", nameEn: "Matrix squad" }),
  },
  "lib/units/actions.ts moveUnitAction": {
    role: "ADMIN",
    input: (_f, side) => ({ code: squadOf(side), newParentCode: unitOf(side) }),
  },
  "lib/units/actions.ts saveUnitProfileAction": {
    role: "ADMIN",
    input: (_f, side) => ({ code: unitOf(side), year: 2026, population: 1000 }),
  },

  "lib/users/actions.ts createUserAction": {
    role: "ADMIN",
    input: (_f, side) => ({
      username: `matrix-${side}-${Math.floor(Math.random() * 1e6)}`,
      displayName: "矩阵用户",
      role: "OFFICER",
      unitCode: unitOf(side),
      password,
    }),
  },
  "lib/users/actions.ts updateUserAction": {
    role: "ADMIN",
    input: (f, side) => ({ id: f.person, displayName: "矩阵用户", role: "OFFICER", unitCode: unitOf(side) }),
  },
  "lib/users/actions.ts setUserActiveAction": { role: "ADMIN", input: (f) => ({ id: f.person, active: true }) },
  "lib/users/actions.ts resetPasswordAction": { role: "ADMIN", input: (f) => ({ id: f.person, password }) },
  "lib/users/actions.ts endUserSessionsAction": { role: "ADMIN", input: (f) => ({ id: f.person }) },
  "lib/users/actions.ts resetSecondFactorAction": { role: "ADMIN", input: (f) => ({ id: f.person }) },

  "lib/violations/actions.ts createViolationAction": sameAs("POST /api/v1/violations"),
  "lib/violations/actions.ts updateViolationAction": like("PATCH /api/v1/violations/[id]", (f) => ({
    id: f.violation,
    status: "notified",
  })),
  "lib/violations/actions.ts revealIdAction": { role: "COMMANDER", input: (f) => ({ id: f.violation }) },
  "lib/violations/actions.ts fileAppealAction": like("POST /api/v1/violations/[id]/appeal", (f) => ({
    violationId: f.violation2,
    reason: "不是我的车",
  })),
  "lib/violations/actions.ts decideAppealAction": like("POST /api/v1/appeals/[id]/decision", (f) => ({
    appealId: f.appeal,
    decision: "upheld",
  })),
  "lib/violations/actions.ts createViolationTypeAction": own("the catalogue is national, administrators only"),
  "lib/violations/actions.ts updateViolationTypeAction": own("the catalogue is national, administrators only"),

  "lib/window/actions.ts issueTicketAction": sameAs("POST /api/v1/window/tickets"),
  "lib/window/actions.ts callNextAction": sameAs("POST /api/v1/window/tickets/next"),
  "lib/window/actions.ts callTicketAction": like("POST /api/v1/window/tickets/[id]/call", (f, side) => ({
    id: f.ticket,
    window: 3,
    hall: hallOf(side),
  })),
  "lib/window/actions.ts noShowAction": like("POST /api/v1/window/tickets/[id]/no-show", (f) => ({
    id: f.ticketCalled,
  })),
  "lib/window/actions.ts submitTransactionAction": sameAs("POST /api/v1/window/transactions", () => ({
    idempotencyKey: `matrix-${Math.random()}`,
  })),
  "lib/window/actions.ts evaluateAction": like("POST /api/v1/window/transactions/[id]/evaluation", (f) => ({
    id: f.tx,
    rating: "satisfied",
  })),
  "lib/window/actions.ts useApplicantAction": { role: "CLERK", input: (f) => ({ id: f.tx }) },
  "lib/window/actions.ts revealAction": { role: "CLERK", input: (f) => ({ id: f.tx }) },
  "lib/window/actions.ts followUpDoneAction": {
    role: "CLERK",
    input: (f) => ({ id: f.tx }),
    okElsewhere: "needs a transaction waiting for a follow-up: tests/db/window-transactions.test.ts",
  },
  "lib/window/actions.ts resolveDifficultAction": {
    role: "CLERK",
    input: (f) => ({ id: f.tx, resolution: "已解决" }),
    okElsewhere: "needs a transaction marked difficult: tests/db/window-transactions.test.ts",
  },
  "lib/window/actions.ts closeDayAction": own("the signed-in clerk's own day"),
  "lib/window/actions.ts closeComplaintAction": {
    role: "COMMANDER",
    input: (f) => ({ id: f.complaint, closingNote: "已回访" }),
  },
  "lib/window/actions.ts assignComplaintAction": {
    role: "COMMANDER",
    input: (f) => ({ id: f.complaint2, dueDate: "2027-01-31" }),
  },
  "lib/window/actions.ts createComplaintAction": {
    role: "COMMANDER",
    input: (_f, side) => ({ source: "phone", summary: "电话投诉", unitCode: unitOf(side) }),
  },
  "lib/window/actions.ts saveTripAction": sameAs("POST /api/v1/window/outreach-trips", (f) => ({ id: f.trip })),
  "lib/window/actions.ts savePointAction": sameAs("POST /api/v1/window/service-points", (f) => ({
    id: f.servicePoint,
  })),
  "lib/window/actions.ts saveHallAction": like("POST /api/v1/window/service-points", (f, side) => ({
    id: f.hall,
    unitCode: unitOf(side),
    code: hallOf(side),
    nameZh: "矩阵大厅",
    nameEn: "Matrix hall",
  })),
  "lib/window/actions.ts saveHoursAction": like("POST /api/v1/window/service-points", (f) => ({
    hallId: f.hall,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: weekday < 6, opens: "09:00", closes: "17:00" })),
  })),
  "lib/window/actions.ts saveCounterAction": like("POST /api/v1/window/service-points", (f) => ({
    hallId: f.hall,
    number: 9,
    letters: "A",
  })),
  "lib/window/actions.ts saveBusinessAction": own("the national business catalogue, administrators only"),
};

type Params = (f: Fx["zy"], side: Side) => Record<string, string>;
/** Dynamic pages: the role that may open them and their params for a side's record; or why they are public. */
export const PAGES: Record<string, { role: Role; params: Params } | { public: string }> = {
  "app/(portal)/accidents/[id]/page.tsx": { role: "OFFICER", params: (f) => ({ id: f.accident }) },
  "app/(portal)/admin/users/[id]/page.tsx": { role: "ADMIN", params: (f) => ({ id: f.person }) },
  "app/(portal)/beats/[id]/page.tsx": { role: "DUTY_OFFICER", params: (f) => ({ id: f.beat }) },
  "app/(portal)/beats/grids/[id]/page.tsx": { role: "DUTY_OFFICER", params: (f) => ({ id: f.grid }) },
  "app/(portal)/hazards/black-spots/[cell]/page.tsx": { role: "COMMANDER", params: (f) => ({ cell: f.cell }) },
  "app/(portal)/incidents/[id]/page.tsx": { role: "COMMANDER", params: (f) => ({ id: f.incident }) },
  "app/(portal)/reports/[unitCode]/[year]/page.tsx": {
    role: "COMMANDER",
    params: (_f, side) => ({ unitCode: unitOf(side), year: "2026" }),
  },
  "app/(portal)/units/[code]/page.tsx": { role: "COMMANDER", params: (_f, side) => ({ code: unitOf(side) }) },
  "app/(portal)/violations/[id]/page.tsx": { role: "COMMANDER", params: (f) => ({ id: f.violation }) },
  "app/(portal)/window/points/[id]/page.tsx": { role: "CLERK", params: (f) => ({ id: f.servicePoint }) },
  "app/(portal)/window/transactions/[id]/page.tsx": { role: "CLERK", params: (f) => ({ id: f.tx }) },
  "app/(portal)/window/trips/[id]/page.tsx": { role: "CLERK", params: (f) => ({ id: f.trip }) },
  "app/hall/[unitCode]/page.tsx": { public: "the public hall board (ticket numbers and counts only)" },
};

const dynamicPages = () => filesUnder("app", (f) => /\/page\.(tsx|ts|jsx|js)$/.test(f) && f.includes("["));

const session = globalThis as { trafficopsTestSession?: unknown };
const userOf = (side: Side, role: Role) => (side === "zy" ? ZY_USER : YJ_USER)[role]!;
/** The other side's user for a refusal: Yinjiang's on our data, ours on the other unit's. */
const foreignTo = (side: Side, role: Role) => userOf(side === "zy" ? "yj" : "zy", role);

async function callAction(key: string, username: string, input: Record<string, unknown>) {
  const [file, name] = key.split(" ");
  const mod = (await import(path.join(ROOT, file))) as Record<string, (x: unknown) => Promise<unknown>>;
  session.trafficopsTestSession = await as(username);
  try {
    return (await mod[name](input)) as { ok: boolean; code?: string; fields?: Record<string, string> };
  } finally {
    session.trafficopsTestSession = null;
  }
}

async function renderPage(file: string, username: string, params: Record<string, string>) {
  const mod = (await import(path.join(ROOT, file))) as { default: (p: unknown) => Promise<unknown> };
  session.trafficopsTestSession = await as(username);
  try {
    await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return "rendered";
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    throw err;
  } finally {
    session.trafficopsTestSession = null;
  }
}

beforeAll(async () => {
  await makeFixtures();
  // What the route fixtures do not make: a person, a token, a hall, a service point, a trip and two complaints per side.
  for (const side of ["zy", "yj"] as const) {
    const f = fx[side];
    f.person = (await makePerson("OFFICER", unitOf(side))).id;
    f.hall = (await db.windowHall.findFirstOrThrow({ where: { code: hallOf(side) } })).id;
    f.servicePoint = await created("POST /api/v1/window/service-points", userOf(side, "ADMIN"), {
      body: { unitCode: unitOf(side), name: "矩阵服务站", village: "矩阵村" },
    });
    f.trip = await created("POST /api/v1/window/outreach-trips", userOf(side, "ADMIN"), {
      body: { unitCode: unitOf(side), tripDate: "2026-11-20", township: "矩阵乡", examSessions: 1, candidates: 10 },
    });
    const done = async (key: string, role: Role, input: Record<string, unknown>) => {
      const r = (await callAction(key, userOf(side, role), input)) as { ok: boolean; data?: { id: string } };
      expect(r, key).toMatchObject({ ok: true });
      return r.data!.id;
    };
    f.token = await done("lib/api-tokens/actions.ts createApiTokenAction", "ADMIN", {
      name: "矩阵令牌",
      unitCode: unitOf(side),
      permissions: ["violation.view"],
    });
    const complaint = () =>
      done("lib/window/actions.ts createComplaintAction", "COMMANDER", {
        source: "phone",
        summary: "电话投诉",
        unitCode: unitOf(side),
      });
    f.complaint = await complaint();
    f.complaint2 = await complaint();
  }
}, 300_000);

describe("server actions: generated from the action files", () => {
  it("every action has an entry, and every entry an action", async () => {
    const found: string[] = [];
    for (const file of actionFiles()) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const name of Object.keys(mod)) if (typeof mod[name] === "function") found.push(`${file} ${name}`);
    }
    expect(found.length).toBeGreaterThan(60);
    const keys = Object.keys(ACTIONS);
    expect(
      keys.filter((k) => !found.includes(k)),
      "entries without an action",
    ).toEqual([]);
    expect(found.filter((k) => !keys.includes(k)).sort(), "actions without an entry in ACTIONS").toEqual([]);
  });
});

describe.each(Object.keys(ACTIONS).sort())("%s", (key) => {
  const e = ACTIONS[key];
  if ("none" in e) {
    it(`has no foreign-unit case: ${e.none}`, () => expect(e.none).toBeTruthy());
    return;
  }
  it(`the right role (${e.role}) of the other unit is refused, both ways, and nothing is written`, async () => {
    for (const side of ["zy", "yj"] as const) {
      const who = foreignTo(side, e.role);
      const before = await allCounts();
      const r = await callAction(key, who, e.input(fx[side], side));
      const refusals = e.bodyRef ? ["NOT_FOUND", "FORBIDDEN", "INVALID"] : ["NOT_FOUND", "FORBIDDEN"];
      expect(r.ok, `${who} on ${side}'s: ${JSON.stringify(r)}`).toBe(false);
      expect(refusals, `${who} on ${side}'s: ${JSON.stringify(r)}`).toContain(r.code);
      if (r.code === "INVALID") expect(Object.keys(r.fields ?? {}).length, JSON.stringify(r)).toBeGreaterThan(0);
      expect(await allCounts(), `${who} on ${side}'s wrote rows`).toEqual(before);
    }
  });
  if (e.okElsewhere) it(`the right role in scope: ${e.okElsewhere}`, () => expect(e.okElsewhere).toBeTruthy());
  else
    it(`the right role (${e.role}) in scope succeeds`, async () => {
      const r = await callAction(key, e.user ?? userOf("zy", e.role), e.input(fx.zy, "zy"));
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    });
});

describe("dynamic pages: generated from the page files", () => {
  it("every dynamic page has an entry, and every entry a page", () => {
    const found = dynamicPages();
    expect(found.length).toBeGreaterThan(10);
    expect(
      Object.keys(PAGES).filter((k) => !found.includes(k)),
      "entries without a page",
    ).toEqual([]);
    expect(
      found.filter((k) => !(k in PAGES)),
      "dynamic pages without an entry in PAGES",
    ).toEqual([]);
  });
});

describe.each(Object.keys(PAGES).sort())("%s", (file) => {
  const e = PAGES[file];
  if ("public" in e) {
    it(`is public: ${e.public}`, () => expect(e.public).toBeTruthy());
    return;
  }
  it(`the right role (${e.role}) of the other unit gets not-found, both ways; in scope it renders`, async () => {
    for (const side of ["zy", "yj"] as const) {
      const who = foreignTo(side, e.role);
      expect(await renderPage(file, who, e.params(fx[side], side)), `${who} on ${side}'s`).toBe("not found");
    }
    expect(await renderPage(file, userOf("zy", e.role), e.params(fx.zy, "zy"))).toBe("rendered");
  });
});
