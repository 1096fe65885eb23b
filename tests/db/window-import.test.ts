/** Bulk import of window transactions: exact counts, per-row errors, re-import creates nothing. */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importTransactions } from "@/lib/window/import-transactions";
import { actorFor } from "../setup/actors";
import { errCode, seedWindowData, validId } from "./window-helpers";

beforeAll(seedWindowData);

const ID1 = validId("52262519850312123");
const ID2 = validId("52262519900101456");
const csv = (lines: string[]) =>
  Readable.from([
    [
      "business,channel,hall,window,applicantName,applicantIdNumber,plate,feeYuan,payment,startedAt,completedAt,result,missingDocuments,followUpDue,difficult,difficultResolution,externalRef,clerk,rating,ratingComment",
      ...lines,
    ].join("\n") + "\n",
  ]);

const FILE = [
  `licence_review,hall,522625-H1,1,张三,${ID1},,0,none,2026-11-16T09:00:00+08:00,2026-11-16T09:12:00+08:00,done,,,,,imp-1,zy-clerk,satisfied,`,
  `new_registration_car,hall,522625-H1,2,李四,${ID2},贵H12345,110,pos,2026-11-16T17:20:00+08:00,2026-11-16T17:45:00+08:00,done,,,true,补齐材料后当场办结,imp-2,zy-clerk,dissatisfied,下班后才办完`,
  // bad ID check character
  `licence_review,hall,522625-H1,1,王五,${ID1.slice(0, 17)}0,,0,none,2026-11-16T09:00:00+08:00,2026-11-16T09:10:00+08:00,done,,,,,imp-3,,,`,
  // returned without the follow-up date
  `licence_review,hall,522625-H1,1,赵六,${ID2},,0,none,2026-11-16T09:00:00+08:00,2026-11-16T09:10:00+08:00,returned,身份证明,,,,imp-4,,,`,
  // a Yinjiang hall: outside the importer's scope
  `other,hall,520626-H1,1,钱七,${ID2},,0,none,2026-11-16T09:00:00+08:00,2026-11-16T09:10:00+08:00,done,,,,,imp-5,,,`,
  // no externalRef: one is derived from the content
  `enquiry,online,,,孙八,${ID1},,,,2026-11-16T20:00:00+08:00,2026-11-16T20:05:00+08:00,done,,,,,,,,`,
  // the same externalRef twice in one file with the same content: a duplicate
  `licence_review,hall,522625-H1,1,张三,${ID1},,0,none,2026-11-16T09:00:00+08:00,2026-11-16T09:12:00+08:00,done,,,,,imp-1,zy-clerk,satisfied,`,
];

describe("import transactions", () => {
  it("writes the good rows, lists the bad ones, and a re-import creates nothing", async () => {
    const admin = await actorFor("admin");
    const zyAdmin = { ...admin, unitPath: "/520000/522600/522625/", unitCode: "522625" };
    const report = await importTransactions({ actor: zyAdmin, body: csv(FILE), format: "csv" });
    expect(report).toMatchObject({ received: 7, created: 3, duplicates: 1, rejected: 3 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [4, "applicantIdNumber"],
      [5, "followUpDue"],
      [6, "hall"],
    ]);

    const rows = await db.windowTransaction.findMany({
      where: { unitPath: { startsWith: "/520000/522600/522625/" }, externalRef: { in: ["imp-1", "imp-2"] } },
      orderBy: { externalRef: "asc" },
    });
    expect(rows.map((r) => [r.externalRef, r.afterHours, r.difficultResolved, r.categoryKey])).toEqual([
      ["imp-1", false, false, "licence_review"],
      ["imp-2", true, true, "new_registration_car"],
    ]);
    const clerk = await db.user.findUniqueOrThrow({ where: { username: "zy-clerk" } });
    expect(rows.every((r) => r.clerkId === clerk.id)).toBe(true);
    expect(await db.windowEvaluation.count({ where: { transactionId: { in: rows.map((r) => r.id) } } })).toBe(2);
    const complaint = await db.windowComplaint.findFirstOrThrow({ where: { transactionId: rows[1].id } });
    expect(complaint).toMatchObject({
      status: "open",
      summary: "下班后才办完",
      dueDate: new Date("2026-11-23T00:00:00Z"),
    });
    expect(complaint.ownerId).toBe((await db.user.findUniqueOrThrow({ where: { username: "zy-commander" } })).id);
    expect(await db.windowTransaction.count({ where: { externalRef: { startsWith: "auto-" } } })).toBe(1);

    const again = await importTransactions({ actor: zyAdmin, body: csv(FILE), format: "csv" });
    expect(again).toMatchObject({ received: 7, created: 0, duplicates: 4, rejected: 3 });
    expect(
      await db.windowTransaction.count({
        where: {
          unitPath: { startsWith: "/520000/522600/522625/" },
          completedAt: { gte: new Date("2026-11-16T00:00:00+08:00"), lt: new Date("2026-11-17T00:00:00+08:00") },
        },
      }),
    ).toBe(3);
    expect(await db.windowComplaint.count()).toBe(1);
  });

  it("the same externalRef with different content is refused for that row", async () => {
    const admin = await actorFor("admin");
    const zyAdmin = { ...admin, unitPath: "/520000/522600/522625/", unitCode: "522625" };
    const changed = FILE[0].replace("张三", "张叁");
    const report = await importTransactions({ actor: zyAdmin, body: csv([changed]), format: "csv" });
    expect(report).toMatchObject({ received: 1, created: 0, duplicates: 0, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ line: 2, field: "externalRef" });
  });

  it("reads NDJSON with the same contract", async () => {
    const admin = await actorFor("admin");
    const yjAdmin = { ...admin, unitPath: "/520000/520600/520626/", unitCode: "520626" };
    const body = Readable.from([
      JSON.stringify({
        business: "licence_review",
        hall: "520626-H1",
        applicantName: "安红",
        applicantIdNumber: ID1,
        completedAt: "2026-11-21T11:00:00+08:00",
        externalRef: "nd-1",
      }) +
        "\n" +
        "{not json}\n" +
        JSON.stringify({
          business: "licence_review",
          channel: "outreach",
          outreachTripId: "00000000-0000-7000-8000-000000000000",
          applicantName: "安红",
          applicantIdNumber: ID1,
          completedAt: "2026-11-21T11:00:00+08:00",
        }) +
        "\n",
    ]);
    const report = await importTransactions({ actor: yjAdmin, body, format: "ndjson" });
    expect(report).toMatchObject({ received: 3, created: 1, rejected: 2 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, ""],
      [3, "outreachTripId"],
    ]);
  });

  it("needs the import permission", async () => {
    const clerk = await actorFor("zy-clerk");
    await expect(importTransactions({ actor: clerk, body: csv([]), format: "csv" }).catch(errCode)).resolves.toBe(
      "FORBIDDEN",
    );
  });
});
