/**
 * Deterministic synthetic violation rows as CSV (benchmarks and load tests; not demo data).
 * Half the rows carry a camera's externalRef, half rely on the content-derived one; points
 * fall around Zhenyuan (some outside the county outline, which places them by unit).
 */
import fs from "node:fs";
import { once } from "node:events";

export const CSV_COLUMNS = [
  "occurredAt",
  "lat",
  "lng",
  "address",
  "roadName",
  "plate",
  "plateColor",
  "vehicleType",
  "type",
  "source",
  "driverName",
  "driverIdNumber",
  "fineYuan",
  "points",
  "licenceSeized",
  "detentionDays",
  "externalRef",
] as const;

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [type, weight, fine, points, vehicle]
const TYPES: [string, number, number | "", number | "", string][] = [
  ["illegal_parking", 30, 100, "", "small_car"],
  ["no_helmet", 12, 50, 1, "motorcycle"],
  ["speeding_under_20", 10, 100, 3, "small_car"],
  ["speeding_20_50", 5, 200, 6, "small_car"],
  ["no_seat_belt", 8, 50, 1, "small_car"],
  ["red_light", 6, 200, 6, "small_car"],
  ["wrong_way", 4, 100, 3, "small_car"],
  ["ebike_no_helmet", 8, 20, "", "e_bike"],
  ["truck_overload", 2, 500, 3, "heavy_truck"],
  ["unlicensed_driving", 2, 1000, "", "motorcycle"],
  ["drink_driving", 1, 1500, 12, "small_car"],
  ["other", 12, "", "", "small_car"],
];
const WEIGHT = TYPES.reduce((s, t) => s + t[1], 0);
const ROADS = ["舞阳大道", "顺城路", "新中街", "S308", "G320", "青溪镇五里牌路段", "东关大桥"];
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idCard(rnd: () => number): string {
  const birth = `19${60 + Math.floor(rnd() * 40)}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 9)}`;
  const first = `522625${birth}${String(Math.floor(rnd() * 1000)).padStart(3, "0")}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first[i]) * W[i];
  return first + "10X98765432"[s % 11];
}

const csv = (v: string | number) =>
  typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);

/** Writes `rows` rows to `file`; returns the file's size in bytes. */
export async function writeViolationCsv(file: string, rows: number, seed = 2019): Promise<number> {
  const rnd = mulberry32(seed);
  const out = fs.createWriteStream(file);
  out.write(CSV_COLUMNS.join(",") + "\n");
  const start = Date.UTC(2025, 0, 1);
  const span = 300 * 86400_000;
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    let pick = rnd() * WEIGHT;
    let t = TYPES[0];
    for (const x of TYPES)
      if ((pick -= x[1]) < 0) {
        t = x;
        break;
      }
    const at = new Date(start + Math.floor(rnd() * span));
    const lat = (26.85 + rnd() * 0.45).toFixed(5);
    const lng = (108.15 + rnd() * 0.55).toFixed(5);
    const plate = `贵H${LETTERS[Math.floor(rnd() * LETTERS.length)]}${String(Math.floor(rnd() * 10000)).padStart(4, "0")}`;
    const driver = rnd() < 0.2;
    const line = [
      at.toISOString(),
      lat,
      lng,
      "",
      ROADS[Math.floor(rnd() * ROADS.length)],
      plate,
      "blue",
      t[4],
      t[0],
      rnd() < 0.6 ? "camera" : "onsite",
      driver ? "张三" : "",
      driver ? idCard(rnd) : "",
      t[2],
      t[3],
      t[0] === "drink_driving" ? "true" : "",
      "",
      i % 2 === 0 ? `CAM-${seed}-${i}` : "",
    ]
      .map(csv)
      .join(",");
    chunk += line + "\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return fs.statSync(file).size;
}
