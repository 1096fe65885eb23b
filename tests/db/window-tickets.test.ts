/** Queue tickets: numbering under concurrency, calling, no-shows, scope. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { localDate } from "@/lib/time";
import { callNext, callTicket, issueTicket, markNoShow } from "@/lib/window/tickets";
import { issueTicketSchema } from "@/lib/window/schemas";
import { actorFor } from "../setup/actors";
import { errCode, seedWindowData } from "./window-helpers";

beforeAll(seedWindowData);

const issue = (actor: Awaited<ReturnType<typeof actorFor>>, category: string, extra: Record<string, unknown> = {}) =>
  issueTicket({ actor, input: issueTicketSchema.parse({ category, hall: "522625-H1", ...extra }) });

describe("ticket numbers", () => {
  it("20 concurrent issues in one category get 20 distinct, consecutive numbers", async () => {
    const clerk = await actorFor("zy-clerk");
    const tickets = await Promise.all(
      Array.from({ length: 20 }, () => issue(clerk, "inspection_exemption_and_motorcycle_inspection")),
    );
    const seqs = tickets.map((t) => t.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(tickets.map((t) => t.number)).size).toBe(20);
    expect(tickets.map((t) => t.number).sort()[0]).toBe("C001");
    expect(tickets.every((t) => localDate(t.issuedAt) === t.serviceDay.toISOString().slice(0, 10))).toBe(true);
  });

  it("businesses sharing a letter share one sequence; other letters count separately", async () => {
    const clerk = await actorFor("zy-clerk");
    const a1 = await issue(clerk, "new_registration_car");
    const a2 = await issue(clerk, "temporary_plate");
    const b1 = await issue(clerk, "licence_review");
    expect([a1.number, a2.number]).toEqual(["A001", "A002"]);
    expect(b1.number).toBe("B001");
  });

  it("an unknown business or a hall outside scope is refused and writes nothing", async () => {
    const clerk = await actorFor("zy-clerk");
    const before = await db.windowTicket.count();
    await expect(issue(clerk, "no_such_business").catch(errCode)).resolves.toBe("INVALID");
    await expect(
      issueTicket({ actor: clerk, input: issueTicketSchema.parse({ category: "other", hall: "520626-H1" }) }).catch(
        errCode,
      ),
    ).resolves.toBe("INVALID");
    const duty = await actorFor("zy-duty");
    await expect(issue(duty, "other").catch(errCode)).resolves.toBe("FORBIDDEN");
    expect(await db.windowTicket.count()).toBe(before);
  });
});

describe("calling", () => {
  it("calls urgent first, then in order; a window holds one ticket; no-show frees it", async () => {
    const clerk = await actorFor("zy-clerk");
    await db.windowTicket.deleteMany({});
    const d1 = await issue(clerk, "other");
    const d2 = await issue(clerk, "enquiry");
    const urgent = await issue(clerk, "other", { urgent: true });
    const first = await callNext({ actor: clerk, input: { hall: "522625-H1", window: 2 } });
    expect(first?.number).toBe(urgent.number);
    expect(first?.window).toBe(2);
    await expect(callNext({ actor: clerk, input: { hall: "522625-H1", window: 2 } }).catch(errCode)).resolves.toBe(
      "CONFLICT",
    );
    await markNoShow({ actor: clerk, id: first!.id });
    const second = await callNext({ actor: clerk, input: { hall: "522625-H1", window: 2 } });
    expect(second?.number).toBe(d1.number);
    // Recall of the no-show to another window keeps the first call time.
    const recalled = await callTicket({ actor: clerk, id: urgent.id, input: { window: 3 } });
    expect(recalled.calledAt?.getTime()).toBe(first!.calledAt!.getTime());
    expect(recalled.callCount).toBe(2);
    const third = await callNext({ actor: clerk, input: { hall: "522625-H1", window: 4 } });
    expect(third?.number).toBe(d2.number);
    await expect(callNext({ actor: clerk, input: { hall: "522625-H1", window: 1 } })).resolves.toBeNull();
  });

  it("two windows pressing next at once get different tickets", async () => {
    const clerk = await actorFor("zy-clerk");
    await db.windowTicket.deleteMany({});
    await issue(clerk, "other");
    await issue(clerk, "other");
    const [x, y] = await Promise.all(
      [1, 2].map((w) => callNext({ actor: clerk, input: { hall: "522625-H1", window: w } })),
    );
    expect(x && y && x.id !== y.id).toBe(true);
  });

  it("a double press of next on one window calls one ticket", async () => {
    const clerk = await actorFor("zy-clerk");
    await db.windowTicket.deleteMany({});
    await issue(clerk, "other");
    await issue(clerk, "other");
    const results = await Promise.allSettled(
      [1, 2].map(() => callNext({ actor: clerk, input: { hall: "522625-H1", window: 1 } })),
    );
    expect(results.filter((r) => r.status === "fulfilled" && r.value).length).toBe(1);
    expect(await db.windowTicket.count({ where: { status: "called" } })).toBe(1);
  });

  it("a Yinjiang clerk cannot call a Zhenyuan ticket", async () => {
    const zy = await actorFor("zy-clerk");
    const yj = await actorFor("yj-clerk");
    const t = await issue(zy, "other");
    await expect(callTicket({ actor: yj, id: t.id, input: { window: 1 } }).catch(errCode)).resolves.toBe("NOT_FOUND");
    await expect(markNoShow({ actor: yj, id: t.id }).catch(errCode)).resolves.toBe("NOT_FOUND");
    expect((await db.windowTicket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("waiting");
  });
});
