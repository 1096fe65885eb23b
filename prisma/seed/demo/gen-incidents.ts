/**
 * Incidents (接处警) for a period of demo days: most accidents were called in (122) and
 * became an incident a few minutes after they happened; on top, the day's congestion,
 * breakdowns, obstructions, disputes and complaints. Each goes through the timeline
 * received → dispatched → accepted → on scene → handled → closed with its feedback call,
 * at plausible intervals (rural squads arrive later); steps still ahead of `notAfter` are
 * left open, so today's desk has live work. Deterministic (seeded PRNG).
 */
import { daysBetween, instant } from "./calendar";
import type { BrigadeContext } from "./context";
import { uuidFrom } from "./ids";
import type { PlacedRow } from "./placed";
import { Rng } from "./rng";

export const INCIDENT_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "grid_id",
  "source",
  "kind",
  "priority",
  "status",
  "caller_name",
  "caller_phone",
  "lat",
  "lng",
  "address",
  "road_name",
  "description",
  "received_at",
  "dispatched_at",
  "accepted_at",
  "accepted_by_id",
  "arrived_at",
  "arrived_by_id",
  "handled_at",
  "handled_by_id",
  "closed_at",
  "closed_by_id",
  "outcome",
  "feedback_reached",
  "feedback_satisfied",
  "cancelled_at",
  "cancelled_by_id",
  "cancel_reason",
  "recorded_by_id",
  "external_ref",
] as const;

export const DISPATCH_COLUMNS = [
  "id",
  "incident_id",
  "unit_path",
  "brigade_id",
  "user_ids",
  "dispatched_at",
  "dispatched_by_id",
  "ended_at",
  "end_reason",
  "ended_by_id",
] as const;

type Row = Record<(typeof INCIDENT_COLUMNS)[number], unknown>;
type DispatchRow = Record<(typeof DISPATCH_COLUMNS)[number], unknown>;

/** An accident of the same period that may have been called in. */
export interface CalledAccident extends Omit<PlacedRow, "brigade_id"> {
  id: string;
  deaths: number;
  injured: number;
}

export interface IncidentPeople {
  /** Who takes calls at the brigade (recorded_by, dispatched_by, closed_by). */
  desk: string[];
  /** Officers and auxiliaries by unit id (squads; the brigade's own too). */
  responders: Map<string, string[]>;
}

const OTHER_KINDS = [
  ["congestion", 30],
  ["breakdown", 22],
  ["obstruction", 16],
  ["dispute", 12],
  ["complaint", 10],
  ["other", 8],
  ["dangerous_goods", 2],
] as const;
const SOURCES = [
  ["call_122", 72],
  ["transfer_110", 10],
  ["patrol", 7],
  ["camera", 5],
  ["walk_in", 4],
  ["system", 2],
] as const;
const DESCRIPTIONS: Record<string, readonly string[]> = {
  accident_injury: ["两车相撞，有人受伤", "摩托车与小车碰撞，骑手受伤", "行人被撞倒，伤者意识清醒"],
  accident_property: ["两车追尾，无人受伤", "车辆刮擦，双方争执", "倒车撞到护栏"],
  congestion: ["早高峰车辆排队约一公里", "集市路段堵塞", "学校门口车辆拥堵"],
  breakdown: ["货车抛锚占用车道", "小车爆胎停在路中", "客车故障停靠路边"],
  obstruction: ["路面有散落货物", "山体落石占道", "树木倒伏阻断道路"],
  dispute: ["停车纠纷", "驾驶人与行人发生口角", "挪车纠纷"],
  complaint: ["投诉车辆乱停乱放", "投诉渣土车遗撒", "投诉夜间飙车噪音"],
  other: ["交通信号灯故障", "路口无人指挥", "咨询事故处理进度"],
  dangerous_goods: ["危化品运输车辆侧滑停靠", "危化品车辆疑似泄漏"],
};
const OUTCOMES: Record<string, readonly string[]> = {
  accident_injury: ["伤者送医，现场勘查后撤离", "已拨打120送医，车辆拖离"],
  accident_property: ["快处快撤，双方协商解决", "指导双方拍照撤离，保险理赔"],
  congestion: ["现场疏导，交通恢复正常"],
  breakdown: ["协助拖离故障车辆"],
  obstruction: ["清理路障，道路恢复通行"],
  dispute: ["现场调解，双方和解"],
  complaint: ["已核实并处理，回复投诉人"],
  other: ["已处置并反馈"],
  dangerous_goods: ["联系企业与消防处置，已排除险情"],
};
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "吴", "潘", "龙", "罗", "田", "杜"];

