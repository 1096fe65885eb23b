/**
 * Demo geometry for grid duty — APPROXIMATE, drawn by hand inside the county outlines
 * (prisma/seed/geo) to look like the articles' places, not surveyed. Every grid and squad
 * outline is labelled as demo data on screen.
 *
 *  - Zhenyuan (522625): the county town 舞阳镇 (urban squad 01) cut into six grids along
 *    its rough street lines; the four rural area squads (02–05) as larger grids; the
 *    ~40 km "death road" from 舞阳镇东关 east to 青溪镇五里牌 with its must-reach points.
 *  - Yunyang (500235): five grids of 双江街道 named after the article's streets.
 */
type P = [number, number];
export type Ring = P[];

/** Sutherland–Hodgman clip of a (convex) ring by an axis-aligned box (±Infinity allowed). */
export function clipRing(ring: Ring, [x0, y0, x1, y1]: [number, number, number, number]): Ring {
  let out = ring.slice(0, -1);
  const edges: [(p: P) => boolean, (a: P, b: P) => P][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
  }
  const r = out.map(([x, y]) => [Math.round(x * 1e8) / 1e8, Math.round(y * 1e8) / 1e8] as P);
  return [...r, r[0]];
}

const I = Infinity;

/** The axis-aligned box from (x0, y0) to (x1, y1) as a closed ring, counter-clockwise from its south-west corner. */
function box(x0: number, y0: number, x1: number, y1: number): Ring {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** A named street of a grid, as a polyline. */
const street = (grid: string, name: string, ...line: P[]): DemoSegment => ({ grid, name, line });

// --- Zhenyuan ---------------------------------------------------------------------------

/** 舞阳镇 county town, the urban squad's area. */
export const ZY_TOWN: Ring = box(108.395, 27.035, 108.455, 27.065);

/** Rural area squads' outlines (convex, inside the county). */
export const ZY_SQUADS: Record<string, { ring: Ring; hole?: Ring }> = {
  // 蕉溪片区 (蕉溪、羊坪、舞阳): around the town, which is the urban squad's
  "522625-05": {
    ring: [
      [108.33, 26.975],
      [108.53, 26.975],
      [108.585, 27.04],
      [108.585, 27.095],
      [108.55, 27.125],
      [108.33, 27.125],
      [108.33, 26.975],
    ],
    hole: ZY_TOWN,
  },
  // 青溪片区 (青溪、涌溪、江古): east
  "522625-02": {
    ring: [
      [108.59, 27.04],
      [108.63, 27.075],
      [108.79, 27.095],
      [108.845, 27.125],
      [108.835, 27.148],
      [108.66, 27.144],
      [108.62, 27.15],
      [108.56, 27.128],
      [108.59, 27.095],
      [108.59, 27.04],
    ],
  },
  // 羊场片区 (羊场、都坪、大地): south
  "522625-03": {
    ring: [
      [108.3, 26.965],
      [108.52, 26.965],
      [108.535, 26.91],
      [108.51, 26.865],
      [108.47, 26.895],
      [108.44, 26.93],
      [108.42, 26.948],
      [108.3, 26.957],
      [108.3, 26.965],
    ],
  },
  // 金堡片区 (金堡、报京、尚寨): north-west
  "522625-04": {
    ring: [
      [108.29, 27.135],
      [108.545, 27.135],
      [108.6, 27.165],
      [108.6, 27.19],
      [108.48, 27.24],
      [108.43, 27.3],
      [108.3, 27.3],
      [108.27, 27.28],
      [108.28, 27.2],
      [108.29, 27.135],
    ],
  },
};

// Town lattice: columns × rows of shared vertices, interior ones nudged to follow the
// streets' rough lines (the Wuyang river runs west–east through the town).
const XS = [108.395, 108.4155, 108.4348, 108.455];
const YS = [27.035, 27.0508, 27.065];
const NUDGE: Record<string, P> = { "1,1": [0.0012, -0.0009], "2,1": [-0.001, 0.0011] };
const v = (i: number, j: number): P => {
  const [dx, dy] = NUDGE[`${i},${j}`] ?? [0, 0];
  return [Math.round((XS[i] + dx) * 1e6) / 1e6, Math.round((YS[j] + dy) * 1e6) / 1e6];
};
const cell = (i: number, j: number): Ring => [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1), v(i, j)];

export interface DemoGrid {
  squad: string;
  name: string;
  kind: "urban" | "rural" | "highway";
  rings: Ring[];
  drivers: number;
  roadKm: number;
  difficulty: number;
  availablePolice: number;
}

const sq = (code: string) => ZY_SQUADS[code].ring;

