/** The public hall board: its live events and its state carry ticket numbers, windows and counts only. */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_CHANNEL } from "@/lib/realtime/events";
import { boardState } from "@/lib/window/board";
import { createTransaction } from "@/lib/window/create-transaction";
import { callNext, issueTicket } from "@/lib/window/tickets";
import { actorFor } from "../setup/actors";
import { seedWindowData, txInput, validId } from "./window-helpers";

let listener: pg.Client;
const events: { topic: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await seedWindowData();
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (m) => events.push(JSON.parse(m.payload!)));
  await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
});
afterAll(() => listener?.end());

describe("hall board", () => {
  it("events and state never carry names, ID numbers, plates, businesses or clerks", async () => {
    const clerk = await actorFor("zy-clerk");
    const t = await issueTicket({
      actor: clerk,
      input: { category: "new_registration_car", hall: "522625-H1", appointment: false, urgent: false },
    });
    const called = await callNext({ actor: clerk, input: { hall: "522625-H1", window: 1 } });
    expect(called?.id).toBe(t.id);
    await createTransaction({
      actor: clerk,
      input: txInput({
        ticketId: t.id,
        window: undefined,
        applicantName: "隐私测试",
        applicantIdNumber: validId("52262519850312123"),
        plate: "贵H54321",
        business: "new_registration_car",
        payment: "pos",
      }),
    });
    await new Promise((r) => setTimeout(r, 300));

    const board = events.filter((e) => e.topic === "window.board");
    expect(board.length).toBe(3); // issued, called, completed
    for (const e of board)
      expect(Object.keys(e.data).sort()).toEqual(["call", "hallId", "kind", "left", "waiting", "waitingByLetter"]);
    expect(board[1].data.call).toEqual({ number: t.number, window: 1, at: expect.any(String) });
    // The completed ticket leaves its window: the board clears the window and its headline.
    expect(board[2].data.left).toEqual({ number: t.number, window: 1 });
    const everything = JSON.stringify(events) + JSON.stringify(await boardState("522625"));
    for (const secret of [
      "隐私测试",
      "522625198503121235",
      "贵H54321",
      "new_registration_car",
      clerk.userId!,
      "龙晓燕",
    ])
      expect(everything).not.toContain(secret);
  });
});
