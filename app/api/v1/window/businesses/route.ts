import { apiRoute } from "@/lib/api/route";
import { listBusinesses } from "@/lib/window/manage-halls";

/** GET /api/v1/window/businesses — the business catalogue (active kinds). */
export const GET = apiRoute({ permission: "window.view" }, async () => ({
  items: (await listBusinesses({ activeOnly: true })).map((b) => ({
    key: b.key,
    category: b.categoryKey,
    nameZh: b.nameZh,
    nameEn: b.nameEn,
    ticketLetter: b.ticketLetter,
    expectedMinutes: b.expectedMinutes,
    feeYuan: b.feeYuan,
  })),
}));