export const ZY_GRIDS: DemoGrid[] = [
  {
    squad: "522625-01",
    name: "城西·火车站网格",
    kind: "urban",
    rings: [cell(0, 0)],
    drivers: 5200,
    roadKm: 1.8,
    difficulty: 4,
    availablePolice: 1,
  },
  {
    squad: "522625-01",
    name: "古城·兴隆街网格",
    kind: "urban",
    rings: [cell(1, 0)],
    drivers: 6100,
    roadKm: 1.6,
    difficulty: 5,
    availablePolice: 1,
  },
  {
    squad: "522625-01",
    name: "东关网格",
    kind: "urban",
    rings: [cell(2, 0)],
    drivers: 4800,
    roadKm: 1.5,
    difficulty: 4,
    availablePolice: 1,
  },
  {
    squad: "522625-01",
    name: "北大街网格",
    kind: "urban",
    rings: [cell(0, 1)],
    drivers: 4300,
    roadKm: 1.7,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-01",
    name: "新中街·县府网格",
    kind: "urban",
    rings: [cell(1, 1)],
    drivers: 5600,
    roadKm: 1.9,
    difficulty: 4,
    availablePolice: 1,
  },
  {
    squad: "522625-01",
    name: "卫城·新区网格",
    kind: "urban",
    rings: [cell(2, 1)],
    drivers: 4000,
    roadKm: 1.5,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-05",
    name: "蕉溪网格",
    kind: "rural",
    rings: [clipRing(sq("522625-05"), [-I, -I, 108.395, I])],
    drivers: 6800,
    roadKm: 96,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-05",
    name: "舞阳南郊网格",
    kind: "rural",
    rings: [clipRing(sq("522625-05"), [108.395, -I, 108.455, 27.035])],
    drivers: 3900,
    roadKm: 41,
    difficulty: 2,
    availablePolice: 1,
  },
  {
    squad: "522625-05",
    name: "舞阳北郊网格",
    kind: "rural",
    rings: [clipRing(sq("522625-05"), [108.395, 27.065, 108.455, I])],
    drivers: 3500,
    roadKm: 38,
    difficulty: 2,
    availablePolice: 1,
  },
  {
    squad: "522625-05",
    name: "羊坪网格",
    kind: "rural",
    rings: [clipRing(sq("522625-05"), [108.455, -I, I, I])],
    drivers: 5100,
    roadKm: 83,
    difficulty: 4,
    availablePolice: 1,
  },
  {
    squad: "522625-02",
    name: "青溪网格",
    kind: "rural",
    rings: [clipRing(sq("522625-02"), [-I, -I, 108.7, I])],
    drivers: 5900,
    roadKm: 112,
    difficulty: 5,
    availablePolice: 2,
  },
  {
    squad: "522625-02",
    name: "涌溪·江古网格",
    kind: "rural",
    rings: [clipRing(sq("522625-02"), [108.7, -I, I, I])],
    drivers: 4200,
    roadKm: 135,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-03",
    name: "都坪网格",
    kind: "rural",
    rings: [clipRing(sq("522625-03"), [-I, -I, 108.45, I])],
    drivers: 4700,
    roadKm: 104,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-03",
    name: "羊场·大地网格",
    kind: "rural",
    rings: [clipRing(sq("522625-03"), [108.45, -I, I, I])],
    drivers: 5300,
    roadKm: 121,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-04",
    name: "金堡网格",
    kind: "rural",
    rings: [clipRing(sq("522625-04"), [-I, -I, 108.42, I])],
    drivers: 6200,
    roadKm: 143,
    difficulty: 3,
    availablePolice: 1,
  },
  {
    squad: "522625-04",
    name: "报京·尚寨网格",
    kind: "rural",
    rings: [clipRing(sq("522625-04"), [108.42, -I, I, I])],
    drivers: 5600,
    roadKm: 128,
    difficulty: 4,
    availablePolice: 1,
  },
];

/**
 * The "death road" 舞阳镇东关 → 青溪镇五里牌: the chord's waypoints with a deterministic
 * wiggle of the river valley, ≈ 40 km of road.
 */
const ROAD_WAYPOINTS: P[] = [
  [108.452, 27.052],
  [108.47, 27.058],
  [108.49, 27.07],
  [108.505, 27.066],
  [108.52, 27.078],
  [108.54, 27.083],
  [108.555, 27.095],
  [108.57, 27.092],
  [108.585, 27.104],
  [108.6, 27.11],
  [108.615, 27.118],
  [108.63, 27.122],
];
export function deathRoad(): P[] {
  const out: P[] = [];
  for (let i = 0; i < ROAD_WAYPOINTS.length - 1; i++) {
    const [a, b] = [ROAD_WAYPOINTS[i], ROAD_WAYPOINTS[i + 1]];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len = Math.hypot(dx, dy);
    const [nx, ny] = [-dy / len, dx / len];
    for (let k = 0; k < 8; k++) {
      const t = k / 8;
      // Switchbacks along the valley: two harmonics with a phase and size that vary by leg.
      const w =
        (Math.sin(t * Math.PI * 2 + i) * 0.006 + Math.sin(t * Math.PI * 4 + i * 1.7) * 0.0035) *
        (0.6 + ((i * 37) % 10) / 12);
      out.push([Math.round((a[0] + dx * t + nx * w) * 1e6) / 1e6, Math.round((a[1] + dy * t + ny * w) * 1e6) / 1e6]);
    }
  }
  out.push(ROAD_WAYPOINTS[ROAD_WAYPOINTS.length - 1]);
  return out;
}