const MIN = 60_000;

/**
 * The incidents of `period` (local days): one per called-in accident (80% of them) plus
 * `perDay` other ones a day, each with its dispatch. Returns the rows, the dispatches and
 * the accident → incident links (an accident recorded for the incident it came from).
 */
export function generateIncidents(
  b: BrigadeContext,
  people: IncidentPeople,
  period: { from: string; to: string; key: string },
  accidents: CalledAccident[],
  r: Rng,
  opts: { notAfter?: Date; perDay?: [number, number] } = {},
): { incidents: Row[]; dispatches: DispatchRow[]; links: [accidentId: string, incidentId: string][] } {
  const incidents: Row[] = [];
  const dispatches: DispatchRow[] = [];
  const links: [string, string][] = [];
  const notAfter = opts.notAfter?.getTime() ?? Infinity;

  // Each incident draws from its own stream, so cutting one short at `notAfter` (today's)
  // changes nothing about the others, and a rerun later gives the same ids and times.
  const add = (
    stream: string,
    base: {
      unit_id: string;
      unit_path: string;
      grid_id: string | null;
      kind: string;
      at: number;
      lat: number;
      lng: number;
      address: string;
      road_name: string | null;
      rural: boolean;
    },
  ): string | null => {
    if (base.at > notAfter) return null;
    const r = new Rng(`${period.key}:incident:${stream}`);
    const id = uuidFrom(r);
    const source = r.weighted(SOURCES);
    const priority =
      base.kind === "accident_injury" || base.kind === "dangerous_goods"
        ? 1
        : base.kind === "accident_property" || base.kind === "congestion" || base.kind === "obstruction"
          ? 2
          : 3;
    const crew = people.responders.get(base.unit_id) ?? [...people.responders.values()].flat();
    const desk = r.pick(people.desk);
    const lead = crew.length ? r.pick(crew) : null;
    const row: Row = {
      id,
      unit_id: base.unit_id,
      unit_path: base.unit_path,
      brigade_id: b.id,
      grid_id: base.grid_id,
      source,
      kind: base.kind,
      priority,
      status: "received",
      caller_name:
        source === "call_122" || source === "transfer_110" || source === "walk_in" ? `${r.pick(SURNAMES)}先生` : null,
      caller_phone:
        source === "call_122" || source === "transfer_110"
          ? `1${r.pick(["38", "39", "58", "82", "87"])}${String(r.int(0, 99_999_999)).padStart(8, "0")}`
          : null,
      lat: base.lat,
      lng: base.lng,
      address: base.address,
      road_name: base.road_name,
      description: r.pick(DESCRIPTIONS[base.kind]),
      received_at: new Date(base.at),
      dispatched_at: null,
      accepted_at: null,
      accepted_by_id: null,
      arrived_at: null,
      arrived_by_id: null,
      handled_at: null,
      handled_by_id: null,
      closed_at: null,
      closed_by_id: null,
      outcome: null,
      feedback_reached: null,
      feedback_satisfied: null,
      cancelled_at: null,
      cancelled_by_id: null,
      cancel_reason: null,
      recorded_by_id: source === "system" ? null : source === "patrol" && lead ? lead : desk,
      external_ref: `demo:${period.key}:incident:${stream}`,
    };
    incidents.push(row);
    // A duplicate call now and then: cancelled within minutes, nobody sent.
    if (r.chance(0.02)) {
      const at = base.at + r.int(2, 8) * MIN;
      if (at <= notAfter)
        Object.assign(row, {
          status: "cancelled",
          cancelled_at: new Date(at),
          cancelled_by_id: desk,
          cancel_reason: "重复报警",
        });
      return id;
    }
    // Complaints and questions are often settled on the phone (remote handling, no dispatch).
    const remote = (base.kind === "complaint" || base.kind === "other") && r.chance(0.5);
    let t = base.at;
    const step = (minMin: number, maxMin: number) => (t += Math.round((minMin + r.next() * (maxMin - minMin)) * MIN));
    const close = () => {
      step(20, remote ? 60 : 150);
      if (t > notAfter) return;
      const reached = r.chance(0.86);
      Object.assign(row, {
        status: "closed",
        closed_at: new Date(t),
        closed_by_id: desk,
        outcome: r.pick(OUTCOMES[base.kind]),
        feedback_reached: reached,
        feedback_satisfied: reached ? r.chance(0.96) : null,
      });
    };
    if (remote || !lead) return (close(), id);
    // Dispatch: usually within 1–4 minutes of the call, sometimes longer at night.
    step(0.5, r.chance(0.85) ? 4 : 12);
    if (t > notAfter) return id;
    const sent = [lead, ...(crew.length > 1 && r.chance(0.4) ? [r.pick(crew.filter((c) => c !== lead))] : [])];
    const dispatch: DispatchRow = {
      id: uuidFrom(r),
      incident_id: id,
      unit_path: base.unit_path,
      brigade_id: b.id,
      user_ids: `{${sent.join(",")}}`,
      dispatched_at: new Date(t),
      dispatched_by_id: desk,
      ended_at: null,
      end_reason: null,
      ended_by_id: null,
    };
    dispatches.push(dispatch);
    Object.assign(row, { status: "dispatched", dispatched_at: new Date(t) });
    step(0.3, 2.5);
    if (t > notAfter) return id;
    Object.assign(row, { status: "accepted", accepted_at: new Date(t), accepted_by_id: lead });
    step(base.rural ? 8 : 4, base.rural ? 35 : 15);
    if (t > notAfter) return id;
    Object.assign(row, { status: "on_scene", arrived_at: new Date(t), arrived_by_id: lead });
    step(10, base.kind.startsWith("accident") ? 70 : 40);
    if (t > notAfter) return id;
    Object.assign(row, { status: "handled", handled_at: new Date(t), handled_by_id: lead });
    close();
    if (row.status === "closed")
      Object.assign(dispatch, { ended_at: row.closed_at, end_reason: "closed", ended_by_id: desk });
    return id;
  };

  for (const a of accidents) {
    if (!new Rng(`${period.key}:called:${a.id}`).chance(0.8)) continue;
    const squad = b.squads.find((s) => s.id === a.unit_id);
    const id = add(`a:${a.id}`, {
      unit_id: a.unit_id,
      unit_path: a.unit_path,
      grid_id: a.grid_id,
      kind: a.deaths + a.injured > 0 ? "accident_injury" : "accident_property",
      // Called in 1–8 minutes after it happened.
      at: a.occurred_at.getTime() + new Rng(`${period.key}:delay:${a.id}`).int(1, 8) * MIN,
      lat: a.lat,
      lng: a.lng,
      address: a.address,
      road_name: a.road_name,
      rural: squad?.rural ?? true,
    });
    if (id) links.push([a.id, id]);
  }
  const [lo, hi] = opts.perDay ?? [4, 9];
  for (const day of daysBetween(period.from, period.to)) {
    for (let i = r.int(lo, hi); i > 0; i--) {
      const q = new Rng(`${period.key}:other:${day}:${i}`);
      const squad = q.pick(b.squads);
      const p = squad.sampler.sample(q);
      // Daytime mostly, peaks at rush hours.
      const hour = q.weighted([
        [7, 8],
        [8, 10],
        [9, 6],
        [10, 5],
        [11, 5],
        [12, 4],
        [13, 4],
        [14, 4],
        [15, 5],
        [16, 6],
        [17, 9],
        [18, 8],
        [19, 5],
        [20, 4],
        [21, 3],
        [22, 2],
        [23, 1],
        [0, 1],
        [2, 1],
        [5, 1],
      ] as const);
      add(`o:${day}:${i}`, {
        unit_id: squad.id,
        unit_path: squad.path,
        grid_id: b.gridAt(p),
        kind: q.weighted(OTHER_KINDS),
        at: instant(day, hour * 60 + q.int(0, 59)).getTime(),
        lat: p.lat,
        lng: p.lng,
        address: p.label,
        road_name: null,
        rural: squad.rural,
      });
    }
  }
  return { incidents, dispatches, links };
}
