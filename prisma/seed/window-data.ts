/**
 * Demo data of the window domain: the business catalogue (with the eleven reported
 * categories as keys), the Zhenyuan and Yinjiang halls, and Yinjiang's 17 police–
 * insurance service points (one per township; village names and partners are demo data).
 * Fees are typical values for the demo; each brigade edits its own schedule.
 */
import type { CategoryKey } from "@/lib/window/catalogue";

export interface BusinessSeed {
  key: string;
  category: CategoryKey;
  zh: string;
  en: string;
  letter: "A" | "B" | "C" | "D";
  minutes: number;
  fee: number;
}

// A = vehicles 机动车, B = driving licences 驾驶证, C = inspection 检验, D = other / enquiries.
export const BUSINESSES: BusinessSeed[] = [
  {
    key: "new_registration_car",
    category: "new_registration_car",
    zh: "汽车注册登记（大中小型）",
    en: "New registration – cars (large/medium/small)",
    letter: "A",
    minutes: 20,
    fee: 110,
  },
  {
    key: "new_registration_motorcycle",
    category: "new_registration_motorcycle",
    zh: "摩托车注册登记（二三轮）",
    en: "New registration – motorcycles (two/three-wheel)",
    letter: "A",
    minutes: 15,
    fee: 45,
  },
  {
    key: "plate_reissue_vehicle_licence_renewal",
    category: "plate_reissue_vehicle_licence_renewal",
    zh: "补牌、换证（号牌、行驶证）",
    en: "Plate re-issue & vehicle licence renewal",
    letter: "A",
    minutes: 10,
    fee: 10,
  },
  {
    key: "vehicle_deregistration_change_mortgage_tempplate_correction",
    category: "vehicle_deregistration_change_mortgage_tempplate_correction",
    zh: "注销、变更、抵押/解押、临时号牌、档案更正",
    en: "Deregistration, change, mortgage/release, temporary plates, record correction",
    letter: "A",
    minutes: 15,
    fee: 0,
  },
  {
    key: "licence_review",
    category: "licence_review",
    zh: "驾驶证审验",
    en: "Driving licence review",
    letter: "B",
    minutes: 10,
    fee: 0,
  },
  {
    key: "motorcycle_licence_issued",
    category: "motorcycle_licence_issued",
    zh: "摩托车驾驶证核发",
    en: "Motorcycle driving licence issued",
    letter: "B",
    minutes: 10,
    fee: 10,
  },
  {
    key: "c1_c2_licence_issued",
    category: "c1_c2_licence_issued",
    zh: "C1/C2 驾驶证核发",
    en: "C1/C2 driving licence issued",
    letter: "B",
    minutes: 10,
    fee: 10,
  },
  {
    key: "licence_replacement",
    category: "licence_replacement",
    zh: "驾驶证补换证",
    en: "Driving licence replacement/renewal",
    letter: "B",
    minutes: 10,
    fee: 10,
  },
  {
    key: "full_score_study_cancel_restore_transfer_probation",
    category: "full_score_study_cancel_restore_transfer_probation",
    zh: "满分学习考试、注销恢复、转入、实习期考试及注销",
    en: "Full-score study & exam, cancel/restore, transfer-in, probation exam & cancellation",
    letter: "B",
    minutes: 15,
    fee: 0,
  },
  {
    key: "inspection_exemption_and_motorcycle_inspection",
    category: "inspection_exemption_and_motorcycle_inspection",
    zh: "6 年免检、摩托车审验",
    en: "6-year inspection exemption & motorcycle inspection",
    letter: "C",
    minutes: 8,
    fee: 0,
  },
  { key: "other", category: "other", zh: "其他业务", en: "Other business", letter: "D", minutes: 10, fee: 0 },
  // Finer kinds, each counted in one of the categories above.
  {
    key: "temporary_plate",
    category: "vehicle_deregistration_change_mortgage_tempplate_correction",
    zh: "临时号牌",
    en: "Temporary plate",
    letter: "A",
    minutes: 8,
    fee: 5,
  },
  {
    key: "mortgage_registration",
    category: "vehicle_deregistration_change_mortgage_tempplate_correction",
    zh: "抵押/解除抵押登记",
    en: "Mortgage / release registration",
    letter: "A",
    minutes: 12,
    fee: 0,
  },
  {
    key: "vehicle_deregistration",
    category: "vehicle_deregistration_change_mortgage_tempplate_correction",
    zh: "机动车注销登记",
    en: "Vehicle deregistration",
    letter: "A",
    minutes: 12,
    fee: 0,
  },
  {
    key: "used_car_transfer",
    category: "other",
    zh: "二手车转移登记",
    en: "Used-car transfer registration",
    letter: "A",
    minutes: 20,
    fee: 10,
  },
  {
    key: "ebike_registration",
    category: "other",
    zh: "电动自行车登记上牌",
    en: "E-bike registration",
    letter: "A",
    minutes: 8,
    fee: 0,
  },
  {
    key: "plate_reissue",
    category: "plate_reissue_vehicle_licence_renewal",
    zh: "补领号牌",
    en: "Plate re-issue",
    letter: "A",
    minutes: 10,
    fee: 100,
  },
  {
    key: "licence_expiry_renewal",
    category: "licence_replacement",
    zh: "驾驶证期满换证",
    en: "Licence renewal on expiry",
    letter: "B",
    minutes: 10,
    fee: 10,
  },
  {
    key: "licence_transfer_in",
    category: "full_score_study_cancel_restore_transfer_probation",
    zh: "驾驶证转入",
    en: "Licence transfer-in",
    letter: "B",
    minutes: 15,
    fee: 10,
  },
  {
    key: "exam_booking",
    category: "other",
    zh: "驾驶人考试预约",
    en: "Driving exam booking",
    letter: "B",
    minutes: 5,
    fee: 0,
  },
  {
    key: "motorcycle_inspection",
    category: "inspection_exemption_and_motorcycle_inspection",
    zh: "摩托车审验",
    en: "Motorcycle inspection",
    letter: "C",
    minutes: 8,
    fee: 0,
  },
  { key: "enquiry", category: "other", zh: "业务咨询", en: "Enquiry", letter: "D", minutes: 5, fee: 0 },
];