export interface DemoSegment {
  grid: string;
  name: string;
  line: P[];
  chief?: string;
}
export interface DemoPoint {
  grid: string;
  name: string;
  at: P;
  radiusM: number;
  windows?: { from: string; to: string }[];
}

export const ZY_SEGMENTS: DemoSegment[] = [
  { grid: "羊坪网格", name: "舞阳镇东关—青溪镇五里牌（“死亡公路”）", line: deathRoad(), chief: "zy05-officer1" },
  street("古城·兴隆街网格", "兴隆街", [108.417, 27.043], [108.424, 27.0445], [108.433, 27.0442]),
  street("新中街·县府网格", "新中街", [108.418, 27.055], [108.426, 27.0565], [108.433, 27.058]),
  street("北大街网格", "北大街", [108.398, 27.052], [108.405, 27.057], [108.413, 27.061]),
  street("城西·火车站网格", "火车站路", [108.397, 27.038], [108.404, 27.042], [108.413, 27.046]),
  street("东关网格", "东关大道", [108.437, 27.041], [108.445, 27.046], [108.453, 27.05]),
];

export const ZY_POINTS: DemoPoint[] = [
  // Along the death road (the segment belongs to 羊坪网格; 五里牌 lies just over the line in 青溪).
  { grid: "羊坪网格", name: "东关出城路口", at: [108.457, 27.053], radiusM: 150 },
  { grid: "羊坪网格", name: "两路口弯道", at: [108.505, 27.066], radiusM: 150 },
  { grid: "羊坪网格", name: "羊坪路口", at: [108.555, 27.095], radiusM: 150 },
  { grid: "羊坪网格", name: "青溪镇五里牌", at: [108.63, 27.122], radiusM: 150 },
  { grid: "青溪网格", name: "青溪集市", at: [108.65, 27.115], radiusM: 200 },
  {
    grid: "古城·兴隆街网格",
    name: "兴隆街口",
    at: [108.424, 27.0445],
    radiusM: 80,
    windows: [
      { from: "07:00", to: "09:00" },
      { from: "17:00", to: "19:00" },
    ],
  },
  { grid: "城西·火车站网格", name: "火车站广场", at: [108.404, 27.042], radiusM: 100 },
  {
    grid: "新中街·县府网格",
    name: "镇远一中校门",
    at: [108.428, 27.0575],
    radiusM: 80,
    windows: [
      { from: "07:00", to: "08:30" },
      { from: "16:30", to: "18:00" },
    ],
  },
  { grid: "东关网格", name: "东关车站", at: [108.445, 27.046], radiusM: 100 },
  { grid: "蕉溪网格", name: "蕉溪集市", at: [108.36, 27.05], radiusM: 200 },
  { grid: "羊场·大地网格", name: "羊场集市", at: [108.49, 26.925], radiusM: 200 },
  { grid: "金堡网格", name: "金堡集市", at: [108.36, 27.2], radiusM: 200 },
];

// --- Yunyang 双江街道 ---------------------------------------------------------------------

/** The street squad's area: the county town along the Yangtze (approximate). */
export const YY_AREA: Ring = box(108.675, 30.925, 108.715, 30.95);
const yx = [108.675, 108.683, 108.691, 108.699, 108.707, 108.715];
export const YY_GRIDS: DemoGrid[] = ["大雁路网格", "青龙路网格", "杏花路网格", "杏湾路网格", "云江大道网格"].map(
  (name, i) => ({
    squad: "500235-01",
    name,
    kind: "urban" as const,
    rings: [box(yx[i], 30.925, yx[i + 1], 30.95)],
    drivers: 7000 + i * 400,
    roadKm: 2.2 + i * 0.3,
    difficulty: i === 0 ? 5 : 4,
    availablePolice: 1,
  }),
);
export const YY_SEGMENTS: DemoSegment[] = [
  street("大雁路网格", "大雁路", [108.677, 30.93], [108.679, 30.938], [108.681, 30.946]),
  street("云江大道网格", "云江大道（检察院—爱家广场）", [108.708, 30.928], [108.711, 30.937], [108.713, 30.947]),
];
export const YY_POINTS: DemoPoint[] = [
  { grid: "大雁路网格", name: "大雁路口", at: [108.679, 30.938], radiusM: 80 },
  { grid: "杏花路网格", name: "群益广场", at: [108.695, 30.94], radiusM: 100 },
];
