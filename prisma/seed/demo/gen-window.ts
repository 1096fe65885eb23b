/**
 * Vehicle-administration window records for one plan: completed business exactly per
 * report category, returned and refused applications, outreach trips with their
 * transactions, difficult cases, ratings (and the complaints dissatisfied ones open),
 * and queue tickets for hall business.
 */
import type { Pool } from "pg";
import { daysBetween, instant, isHoliday } from "./calendar";
import type { BrigadeContext } from "./context";
import { idNumber, personName, plate } from "./people";
import type { WindowPlan } from "./plans";
import { allocate, type Rng } from "./rng";
import { uuidFrom } from "./ids";
import { COMPLAINT_COLUMNS as BASE_COMPLAINT_COLUMNS } from "@/lib/window/evaluate-transaction";

export interface WindowContext {
  hall: { id: string; hours: Map<number, [number, number]>; counters: string[] } | null;
  businesses: { key: string; category: string; letter: string; minutes: number; fee: number }[];
  clerks: string[];
  servicePoints: string[];
  ownerId: string | null;
}

export async function loadWindowContext(pool: Pool, b: BrigadeContext): Promise<WindowContext> {
  const { rows: halls } = await pool.query(
    `SELECT id FROM window_halls WHERE unit_id = $1 AND active ORDER BY sort_order, code LIMIT 1`,
    [b.id],
  );
  let hall: WindowContext["hall"] = null;
  if (halls[0]) {
    const { rows: hours } = await pool.query(
      `SELECT weekday, opens_min, closes_min FROM window_hall_hours WHERE hall_id = $1`,
      [halls[0].id],
    );
    const { rows: counters } = await pool.query(
      `SELECT id FROM window_counters WHERE hall_id = $1 AND active ORDER BY number`,
      [halls[0].id],
    );
    hall = {
      id: halls[0].id,
      hours: new Map(hours.map((h) => [h.weekday, [h.opens_min, h.closes_min]])),
      counters: counters.map((c) => c.id),
    };
  }
  const { rows: businesses } = await pool.query(
    `SELECT key, category_key, ticket_letter, expected_minutes, fee_yuan FROM window_businesses WHERE active ORDER BY sort_order`,
  );
  const { rows: clerks } = await pool.query(
    `SELECT u.id FROM users u JOIN units x ON x.id = u.unit_id WHERE u.role = 'CLERK' AND x.path LIKE $1 ORDER BY u.username`,
    [b.path + "%"],
  );
  const { rows: points } = await pool.query(`SELECT id FROM window_service_points WHERE unit_id = $1 ORDER BY name`, [
    b.id,
  ]);
  const { rows: owners } = await pool.query(
    `SELECT u.id FROM users u WHERE u.role = 'COMMANDER' AND u.unit_id = $1 ORDER BY u.username LIMIT 1`,
    [b.id],
  );
  return {
    hall,
    businesses: businesses.map((x) => ({
      key: x.key,
      category: x.category_key,
      letter: x.ticket_letter,
      minutes: x.expected_minutes,
      fee: x.fee_yuan,
    })),
    clerks: clerks.map((c) => c.id),
    servicePoints: points.map((p) => p.id),
    ownerId: owners[0]?.id ?? null,
  };
}

const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

export interface WindowRows {
  trips: Record<string, unknown>[];
  tickets: Record<string, unknown>[];
  transactions: Record<string, unknown>[];
  evaluations: Record<string, unknown>[];
  complaints: Record<string, unknown>[];
  sequences: Map<string, { hallId: string; day: string; letter: string; seq: number }>;
}

