import { hashPassword } from "@/lib/auth/password";
import { idCardCheckChar } from "@/lib/identity/id-card";
import { hhmmToMinutes } from "@/lib/window/catalogue";
import type { SeedContext } from "./context";
import { DEMO_PASSWORD } from "./users";
import { BUSINESSES, HALLS, WINDOW_CLERKS, YINJIANG_SERVICE_POINTS } from "./window-data";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const idNumber = (first17: string) => first17 + idCardCheckChar(first17);

/**
 * The window's demo data: catalogue, halls (hours, windows), Yinjiang's service points,
 * extra clerks, and one example outreach trip with a few transactions (January 2025,
 * outside the report years the stats generator fills). Existing rows are left as they
 * are, so edits made in the app survive a re-seed.
 */
export async function seedWindow({ db, log }: SeedContext) {
  for (const [i, b] of BUSINESSES.entries()) {
    await db.windowBusiness.upsert({
      where: { key: b.key },
      create: {
        key: b.key,
        categoryKey: b.category,
        nameZh: b.zh,
        nameEn: b.en,
        ticketLetter: b.letter,
        expectedMinutes: b.minutes,
        feeYuan: b.fee,
        sortOrder: i * 10,
      },
      update: {},
    });
  }

  const units = new Map(
    (await db.unit.findMany({ select: { id: true, code: true, path: true } })).map((u) => [u.code, u]),
  );
  const unit = (code: string) => {
    const u = units.get(code);
    if (!u) throw new Error(`seed: unit ${code} missing`);
    return { unitId: u.id, unitPath: u.path, brigadeId: u.id };
  };

  for (const [i, h] of HALLS.entries()) {
    const hall = await db.windowHall.upsert({
      where: { code: h.code },
      create: { code: h.code, ...unit(h.unit), nameZh: h.zh, nameEn: h.en, address: h.address, sortOrder: i },
      update: {},
    });
    if ((await db.windowHallHours.count({ where: { hallId: hall.id } })) === 0) {
      await db.windowHallHours.createMany({
        data: h.hours.map(([weekday, o, c]) => ({
          hallId: hall.id,
          weekday,
          opensMin: hhmmToMinutes(o)!,
          closesMin: hhmmToMinutes(c)!,
        })),
      });
    }
    await db.windowCounter.createMany({
      data: Array.from({ length: h.windows }, (_, n) => ({ hallId: hall.id, number: n + 1, label: `${n + 1}号窗口` })),
      skipDuplicates: true,
    });
  }

  const yj = unit("520626");
  for (const [i, [township, village, partner]] of YINJIANG_SERVICE_POINTS.entries()) {
    const name = `${township}${village}警保合作服务点`;
    await db.servicePoint.upsert({
      where: { unitId_name: { unitId: yj.unitId, name } },
      create: {
        ...yj,
        name,
        township,
        village,
        partner,
        openedOn: day(`2019-${String((i % 9) + 3).padStart(2, "0")}-15`),
      },
      update: {},
    });
  }

  let hash: string | null = null;
  for (const c of WINDOW_CLERKS) {
    if (await db.user.findUnique({ where: { username: c.username }, select: { id: true } })) continue;
    hash ??= await hashPassword(DEMO_PASSWORD);
    await db.user.create({
      data: {
        username: c.username,
        displayName: c.displayName,
        role: "CLERK",
        unitId: unit(c.unit).unitId,
        badgeNumber: c.badge,
        passwordHash: hash,
      },
    });
  }

  // 流动车管所 in 刀坝镇 (article 002, winter 2025): one example trip with its transactions.
  const trip = await db.outreachTrip.upsert({
    where: { unitId_externalRef: { unitId: yj.unitId, externalRef: "seed-trip-daoba-2025-01" } },
    create: {
      ...yj,
      tripDate: day("2025-01-09"),
      township: "刀坝镇",
      venue: "刀坝镇集镇广场",
      examSessions: 2,
      candidates: 46,
      passed: 41,
      notes: "流动车管所送考下乡，流动驾校同步开班（演示数据）",
      externalRef: "seed-trip-daoba-2025-01",
    },
    update: {},
  });
  const clerk = await db.user.findUnique({ where: { username: "yj-clerk" }, select: { id: true } });
  const examples = [
    {
      ref: "seed-tx-daoba-1",
      business: "motorcycle_licence_issued",
      name: "陈艳",
      id: idNumber("52262619900415032"),
      fee: 10,
      at: "2025-01-09T02:10:00Z",
    },
    {
      ref: "seed-tx-daoba-2",
      business: "inspection_exemption_and_motorcycle_inspection",
      name: "杨华",
      id: idNumber("52262619780903121"),
      fee: 0,
      at: "2025-01-09T03:05:00Z",
    },
    {
      ref: "seed-tx-daoba-3",
      business: "licence_review",
      name: "冉光明",
      id: idNumber("52262619690127081"),
      fee: 0,
      at: "2025-01-09T05:40:00Z",
    },
  ];
  for (const e of examples) {
    const b = BUSINESSES.find((x) => x.key === e.business)!;
    const completedAt = new Date(e.at);
    await db.windowTransaction.upsert({
      where: { unitId_externalRef: { unitId: yj.unitId, externalRef: e.ref } },
      create: {
        ...yj,
        businessKey: b.key,
        categoryKey: b.category,
        channel: "outreach",
        outreachTripId: trip.id,
        clerkId: clerk?.id ?? null,
        applicantName: e.name,
        applicantIdNumber: e.id,
        feeYuan: e.fee,
        payment: e.fee > 0 ? "epay" : "none",
        startedAt: new Date(completedAt.getTime() - 9 * 60_000),
        completedAt,
        result: "done",
        externalRef: e.ref,
      },
      update: {},
    });
  }
  log(
    `window: ${BUSINESSES.length} businesses, ${HALLS.length} halls, ${YINJIANG_SERVICE_POINTS.length} service points, ${WINDOW_CLERKS.length} extra clerks`,
  );
}
