/** Rosterable demo people per squad (deterministic usernames, password TrafficOps-demo-2026). */
const SURNAMES = [
  "杨",
  "吴",
  "龙",
  "潘",
  "石",
  "张",
  "刘",
  "王",
  "李",
  "陈",
  "罗",
  "邰",
  "田",
  "姚",
  "胡",
  "赵",
  "周",
  "黄",
  "欧",
  "向",
];
const GIVEN = [
  "建国",
  "志强",
  "明辉",
  "海波",
  "小东",
  "文军",
  "光荣",
  "永平",
  "德胜",
  "晓峰",
  "俊杰",
  "国华",
  "世超",
  "金平",
  "家兴",
  "秀英",
  "玉兰",
  "丽萍",
  "春燕",
  "正勇",
  "荣华",
  "鹏",
  "磊",
  "婷",
];

/** Rosterable people per squad: officers (路警) and auxiliaries (路员). */
export const DUTY_STAFF: { unit: string; prefix: string; officers: number; auxiliaries: number }[] = [
  { unit: "522625-01", prefix: "zy01", officers: 6, auxiliaries: 12 },
  { unit: "522625-02", prefix: "zy02", officers: 3, auxiliaries: 6 },
  { unit: "522625-03", prefix: "zy03", officers: 3, auxiliaries: 6 },
  { unit: "522625-04", prefix: "zy04", officers: 3, auxiliaries: 6 },
  { unit: "522625-05", prefix: "zy05", officers: 5, auxiliaries: 10 },
  { unit: "500235-01", prefix: "yy01", officers: 5, auxiliaries: 10 },
];

export function staffList() {
  const out: {
    username: string;
    displayName: string;
    role: "OFFICER" | "AUXILIARY";
    unit: string;
    badge: string;
    phone: string;
  }[] = [];
  let n = 0;
  for (const s of DUTY_STAFF) {
    const digits = s.unit.replace("-", "");
    for (const [role, count, tag] of [
      ["OFFICER", s.officers, "officer"],
      ["AUXILIARY", s.auxiliaries, "aux"],
    ] as const) {
      for (let i = 1; i <= count; i++, n++) {
        out.push({
          username: `${s.prefix}-${tag}${i}`,
          displayName: SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 5 + 3) % GIVEN.length],
          role,
          unit: s.unit,
          badge: `${role === "OFFICER" ? "J" : "F"}${digits}${String(i).padStart(2, "0")}`,
          phone: `1398${digits.slice(2, 6)}${String(100 + n).slice(-3)}`,
        });
      }
    }
  }
  return out;
}