export interface HallSeed {
  code: string;
  unit: string;
  zh: string;
  en: string;
  address: string;
  windows: number;
  /** [weekday 1–7, "08:30", "17:30"] */
  hours: [number, string, string][];
}

const weekdays = (opens: string, closes: string): [number, string, string][] =>
  [1, 2, 3, 4, 5].map((d) => [d, opens, closes]);

export const HALLS: HallSeed[] = [
  {
    code: "522625-H1",
    unit: "522625",
    zh: "镇远县车管所业务大厅",
    en: "Zhenyuan VMO service hall",
    address: "镇远县舞阳镇（演示地址）",
    windows: 4,
    hours: weekdays("08:30", "17:30"),
  },
  // 6 windows (article 002); Saturday mornings for 错时办.
  {
    code: "520626-H1",
    unit: "520626",
    zh: "印江自治县车管所业务大厅",
    en: "Yinjiang VMO service hall",
    address: "印江自治县峨岭街道（演示地址）",
    windows: 6,
    hours: [...weekdays("08:30", "17:30"), [6, "09:00", "12:00"]],
  },
];

/** [township, village, partner] — one point per township of Yinjiang (demo names). */
export const YINJIANG_SERVICE_POINTS: [string, string, string][] = [
  ["峨岭街道", "城北社区", "人保财险印江支公司"],
  ["龙津街道", "龙津社区", "人保财险印江支公司"],
  ["中兴街道", "中兴社区", "平安财险印江营销服务部"],
  ["板溪镇", "凯望村", "人保财险印江支公司"],
  ["沙子坡镇", "沙子坡村", "太平洋财险印江营销服务部"],
  ["天堂镇", "天堂村", "人保财险印江支公司"],
  ["木黄镇", "木黄村", "平安财险印江营销服务部"],
  ["合水镇", "合水村", "人保财险印江支公司"],
  ["朗溪镇", "朗溪村", "太平洋财险印江营销服务部"],
  ["缠溪镇", "缠溪村", "人保财险印江支公司"],
  ["洋溪镇", "洋溪村", "平安财险印江营销服务部"],
  ["新寨镇", "新寨村", "人保财险印江支公司"],
  ["杉树镇", "杉树村", "太平洋财险印江营销服务部"],
  ["刀坝镇", "刀坝村", "人保财险印江支公司"],
  ["紫薇镇", "团龙村", "平安财险印江营销服务部"],
  ["罗场乡", "罗场村", "人保财险印江支公司"],
  ["杨柳乡", "杨柳村", "太平洋财险印江营销服务部"],
];

/** Extra demo clerks (password TrafficOps-demo-2026), so several windows can be staffed. */
export const WINDOW_CLERKS = [
  { username: "zy-clerk2", displayName: "杨丽", unit: "522625", badge: "522625007" },
  { username: "yj-clerk2", displayName: "冉敏", unit: "520626", badge: "520626003" },
  { username: "yj-clerk3", displayName: "田军", unit: "520626", badge: "520626004" },
];
