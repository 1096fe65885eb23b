import fs from "node:fs";
import path from "node:path";
import { areaFromGeoJson, bboxOf } from "@/lib/geo/geometry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SeedContext } from "./context";

type Kind = "PROVINCE" | "DETACHMENT" | "BRIGADE" | "SQUAD";

interface UnitSeed {
  code: string;
  parent: string | null;
  kind: Kind;
  squadKind?: "URBAN" | "RURAL" | "HIGHWAY";
  nameZh: string;
  nameEn: string;
  geo?: string;
}

// The demo organisation. Squads of Zhenyuan follow the article (an urban squad and four
// rural area squads covering 2–4 of the 12 townships each); their township split is demo data.
export const DEMO_UNITS: UnitSeed[] = [
  {
    code: "520000",
    parent: null,
    kind: "PROVINCE",
    nameZh: "贵州省公安厅交通管理局",
    nameEn: "Guizhou Provincial Traffic Management Bureau",
  },
  {
    code: "522600",
    parent: "520000",
    kind: "DETACHMENT",
    nameZh: "黔东南州公安局交通警察支队",
    nameEn: "Qiandongnan Prefecture Traffic Police Detachment",
  },
  {
    code: "522625",
    parent: "522600",
    kind: "BRIGADE",
    nameZh: "镇远县公安局交通警察大队",
    nameEn: "Zhenyuan County Traffic Police Brigade",
    geo: "zhenyuan",
  },
  {
    code: "522625-01",
    parent: "522625",
    kind: "SQUAD",
    squadKind: "URBAN",
    nameZh: "镇远城区交警中队",
    nameEn: "Zhenyuan Urban Squad",
  },
  {
    code: "522625-02",
    parent: "522625",
    kind: "SQUAD",
    squadKind: "RURAL",
    nameZh: "青溪片区交警中队（青溪、涌溪、江古）",
    nameEn: "Qingxi Rural Area Squad",
  },
  {
    code: "522625-03",
    parent: "522625",
    kind: "SQUAD",
    squadKind: "RURAL",
    nameZh: "羊场片区交警中队（羊场、都坪、大地）",
    nameEn: "Yangchang Rural Area Squad",
  },
  {
    code: "522625-04",
    parent: "522625",
    kind: "SQUAD",
    squadKind: "RURAL",
    nameZh: "金堡片区交警中队（金堡、报京、尚寨）",
    nameEn: "Jinbao Rural Area Squad",
  },
  {
    code: "522625-05",
    parent: "522625",
    kind: "SQUAD",
    squadKind: "RURAL",
    nameZh: "蕉溪片区交警中队（蕉溪、羊坪、舞阳）",
    nameEn: "Jiaoxi Rural Area Squad",
  },
  {
    code: "520600",
    parent: "520000",
    kind: "DETACHMENT",
    nameZh: "铜仁市公安局交通警察支队",
    nameEn: "Tongren City Traffic Police Detachment",
  },
  {
    code: "520626",
    parent: "520600",
    kind: "BRIGADE",
    nameZh: "印江自治县公安局交警大队",
    nameEn: "Yinjiang County Traffic Police Brigade",
    geo: "yinjiang",
  },
  {
    code: "520626-01",
    parent: "520626",
    kind: "SQUAD",
    squadKind: "URBAN",
    nameZh: "印江城区交警中队",
    nameEn: "Yinjiang Urban Squad",
  },
  {
    code: "520626-02",
    parent: "520626",
    kind: "SQUAD",
    squadKind: "RURAL",
    nameZh: "刀坝片区交警中队",
    nameEn: "Daoba Rural Area Squad",
  },
  {
    code: "500000",
    parent: null,
    kind: "PROVINCE",
    nameZh: "重庆市公安局交通巡逻警察总队",
    nameEn: "Chongqing Traffic Patrol Police Corps",
  },
  {
    code: "500235",
    parent: "500000",
    kind: "BRIGADE",
    nameZh: "云阳县公安局交巡警大队",
    nameEn: "Yunyang County Traffic Patrol Police Brigade",
    geo: "yunyang",
  },
  {
    code: "500235-01",
    parent: "500235",
    kind: "SQUAD",
    squadKind: "URBAN",
    nameZh: "双江街道交巡警中队",
    nameEn: "Shuangjiang Street Squad",
  },
];

// Yearly profiles from the published figures (../shared/data, docs/domain.md). Only
// what the sources state; unknown figures stay empty rather than invented.
const PROFILES: {
  code: string;
  year: number;
  population?: number;
  roadKm?: number;
  vehicles?: number;
  drivers?: number;
  police?: number;
  auxiliaries?: number;
}[] = [
  {
    code: "520626",
    year: 2024,
    population: 454_600,
    roadKm: 4_702,
    drivers: 112_000,
    vehicles: 100_000,
    police: 18,
    auxiliaries: 100,
  },
  // Zhenyuan county town: 4.5 km², 10 km of urban road, 80,000+ residents, 30,000+ vehicles (2019).
  { code: "522625-01", year: 2019, population: 80_000, roadKm: 10, vehicles: 30_000 },
];

const GEO_DIR = path.join(import.meta.dirname, "geo");

export async function seedUnits({ db, log }: SeedContext) {
  const ids = new Map<string, { id: string; path: string; depth: number }>();
  for (const u of DEMO_UNITS) {
    const parent = u.parent ? ids.get(u.parent) : null;
    if (u.parent && !parent) throw new Error(`seed: parent ${u.parent} of ${u.code} must come first`);
    const unitPath = `${parent?.path ?? "/"}${u.code}/`;
    const outline = u.geo
      ? areaFromGeoJson(JSON.parse(fs.readFileSync(path.join(GEO_DIR, `${u.geo}.geojson`), "utf8")))
      : null;
    const data = {
      parentId: parent?.id ?? null,
      path: unitPath,
      depth: (parent?.depth ?? 0) + 1,
      kind: u.kind,
      squadKind: u.squadKind ?? null,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      ...(outline ? { outline: outline as unknown as Prisma.InputJsonValue, bbox: bboxOf(outline) } : {}),
    };
    const row = await db.unit.upsert({
      where: { code: u.code },
      create: { code: u.code, ...data },
      update: data,
      select: { id: true, path: true, depth: true },
    });
    ids.set(u.code, row);
  }
  for (const p of PROFILES) {
    const unit = ids.get(p.code)!;
    const { code: _c, year, ...figures } = p;
    await db.unitProfile.upsert({
      where: { unitId_year: { unitId: unit.id, year } },
      create: { unitId: unit.id, year, ...figures },
      update: figures,
    });
  }
  log(`units: ${DEMO_UNITS.length} units, ${PROFILES.length} profiles`);
}
