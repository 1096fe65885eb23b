/**
 * Road-safety hazards (隐患) and key-vehicle supervision (两客一危一校): the enterprises,
 * vehicles and drivers under supervision, findings raised by data screening and tracked to
 * closure (销号), and the control actions taken — exactly the counts of the plan.
 */
import { daysBetween, instant } from "./calendar";
import type { BrigadeContext } from "./context";
import { idNumber, personName, plate } from "./people";
import type { YearPlan } from "./plans";
import type { Rng } from "./rng";
import { uuidFrom } from "./ids";
import { addDays } from "@/lib/time";

const HAZARD_TITLES = [
  ["急弯路段缺少警示标志", "patrol"],
  ["临水临崖路段护栏缺失", "patrol"],
  ["学校门口缺少减速带", "citizen"],
  ["平交路口视距不良", "black_spot"],
  ["长下坡路段缺少避险车道提示", "black_spot"],
  ["乡道路面坑槽", "patrol"],
  ["集镇路段占道经营", "citizen"],
  ["夜间照明不足", "citizen"],
  ["运输企业车辆动态监控离线", "enterprise_check"],
  ["客运站出站检查记录不全", "enterprise_check"],
] as const;

export function generateHazards(
  b: BrigadeContext,
  plan: NonNullable<YearPlan["hazards"]>,
  period: { from: string; to: string; key: string },
  r: Rng,
  opts: { notAfter?: Date } = {},
) {
  const days = daysBetween(period.from, period.to);
  return Array.from({ length: plan.found }, (_, i) => {
    const squad = r.pick(b.squads);
    const spot = squad.sampler.sample(r);
    const day = r.pick(days);
    const foundAt = instant(day, r.int(8 * 60, 18 * 60));
    const [title, source] = r.pick(HAZARD_TITLES);
    const closed = i < plan.closed;
    const closedAt = new Date(foundAt.getTime() + r.int(3, 40) * 86400_000);
    return {
      id: uuidFrom(r),
      unit_id: squad.id,
      unit_path: squad.path,
      brigade_id: b.id,
      grid_id: b.gridAt(spot),
      found_at: foundAt,
      lat: spot.lat,
      lng: spot.lng,
      address: `${b.countyZh}${spot.label}`,
      title,
      description: `${title}（演示数据）`,
      source,
      responsible_party: r.pick(["县交通运输局", "乡镇人民政府", "县公路管理段", "学校", "运输企业"]),
      deadline: new Date(foundAt.getTime() + 30 * 86400_000).toISOString().slice(0, 10),
      status: closed ? "closed" : r.chance(0.5) ? "rectifying" : "open",
      closing_note: closed ? "已完成整改并复查（演示）" : null,
      closed_at: closed ? closedAt : null,
      external_ref: `demo:${period.key}:hz:${String(i + 1).padStart(4, "0")}`,
    };
  }).filter((h) => !opts.notAfter || (h.found_at <= opts.notAfter && (!h.closed_at || h.closed_at <= opts.notAfter)));
}
export const HAZARD_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "grid_id",
  "found_at",
  "lat",
  "lng",
  "address",
  "title",
  "description",
  "source",
  "responsible_party",
  "deadline",
  "status",
  "closing_note",
  "closed_at",
  "external_ref",
];

const ENTERPRISES: [string, string][] = [
  ["客运有限公司", "passenger"],
  ["旅游客运有限公司", "tourism"],
  ["危险货物运输有限公司", "hazmat"],
  ["物流运输有限公司", "freight"],
  ["校车服务有限公司", "school"],
];
const CLASSES: Record<string, string[]> = {
  passenger: ["coach"],
  tourism: ["tour_bus"],
  hazmat: ["hazmat_truck"],
  freight: ["heavy_truck"],
  school: ["school_bus"],
};

/** The brigade's supervised enterprises, vehicles and drivers (stable across years). */
export function generateRegistry(b: BrigadeContext, r: Rng, today: string) {
  const unit = { unit_id: b.id, unit_path: b.path, brigade_id: b.id };
  const county = b.countyZh.replace(/县$/, "");
  const enterprises = ENTERPRISES.map(([suffix, kind], i) => ({
    id: uuidFrom(r),
    ...unit,
    name: `${county}${suffix}（演示）`,
    kind,
    address: `${b.countyZh}（演示地址）`,
    contact_name: personName(r),
    external_ref: `demo:${b.code}:ent:${i + 1}`,
  }));
  const vehicles = enterprises.flatMap((e) =>
    Array.from({ length: e.kind === "school" ? 6 : 14 }, (_, k) => ({
      id: uuidFrom(r),
      ...unit,
      enterprise_id: e.id,
      plate: plate(r, b.platePrefix),
      plate_color: "yellow",
      vehicle_class: r.pick(CLASSES[e.kind]),
      // Inspections fall due over the coming year; a couple are overdue, for screening to find.
      inspection_due: addDays(today, k === 0 && e.kind !== "school" ? -r.int(10, 60) : r.int(20, 360)),
      scrap_due: `${r.int(2029, 2035)}-06-30`,
      status: "active",
      external_ref: `demo:${b.code}:veh:${e.kind}:${k + 1}`,
    })),
  );
  const drivers = enterprises.flatMap((e) =>
    Array.from({ length: e.kind === "school" ? 8 : 18 }, (_, k) => {
      const id = idNumber(r, b.region, 1965, 1995);
      return {
        id: uuidFrom(r),
        ...unit,
        enterprise_id: e.id,
        name: personName(r),
        id_number: id,
        licence_number: id,
        licence_class: e.kind === "freight" || e.kind === "hazmat" ? "A2" : "A1",
        licence_status: "valid",
        qualification_no: `Q${id.slice(6, 14)}${k}`,
        qualification_expires: addDays(today, r.int(120, 1500)),
        employment: "employed",
        external_ref: `demo:${b.code}:drv:${e.kind}:${k + 1}`,
      };
    }),
  );
  return { enterprises, vehicles, drivers };
}
export const ENTERPRISE_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "name",
  "kind",
  "address",
  "contact_name",
  "external_ref",
];
export const KEY_VEHICLE_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "enterprise_id",
  "plate",
  "plate_color",
  "vehicle_class",
  "inspection_due",
  "scrap_due",
  "status",
  "external_ref",
];
export const KEY_DRIVER_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "enterprise_id",
  "name",
  "id_number",
  "licence_number",
  "licence_class",
  "licence_status",
  "qualification_no",
  "qualification_expires",
  "employment",
  "external_ref",
];

