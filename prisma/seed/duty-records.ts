/**
 * A few demo violations and accidents of the last 30 days inside the demo grids, so the
 * risk colours (红黄绿) show something before the records and statistics generators have
 * run. Written only when a brigade has no record of the last 30 days at all, tagged with
 * external_ref "duty-demo-…" so they are easy to find (and remove) later. Grid ids come
 * from the same in-memory index the app uses (lib/duty/grid-index.ts).
 */
import { pointInArea } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { buildGridIndex } from "@/lib/duty/grid-index";
import type { SeedContext } from "./context";

// Only keys the records catalogue also uses; inserted if missing (the catalogue owns them).
const TYPES = [
  { key: "illegal_parking", zh: "违法停车", en: "Illegal parking", serious: false },
  { key: "no_helmet", zh: "驾乘摩托车不戴头盔", en: "Riding without a helmet", serious: false },
  { key: "drink_driving", zh: "饮酒驾驶", en: "Drink driving", serious: true },
  { key: "drunk_driving", zh: "醉酒驾驶", en: "Drunk driving", serious: true },
  { key: "unlicensed_driving", zh: "无证驾驶", en: "Driving without a licence", serious: true },
];

/** Per grid: [ordinary violations, serious violations, injury accidents, fatal accidents]. */
const LOAD: Record<string, [number, number, number, number]> = {
  "古城·兴隆街网格": [28, 10, 3, 1],
  羊坪网格: [20, 16, 2, 1],
  东关网格: [14, 4, 1, 0],
  "城西·火车站网格": [12, 3, 1, 0],
  "新中街·县府网格": [11, 2, 1, 0],
  青溪网格: [9, 4, 1, 0],
  都坪网格: [6, 2, 0, 0],
  北大街网格: [6, 1, 0, 0],
  "卫城·新区网格": [4, 0, 0, 0],
  大雁路网格: [24, 6, 2, 1],
  青龙路网格: [12, 3, 1, 0],
  杏花路网格: [5, 1, 0, 0],
};

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPointIn(area: Area, bbox: readonly number[], rnd: () => number): [number, number] {
  for (let i = 0; i < 200; i++) {
    const x = bbox[0] + (bbox[2] - bbox[0]) * rnd();
    const y = bbox[1] + (bbox[3] - bbox[1]) * rnd();
    if (pointInArea(area, x, y)) return [x, y];
  }
  return [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
}

export async function seedDutyRecords({ db, now }: SeedContext): Promise<number> {
  for (const t of TYPES) {
    await db.$executeRaw`
      INSERT INTO violation_types (key, name_zh, name_en, serious, auxiliary_may_record, updated_at)
      VALUES (${t.key}, ${t.zh}, ${t.en}, ${t.serious}, ${!t.serious}, now()) ON CONFLICT (key) DO NOTHING`;
  }
  let written = 0;
  // Zhenyuan gets record-level demo data from the demo-records step; Yunyang only these.
  for (const brigadeCode of ["500235"]) {
    const brigade = await db.unit.findUniqueOrThrow({ where: { code: brigadeCode }, select: { id: true } });
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const [v, a] = await Promise.all([
      db.violation.count({ where: { brigadeId: brigade.id, occurredAt: { gte: since } } }),
      db.accident.count({ where: { brigadeId: brigade.id, occurredAt: { gte: since } } }),
    ]);
    if (v + a > 0) continue;
    const grids = await db.grid.findMany({
      where: { brigadeId: brigade.id, archivedAt: null },
      select: { id: true, name: true, unitId: true, unitPath: true, geometry: true, bbox: true },
    });
    const index = buildGridIndex(
      grids.map((g) => ({ id: g.id, geometry: g.geometry as unknown as Area, bbox: g.bbox })),
    );
    const rnd = mulberry32(Number(brigadeCode));
    const when = () => new Date(now.getTime() - Math.floor(rnd() * 29 * 86_400_000) - 3600_000);
    const violations: Record<string, unknown>[] = [];
    const accidents: Record<string, unknown>[] = [];
    for (const g of grids) {
      const [ordinary, serious, injury, fatal] = LOAD[g.name] ?? [2, 0, 0, 0];
      // Somewhere in the grid, some time in the last 29 days (a point, then a time, from `rnd`).
      const placed = () => {
        const [lng, lat] = randomPointIn(g.geometry as unknown as Area, g.bbox, rnd);
        return {
          unitId: g.unitId,
          unitPath: g.unitPath,
          brigadeId: brigade.id,
          gridId: index.at(lng, lat),
          occurredAt: when(),
          lat,
          lng,
        };
      };
      for (let i = 0; i < ordinary + serious; i++) {
        const isSerious = i >= ordinary;
        const type = isSerious ? TYPES[2 + (i % 3)] : TYPES[i % 2];
        violations.push({
          ...placed(),
          typeKey: type.key,
          serious: type.serious,
          source: i % 3 ? "camera" : "onsite",
          externalRef: `duty-demo-v-${g.id.slice(-8)}-${i}`,
        });
      }
      for (let i = 0; i < injury + fatal; i++) {
        const deaths = i >= injury ? 1 : 0;
        const injured = deaths ? 1 : 1 + (i % 2);
        accidents.push({
          ...placed(),
          deaths,
          injured,
          severity: deaths ? "fatal" : "injury",
          major: false,
          externalRef: `duty-demo-a-${g.id.slice(-8)}-${i}`,
        });
      }
    }
    await db.violation.createMany({ data: violations as never, skipDuplicates: true });
    await db.accident.createMany({ data: accidents as never, skipDuplicates: true });
    written += violations.length + accidents.length;
  }
  return written;
}
