/** Demo drivers, applicants and vehicles: plausible, valid-format, fictional. */
import { idCardCheckChar } from "@/lib/identity/id-card";
import type { Rng } from "./rng";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林潘龙邰田安吴杨姚石向冉舒谢".split("");
const GIVEN = "伟芳娜敏静强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红兰文斌波辉宇浩鑫凤丽金玉春燕晓飞龙云".split("");

export function personName(r: Rng): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : "");
}

/** A valid 18-character ID-card number registered in the given county. */
export function idNumber(r: Rng, region: string, minYear = 1958, maxYear = 2004): string {
  const y = r.int(minYear, maxYear);
  const m = r.int(1, 12);
  const d = r.int(1, 28);
  const first17 = `${region}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(r.int(0, 999)).padStart(3, "0")}`;
  return first17 + idCardCheckChar(first17);
}

const PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("");

/** An ordinary plate of the local authority, e.g. 贵H3K7A2; new-energy when asked. */
export function plate(r: Rng, prefix: string, newEnergy = false): string {
  if (newEnergy)
    return `${prefix}${r.pick(["D", "F"])}${r.pick(PLATE_LETTERS)}${String(r.int(0, 9999)).padStart(4, "0")}`;
  let s = "";
  for (let i = 0; i < 5; i++) s += r.chance(0.25) ? r.pick(PLATE_LETTERS) : String(r.int(0, 9));
  return prefix + s;
}

export function licenceNumber(idNo: string): string {
  // The driving licence number is the holder's ID-card number in China.
  return idNo;
}