/** Findings of one period (each closed within it, or left open) and the actions taken on them. */
export function generateSupervision(
  b: BrigadeContext,
  registry: ReturnType<typeof generateRegistry>,
  plan: NonNullable<YearPlan["keyVehicles"]>,
  period: { from: string; to: string; key: string },
  r: Rng,
) {
  const unit = { unit_id: b.id, unit_path: b.path, brigade_id: b.id };
  const days = daysBetween(period.from, period.to);
  const findings: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const coachDrivers = registry.drivers.filter(
    (d) => registry.enterprises.find((e) => e.id === d.enterprise_id)?.kind === "passenger",
  );
  const total = plan.findingsClosed + plan.findingsOpen;
  for (let i = 0; i < total; i++) {
    const open = i >= plan.findingsClosed;
    const dismissal = i < plan.driversDismissed;
    const kind = dismissal
      ? "unqualified_driver"
      : r.pick(["overdue_inspection", "scrap_due", "repeated_violations", "enterprise_risk", "unqualified_driver"]);
    // Open findings must each name a different target (one open finding per target and kind).
    const vehicle =
      kind === "overdue_inspection" || kind === "scrap_due" || kind === "repeated_violations"
        ? registry.vehicles[(i * 7) % registry.vehicles.length]
        : null;
    const driver =
      kind === "unqualified_driver"
        ? dismissal
          ? coachDrivers[i % coachDrivers.length]
          : registry.drivers[(i * 5) % registry.drivers.length]
        : null;
    const enterprise =
      registry.enterprises.find((e) => e.id === (vehicle?.enterprise_id ?? driver?.enterprise_id)) ??
      r.pick(registry.enterprises);
    const day = days[Math.min(days.length - 1, Math.floor((i / total) * days.length * 0.9))];
    const foundAt = instant(day, r.int(9 * 60, 17 * 60));
    const closedAt = open
      ? null
      : new Date(Math.min(foundAt.getTime() + r.int(5, 30) * 86400_000, Date.parse(`${period.to}T15:00:00Z`)));
    const id = uuidFrom(r);
    findings.push({
      id,
      ...unit,
      enterprise_id: enterprise.id,
      key_vehicle_id: vehicle?.id ?? null,
      key_driver_id: driver?.id ?? null,
      kind,
      origin: "data_screening",
      description:
        {
          overdue_inspection: "车辆逾期未检验",
          scrap_due: "车辆临近报废",
          repeated_violations: "车辆多次交通违法未处理",
          enterprise_risk: "企业动态监控数据异常",
          unqualified_driver: "驾驶人不具备从业资格或记分满分",
        }[kind]! + "（数据筛查，演示）",
      found_at: foundAt,
      status: open ? "controlled" : "closed",
      closing_note: open ? null : "整改完毕，销号（演示）",
      closed_at: closedAt,
      external_ref: `demo:${period.key}:kf:${String(i + 1).padStart(3, "0")}`,
    });
    const act = (k: string, note: string) =>
      actions.push({
        id: uuidFrom(r),
        finding_id: id,
        ...unit,
        kind: k,
        taken_at: new Date(foundAt.getTime() + r.int(1, 4) * 86400_000),
        note,
        external_ref: `demo:${period.key}:ka:${String(actions.length + 1).padStart(4, "0")}`,
      });
    if (dismissal) act("driver_dismissal", "督促企业解聘不合格客运驾驶人（演示）");
    if (i >= plan.driversDismissed && i < plan.driversDismissed + plan.offencesProsecuted)
      act("offence_prosecuted", "依法查处（演示）");
    if (i < plan.noticeLetters) act("notice_letter", "向主管部门抄告（演示）");
    if (i < plan.interviews) act("enterprise_interview", "约谈企业负责人（演示）");
    if (
      kind === "overdue_inspection" &&
      actions.filter((a) => a.kind === "inspection_enforced").length < plan.inspections
    )
      act("inspection_enforced", "督促车辆按期检验（演示）");
  }
  return { findings, actions };
}
export const FINDING_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "enterprise_id",
  "key_vehicle_id",
  "key_driver_id",
  "kind",
  "origin",
  "description",
  "found_at",
  "status",
  "closing_note",
  "closed_at",
  "external_ref",
];
export const ACTION_COLUMNS = [
  "id",
  "finding_id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "kind",
  "taken_at",
  "note",
  "external_ref",
];
