import { apiRoute } from "@/lib/api/route";
import { minutesToHhmm } from "@/lib/window/catalogue";
import { listHallsForSettings } from "@/lib/window/manage-halls";

/** GET /api/v1/window/halls — halls in scope with their windows and opening hours. */
export const GET = apiRoute({ permission: "window.view" }, async ({ actor }) => ({
  items: (await listHallsForSettings(actor)).map((h) => ({
    id: h.id,
    code: h.code,
    nameZh: h.nameZh,
    nameEn: h.nameEn,
    address: h.address,
    active: h.active,
    windows: h.counters.map((c) => ({ number: c.number, label: c.label, letters: c.letters, active: c.active })),
    hours: h.hours.map((x) => ({
      weekday: x.weekday,
      opens: minutesToHhmm(x.opensMin),
      closes: minutesToHhmm(x.closesMin),
    })),
  })),
}));