export function generateWindow(
  b: BrigadeContext,
  w: WindowContext,
  plan: WindowPlan,
  period: { from: string; to: string; key: string },
  r: Rng,
  opts: { openFrom?: string } = {},
): WindowRows {
  const out: WindowRows = {
    trips: [],
    tickets: [],
    transactions: [],
    evaluations: [],
    complaints: [],
    sequences: new Map(),
  };
  const unit = { unit_id: b.id, unit_path: b.path, brigade_id: b.id };
  const days = daysBetween(period.from, period.to);
  const openDays = w.hall ? days.filter((d) => w.hall!.hours.has(isoWeekday(d)) && !isHoliday(d)) : [];
  if (openDays.length === 0) return out;

  // Outreach trips (送考下乡): licence business in remote townships.
  const tripDays = r
    .sample(openDays.length, Math.min(plan.outreach.trips, openDays.length))
    .sort((a, c) => a - c)
    .map((i) => openDays[i]);
  const trips = tripDays.map((day, i) => {
    const candidates = r.int(30, 60);
    const row = {
      id: uuidFrom(r),
      ...unit,
      trip_date: day,
      township: plan.outreach.townships[i % plan.outreach.townships.length],
      venue: "集镇广场（演示）",
      exam_sessions: r.int(1, 3),
      candidates,
      passed: candidates - r.int(2, 8),
      notes: "流动车管所送考下乡（演示数据）",
      external_ref: `demo:${period.key}:trip:${i + 1}`,
    };
    out.trips.push(row);
    return row;
  });

  const byBusiness = (category: string) => w.businesses.filter((x) => x.category === category);
  const tripCategories = new Set([
    "motorcycle_licence_issued",
    "licence_review",
    "inspection_exemption_and_motorcycle_inspection",
    "new_registration_motorcycle",
  ]);
  let seq = 0;
  const tripPool = Object.entries(plan.byCategory)
    .filter(([c]) => tripCategories.has(c))
    .reduce((x, [, n]) => x + n, 0);
  const tripShare = tripPool ? Math.min(1, (trips.length * plan.outreach.perTrip) / tripPool) : 0;

  const emit = (category: string, result: "done" | "returned" | "refused", dayHint?: string) => {
    const biz = r.pick(byBusiness(category).length ? byBusiness(category) : w.businesses);
    let channel: string = "hall";
    let trip: (typeof trips)[number] | null = null;
    if (result === "done" && trips.length && tripCategories.has(category) && r.chance(tripShare)) {
      trip = r.pick(trips);
      channel = "outreach";
    } else {
      const x = r.next();
      const c = plan.channels;
      if (x < c.police_station) channel = "police_station";
      else if (x < c.police_station + c.service_point && w.servicePoints.length) channel = "service_point";
      else if (x < c.police_station + c.service_point + c.online) channel = "online";
    }
    const day = trip ? (trip.trip_date as string) : (dayHint ?? r.pick(openDays));
    const [opens, closes] = w.hall!.hours.get(isoWeekday(day)) ?? [510, 1050];
    const afterHours = channel === "hall" && r.chance(0.015);
    const start = afterHours
      ? closes - r.int(5, 20)
      : opens +
        Math.floor(
          (closes - opens - biz.minutes) *
            r.weighted([
              [0.15, 3],
              [0.3, 4],
              [0.5, 2],
              [0.7, 4],
              [0.9, 2],
            ] as const) +
            r.int(-20, 20),
        );
    const minutes = Math.max(3, Math.round(biz.minutes * (0.6 + 0.8 * r.next()) + (afterHours ? 15 : 0)));
    const startedAt = instant(day, Math.max(opens, Math.min(start, closes + 30)), r.int(0, 59));
    const completedAt = new Date(startedAt.getTime() + minutes * 60_000);
    const id = uuidFrom(r);
    const fee = result === "done" ? biz.fee : 0;
    const counter = channel === "hall" && w.hall!.counters.length ? r.pick(w.hall!.counters) : null;
    const clerk = w.clerks.length
      ? (w.clerks[w.hall!.counters.indexOf(counter ?? "") % w.clerks.length] ?? r.pick(w.clerks))
      : null;
    const open = opts.openFrom && day >= opts.openFrom;
    const tx: Record<string, unknown> = {
      id,
      ...unit,
      hall_id: channel === "hall" ? w.hall!.id : null,
      counter_id: counter,
      ticket_id: null,
      business_key: biz.key,
      category_key: biz.category,
      channel,
      clerk_id: clerk,
      applicant_name: personName(r),
      applicant_id_number: idNumber(r, b.region),
      plate: category.includes("registration") || category.startsWith("plate") ? plate(r, b.platePrefix) : null,
      fee_yuan: fee,
      payment:
        fee > 0
          ? r.weighted([
              ["pos", 0.45],
              ["epay", 0.5],
              ["cash", 0.05],
            ] as const)
          : "none",
      started_at: startedAt,
      completed_at: completedAt,
      result,
      missing_documents:
        result === "returned" ? r.pick(["身份证明原件", "机动车登记证书", "体检证明", "保险凭证"]) : null,
      follow_up_due:
        result === "returned" ? new Date(completedAt.getTime() + 7 * 86400_000).toISOString().slice(0, 10) : null,
      follow_up_done_at:
        result === "returned" && !open ? new Date(completedAt.getTime() + r.int(1, 6) * 86400_000) : null,
      refusal_reason: result === "refused" ? "不符合办理条件（演示）" : null,
      difficult: false,
      difficult_resolved: false,
      difficult_resolution: null,
      outreach_trip_id: trip?.id ?? null,
      service_point_id: channel === "service_point" ? r.pick(w.servicePoints) : null,
      external_ref: `demo:${period.key}:w:${String(++seq).padStart(6, "0")}`,
    };
    out.transactions.push(tx);

    if (plan.tickets && channel === "hall") {
      const key = `${w.hall!.id}|${day}|${biz.letter}`;
      const s = out.sequences.get(key) ?? { hallId: w.hall!.id, day, letter: biz.letter, seq: 0 };
      s.seq++;
      out.sequences.set(key, s);
      const calledAt = new Date(startedAt.getTime() - r.int(20, 90) * 1000);
      const ticketId = uuidFrom(r);
      tx.ticket_id = ticketId;
      out.tickets.push({
        id: ticketId,
        ...unit,
        hall_id: w.hall!.id,
        business_key: biz.key,
        letter: biz.letter,
        seq: s.seq,
        number: `${biz.letter}${String(s.seq).padStart(3, "0")}`,
        service_day: day,
        status: "done",
        appointment: r.chance(0.08),
        urgent: r.chance(0.02),
        issued_at: new Date(calledAt.getTime() - r.int(2, 35) * 60_000),
        called_at: calledAt,
        started_at: startedAt,
        completed_at: completedAt,
        no_show_at: null,
        call_count: 1,
        counter_id: counter,
        called_by_id: clerk,
      });
    }

    if (result === "done" && r.chance(plan.ratedShare)) {
      const rating = r.chance(plan.dissatisfiedShare) ? "dissatisfied" : r.chance(0.025) ? "basic" : "satisfied";
      const evaluationId = uuidFrom(r);
      out.evaluations.push({
        id: evaluationId,
        transaction_id: id,
        ...unit,
        clerk_id: clerk,
        business_key: biz.key,
        rating,
        comment: rating === "dissatisfied" ? r.pick(["等候时间太长", "窗口解释不清楚"]) : null,
        evaluated_at: new Date(completedAt.getTime() + 30_000),
      });
      if (rating === "dissatisfied") {
        const closed = !open;
        out.complaints.push({
          id: uuidFrom(r),
          ...unit,
          transaction_id: id,
          evaluation_id: evaluationId,
          clerk_id: clerk,
          source: "evaluation",
          summary: "群众评价不满意（演示）",
          owner_id: w.ownerId,
          due_date: new Date(completedAt.getTime() + 7 * 86400_000).toISOString().slice(0, 10),
          status: closed ? "closed" : "open",
          closing_note: closed ? "已回访群众并整改（演示）" : null,
          closed_at: closed ? new Date(completedAt.getTime() + 3 * 86400_000) : null,
          opened_at: new Date(completedAt.getTime() + 30_000),
        });
      }
    }
    return tx;
  };

  // Completed business, exactly per category, on open days weighted by season and weekday.
  const weights = openDays.map(
    (d) => (isoWeekday(d) === 1 ? 1.25 : isoWeekday(d) === 6 ? 0.45 : 1) * (0.85 + 0.3 * r.next()),
  );
  for (const [category, n] of Object.entries(plan.byCategory)) {
    const perDay = allocate(n, weights);
    openDays.forEach((day, i) => {
      for (let k = 0; k < perDay[i]; k++) emit(category, "done", day);
    });
  }
  const categories = Object.keys(plan.byCategory);
  for (let i = 0; i < plan.returned; i++) emit(r.pick(categories), "returned");
  for (let i = 0; i < plan.refused; i++) emit(r.pick(categories), "refused");

  // Difficult cases (疑难): exactly so many resolved, the rest still open.
  const done = out.transactions.filter((t) => t.result === "done");
  const pick = r.sample(done.length, Math.min(done.length, plan.difficultResolved + plan.difficultOpen));
  pick.forEach((idx, k) => {
    const t = done[idx];
    t.difficult = true;
    if (k < plan.difficultResolved) {
      t.difficult_resolved = true;
      t.difficult_resolution =
        r.pick([
          "跨省档案协调调取后办结",
          "历史遗留车辆档案更正后办结",
          "协调保险公司补录后办结",
          "联系原籍车管所核实后办结",
        ]) + "（演示）";
    }
  });
  return out;
}

