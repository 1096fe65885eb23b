/** Everything the generators need to know about a brigade, loaded once. */
import type { Pool } from "pg";
import { areaFromGeoJson, type Area } from "@/lib/geo/geometry";
import { AreaSampler } from "./places";
import { DEMO_UNITS } from "../units";
import { buildGridIndex } from "@/lib/duty/grid-index";

export interface SquadInfo {
  id: string;
  code: string;
  path: string;
  rural: boolean;
  nameZh: string;
  sampler: AreaSampler;
  marketOffset: number;
}

export interface TypeInfo {
  key: string;
  fineMin: number;
  fineMax: number;
  points: number;
  serious: boolean;
}

export interface BrigadeContext {
  id: string;
  code: string;
  path: string;
  nameZh: string;
  countyZh: string;
  platePrefix: string;
  region: string;
  squads: SquadInfo[];
  types: Map<string, TypeInfo>;
  /** The death road as [lng, lat] points, when the duty data has it (Zhenyuan), and its squad. */
  deathRoad: number[][] | null;
  deathRoadSquad: string | null;
  /**
   * Grid lookup from the duty domain, when grids exist. Takes the point itself: two bare numbers
   * were once passed as (lat, lng) and put almost every demo record outside every grid.
   */
  gridAt: (p: { lng: number; lat: number }) => string | null;
}

const LOCAL: Record<string, { platePrefix: string; countyZh: string }> = {
  "522625": { platePrefix: "贵H", countyZh: "镇远县" },
  "520626": { platePrefix: "贵D", countyZh: "印江县" },
  "500235": { platePrefix: "渝F", countyZh: "云阳县" },
};

async function tableExists(pool: Pool, name: string) {
  const { rows } = await pool.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [name]);
  return rows[0].ok as boolean;
}

export async function loadBrigade(pool: Pool, code: string): Promise<BrigadeContext> {
  const {
    rows: [b],
  } = await pool.query(`SELECT id, code, path, name_zh, outline FROM units WHERE code = $1`, [code]);
  if (!b) throw new Error(`demo: brigade ${code} missing (seed the units first)`);
  const { rows: squadRows } = await pool.query(
    `SELECT id, code, path, name_zh, squad_kind, outline FROM units WHERE parent_id = $1 AND kind = 'SQUAD' AND code = ANY($2) ORDER BY code`,
    // Only the demo's own squads: a squad someone adds later must not move where (and so
    // when) the generator puts records, or a rerun would not recognise them.
    [b.id, DEMO_UNITS.map((u) => u.code)],
  );
  const brigadeArea = areaFromGeoJson(b.outline);
  const hasGrids = await tableExists(pool, "grids");
  const squads: SquadInfo[] = [];
  for (const [i, s] of squadRows.entries()) {
    let areas: { area: Area; label: string; weight?: number }[] = [];
    if (hasGrids) {
      const { rows: grids } = await pool.query(
        `SELECT name, geometry FROM grids WHERE unit_id = $1 AND archived_at IS NULL`,
        [s.id],
      );
      areas = grids.map((g) => ({ area: areaFromGeoJson(g.geometry), label: g.name }));
    }
    if (areas.length === 0 && s.outline) areas = [{ area: areaFromGeoJson(s.outline), label: s.name_zh }];
    if (areas.length === 0) areas = [{ area: brigadeArea, label: b.name_zh }];
    squads.push({
      id: s.id,
      code: s.code,
      path: s.path,
      nameZh: s.name_zh,
      rural: s.squad_kind !== "URBAN",
      sampler: new AreaSampler(areas),
      marketOffset: i,
    });
  }
  if (squads.length === 0) {
    squads.push({
      id: b.id,
      code: b.code,
      path: b.path,
      nameZh: b.name_zh,
      rural: true,
      sampler: new AreaSampler([{ area: brigadeArea, label: b.name_zh }]),
      marketOffset: 0,
    });
  }
  const { rows: typeRows } = await pool.query(
    `SELECT key, fine_min_yuan, fine_max_yuan, points, serious FROM violation_types`,
  );
  const types = new Map<string, TypeInfo>(
    typeRows.map((t) => [
      t.key,
      { key: t.key, fineMin: t.fine_min_yuan, fineMax: t.fine_max_yuan, points: t.points, serious: t.serious },
    ]),
  );

  let deathRoad: number[][] | null = null;
  let deathRoadSquad: string | null = null;
  if (code === "522625" && (await tableExists(pool, "road_segments"))) {
    const { rows } = await pool.query(
      `SELECT r.geometry, u.code FROM road_segments r JOIN grids g ON g.id = r.grid_id JOIN units u ON u.id = g.unit_id
        WHERE r.name LIKE '%东关%五里牌%' LIMIT 1`,
    );
    deathRoad = rows[0]?.geometry?.coordinates ?? null;
    deathRoadSquad = rows[0]?.code ?? null;
  }
  let gridAt: BrigadeContext["gridAt"] = () => null;
  if (hasGrids) {
    const { rows: gridRows } = await pool.query(
      `SELECT id, geometry, bbox FROM grids WHERE brigade_id = $1 AND archived_at IS NULL`,
      [b.id],
    );
    const index = buildGridIndex(gridRows.map((g) => ({ id: g.id, geometry: g.geometry as Area, bbox: g.bbox })));
    gridAt = (p) => index.at(p.lng, p.lat);
  }
  const local = LOCAL[code] ?? { platePrefix: "贵A", countyZh: b.name_zh };
  return {
    id: b.id,
    code: b.code,
    path: b.path,
    nameZh: b.name_zh,
    region: code.slice(0, 6),
    ...local,
    squads,
    types,
    deathRoad,
    deathRoadSquad,
    gridAt,
  };
}
