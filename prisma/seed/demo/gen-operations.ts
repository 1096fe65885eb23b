/** Special campaigns (专项整治) and security escort tasks (安保任务). */
import { addDays } from "@/lib/time";
import { daysBetween, instant, isHoliday } from "./calendar";
import type { BrigadeContext } from "./context";
import { allocate, type Rng } from "./rng";

export interface OperationRow {
  unit_id: string;
  unit_path: string;
  brigade_id: string;
  kind: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  notes: string | null;
  external_ref: string;
}

export const OPERATION_COLUMNS = [
  "unit_id",
  "unit_path",
  "brigade_id",
  "kind",
  "name",
  "starts_at",
  "ends_at",
  "notes",
  "external_ref",
] as const;

const CAMPAIGNS = [
  "酒驾醉驾夜查专项整治",
  "摩托车头盔佩戴专项整治",
  "农村面包车超员整治",
  "逢场天交通秩序集中整治",
  "客车超员专项整治",
  "货车超载超限治理",
  "城区违法停车整治",
  "“两客一危一货”重点车辆整治",
  "超速违法专项整治",
  "电动自行车交通违法整治",
  "无证驾驶、无牌无证专项整治",
  "渣土车抛洒遗漏整治",
  "学校周边交通秩序整治",
  "国省道危险路段整治",
  "春运交通安全整治",
];
const ESCORTS = [
  "春节旅游高峰安保",
  "高考考点交通安保",
  "端午龙舟赛交通安保",
  "国庆旅游黄金周安保",
  "重要会议警卫安保",
  "大型文体活动交通安保",
  "清明祭扫交通安保",
  "马拉松赛事交通安保",
];

export function generateOperations(
  ctx: BrigadeContext,
  plan: { campaigns: number; escorts: number },
  period: { from: string; to: string; key: string },
  r: Rng,
): OperationRow[] {
  const days = daysBetween(period.from, period.to);
  const rows: OperationRow[] = [];
  const add = (kind: "campaign" | "escort", count: number, names: string[]) => {
    const perDay = allocate(
      count,
      days.map((d) => (isHoliday(d) ? (kind === "escort" ? 4 : 1.5) : 1) * (0.6 + 0.8 * r.next())),
    );
    days.forEach((day, i) => {
      for (let k = 0; k < perDay[i]; k++) {
        const squad = r.chance(0.5) ? r.pick(ctx.squads) : null;
        const length =
          kind === "campaign"
            ? r.weighted([
                [0, 0.55],
                [1, 0.2],
                [2, 0.1],
                [6, 0.1],
                [29, 0.05],
              ] as const)
            : r.weighted([
                [0, 0.7],
                [1, 0.2],
                [2, 0.1],
              ] as const);
        const startMin =
          kind === "campaign" ? r.pick([8 * 60, 19 * 60, 20 * 60 + 30]) : r.pick([6 * 60, 7 * 60 + 30, 8 * 60]);
        rows.push({
          unit_id: squad?.id ?? ctx.id,
          unit_path: squad?.path ?? ctx.path,
          brigade_id: ctx.id,
          kind,
          name: r.pick(names),
          starts_at: instant(day, startMin),
          ends_at: instant(addDays(day, length), startMin + r.int(3, 10) * 60),
          notes: null,
          external_ref: `demo:${period.key}:${kind === "campaign" ? "c" : "e"}:${String(rows.length + 1).padStart(4, "0")}`,
        });
      }
    });
  };
  add("campaign", plan.campaigns, CAMPAIGNS);
  add("escort", plan.escorts, ESCORTS);
  return rows;
}