export const TRANSACTION_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "hall_id",
  "counter_id",
  "ticket_id",
  "business_key",
  "category_key",
  "channel",
  "clerk_id",
  "applicant_name",
  "applicant_id_number",
  "plate",
  "fee_yuan",
  "payment",
  "started_at",
  "completed_at",
  "result",
  "missing_documents",
  "follow_up_due",
  "follow_up_done_at",
  "refusal_reason",
  "difficult",
  "difficult_resolved",
  "difficult_resolution",
  "outreach_trip_id",
  "service_point_id",
  "external_ref",
];
export const TRIP_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "trip_date",
  "township",
  "venue",
  "exam_sessions",
  "candidates",
  "passed",
  "notes",
  "external_ref",
];
export const TICKET_COLUMNS = [
  "id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "hall_id",
  "business_key",
  "letter",
  "seq",
  "number",
  "service_day",
  "status",
  "appointment",
  "urgent",
  "issued_at",
  "called_at",
  "started_at",
  "completed_at",
  "no_show_at",
  "call_count",
  "counter_id",
  "called_by_id",
];
export { EVALUATION_COLUMNS } from "@/lib/window/evaluate-transaction";
/** A demo complaint: the import's columns, its fixed id and a closed one's outcome. */
export const COMPLAINT_COLUMNS = ["id", ...BASE_COMPLAINT_COLUMNS, "status", "closing_note", "closed_at"];
