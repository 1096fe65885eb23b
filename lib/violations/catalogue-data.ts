/**
 * The violation catalogue (违法类型) as shipped: every type the source articles name, with
 * the keys ../shared/data/report-zhenyuan-2019.json counts. Fines follow the Road Traffic
 * Safety Law (道路交通安全法, arts. 89–99: 20–200 yuan for most offences, 200–2,000 for the
 * grave ones, 2,000–5,000 for fake plates), points the 2022 scoring rules (机动车驾驶证申领
 * 和使用规定, 1/3/6/9/12). Where the law gives a range by degree (speeding, overloading),
 * the usual default is shown; the officer can set the actual figure within the range.
 * Admins edit the live catalogue (Administration → Catalogue); this list only seeds it.
 */
export interface CatalogueEntry {
  key: string;
  nameZh: string;
  nameEn: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  points: number;
  serious: boolean;
  auxiliaryMayRecord: boolean;
  licenceAction: "none" | "seize" | "revoke";
  maxDetentionDays: number;
}

type Row = [
  key: string,
  zh: string,
  en: string,
  min: number,
  max: number,
  points: number,
  serious: boolean,
  aux: boolean,
  licence?: "none" | "seize" | "revoke",
  detention?: number,
];

const ROWS: Row[] = [
  // Drink and drugs (酒驾醉驾): Zhenyuan counts them; Liaocheng's Fri/Sat night checks.
  ["drink_driving", "饮酒后驾驶机动车", "Driving after drinking", 1000, 2000, 12, true, false, "seize", 10],
  [
    "drink_driving_commercial",
    "饮酒后驾驶营运机动车",
    "Driving a commercial vehicle after drinking",
    5000,
    5000,
    12,
    true,
    false,
    "revoke",
    15,
  ],
  // Drunk driving is a crime (危险驾驶罪): the licence is revoked, the court sets the fine.
  ["drunk_driving", "醉酒驾驶机动车", "Drunk driving", 0, 0, 12, true, false, "revoke", 0],
  // Speeding by degree (Zhenyuan's "death road": 20+ a day over 50%).
  ["speeding_under_20", "超速未达20%", "Speeding by less than 20%", 20, 200, 3, false, false],
  ["speeding_20_50", "超速20%以上未达50%", "Speeding by 20–50%", 20, 200, 6, true, false],
  ["speeding_over_50", "超速50%以上", "Speeding by more than 50%", 200, 2000, 12, true, false, "revoke"],
  ["red_light", "驾驶机动车违反交通信号灯通行（闯红灯）", "Running a red light", 20, 200, 6, true, false],
  ["wrong_way", "逆向行驶", "Driving the wrong way", 20, 200, 3, true, false],
  [
    "not_yielding_pedestrians",
    "机动车不礼让行人（斑马线）",
    "Not yielding to pedestrians at a crossing",
    20,
    200,
    3,
    true,
    false,
  ],
  ["fatigue_driving", "疲劳驾驶", "Fatigue driving", 20, 200, 3, true, false],
  ["phone_while_driving", "驾驶时拨打接听手持电话", "Using a hand-held phone while driving", 20, 200, 3, false, false],
  ["no_seat_belt", "未按规定使用安全带", "Not wearing a seat belt", 20, 200, 1, false, true],
  ["no_helmet", "驾驶摩托车未按规定戴安全头盔", "Riding a motorcycle without a helmet", 20, 200, 1, false, true],
  [
    "unlicensed_driving",
    "无证驾驶（未取得机动车驾驶证）",
    "Driving without a licence",
    200,
    2000,
    0,
    true,
    false,
    "none",
    15,
  ],
  // Overloading: coaches (客车超员), rural vans (农村面包车), trucks (超载超限).
  ["coach_passenger_overload", "客车超员", "Coach carrying more passengers than allowed", 200, 2000, 6, true, false],
  [
    "passenger_car_overload",
    "面包车等小型客车超员",
    "Van or small bus carrying too many passengers",
    200,
    500,
    3,
    true,
    false,
  ],
  ["truck_overload", "货车超载超限", "Truck overloaded or oversize", 200, 2000, 3, true, false],
  // Liaocheng's key violation types.
  ["load_spillage", "车辆抛洒遗漏", "Load spillage", 20, 200, 1, false, true],
  [
    "muck_truck_violation",
    "渣土车违法（未密闭、冒装、违规路线）",
    "Muck-truck violation (uncovered, overfilled, off route)",
    200,
    2000,
    0,
    false,
    false,
  ],
  ["concrete_mixer_violation", "混凝土搅拌车违法", "Concrete-mixer violation", 200, 2000, 0, false, false],
  [
    "hazmat_transport_violation",
    "危险化学品运输车辆违法",
    "Hazardous-chemicals transport violation",
    200,
    2000,
    6,
    true,
    false,
  ],
  [
    "overdue_inspection",
    "驾驶逾期未检验的机动车",
    "Driving a vehicle overdue for inspection",
    20,
    200,
    3,
    false,
    false,
  ],
  ["illegal_modification", "擅自改装机动车", "Illegal vehicle modification", 20, 500, 0, false, false],
  // Plates (假牌套牌).
  [
    "fake_plate",
    "使用伪造、变造或他人机动车号牌（假牌套牌）",
    "Fake or cloned plate",
    2000,
    5000,
    12,
    true,
    false,
    "none",
    15,
  ],
  ["no_plate", "未悬挂或故意遮挡、污损号牌", "No plate, or plate covered or defaced", 20, 200, 9, true, false],
  // Parking and stopping (Yunyang's disorderly parking; Shandong highway: illegal stops).
  ["illegal_parking", "违反规定停放车辆（违法停车）", "Illegal parking", 20, 200, 0, false, true],
  ["highway_illegal_stop", "在高速公路违法停车", "Illegal stop on an expressway", 20, 200, 9, true, false],
  // Non-motor vehicles and pedestrians (e-bikes in Liaocheng; pedestrians on Shandong expressways).
  ["ebike_no_helmet", "驾驶电动自行车未戴安全头盔", "Riding an e-bike without a helmet", 5, 50, 0, false, true],
  [
    "ebike_violation",
    "电动自行车违法（闯红灯、逆行、违法载人）",
    "E-bike violation (red light, wrong way, passengers)",
    5,
    50,
    0,
    false,
    true,
  ],
  [
    "low_speed_vehicle_violation",
    "低速三四轮车违法",
    "Low-speed three/four-wheeler violation",
    20,
    200,
    0,
    false,
    false,
  ],
  ["pedestrian_red_light", "行人闯红灯", "Pedestrian crossing against a red light", 5, 50, 0, false, true],
  ["pedestrian_on_expressway", "行人进入高速公路", "Pedestrian on an expressway", 5, 50, 0, false, true],
  ["other", "其他违法行为", "Other violation", 0, 2000, 0, false, true],
];

export const VIOLATION_CATALOGUE: CatalogueEntry[] = ROWS.map(
  ([
    key,
    nameZh,
    nameEn,
    fineMinYuan,
    fineMaxYuan,
    points,
    serious,
    auxiliaryMayRecord,
    licenceAction = "none",
    maxDetentionDays = 0,
  ]) => ({
    key,
    nameZh,
    nameEn,
    fineMinYuan,
    fineMaxYuan,
    points,
    serious,
    auxiliaryMayRecord,
    licenceAction,
    maxDetentionDays,
  }),
);
