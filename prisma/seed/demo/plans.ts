/**
 * What the demo data set contains, per brigade and year. Published figures (docs/domain.md,
 * ../shared/data/*.json) are reproduced exactly; everything the sources do not state is a
 * plausible demo assumption, marked as such. The report engine knows none of this: it
 * only counts records.
 */

export interface ViolationPlan {
  total: number;
  /** Exact counts for these types; the remainder is spread over `otherMix`. */
  byType: Record<string, number>;
  otherMix: Record<string, number>;
  /** Records with administrative detention, drawn from these types (in order of preference). */
  detentions: number;
  detentionTypes: string[];
  /** Records with the licence seized (暂扣), drawn from these types. */
  licencesSeized: number;
  seizeTypes: string[];
}

export interface AccidentPlan {
  total: number;
  fatal: number;
  deaths: number;
  injuryAccidents: number;
  /** Injured people over all accidents (injury accidents have ≥ 1; fatal ones may have some). */
  injured: number;
  /** Accidents with 3+ deaths. */
  major: number;
  /** Fatal accidents on the "death road" segment (Zhenyuan), and the last day one may happen. */
  deathRoadFatal?: number;
  deathRoadFatalUntil?: string;
}

export interface WindowPlan {
  /** Completed transactions (result done) per report category — what the report counts. */
  byCategory: Record<string, number>;
  /** Extra applications returned for documents or refused (not counted as business done). */
  returned: number;
  refused: number;
  /** Share of completed business by channel other than the hall and outreach trips. */
  channels: { police_station: number; service_point: number; online: number };
  outreach: { trips: number; perTrip: number; townships: string[] };
  difficultResolved: number;
  difficultOpen: number;
  ratedShare: number;
  dissatisfiedShare: number;
  /** Queue tickets for hall business (the live window only, to keep the demo small). */
  tickets: boolean;
}

export interface YearPlan {
  key: string;
  brigade: string;
  from: string;
  to: string;
  violations: ViolationPlan;
  accidents: AccidentPlan;
  operations: { campaigns: number; escorts: number };
  window?: WindowPlan;
  /** Road-safety hazards (隐患) found in the period, and how many of them are closed. */
  hazards?: { found: number; closed: number };
  /** Key-vehicle supervision (两客一危一校): findings closed (销号) and actions taken in the period. */
  keyVehicles?: {
    findingsClosed: number;
    findingsOpen: number;
    driversDismissed: number;
    offencesProsecuted: number;
    interviews: number;
    noticeLetters: number;
    inspections: number;
  };
}

// Demo assumption: the mix of the "other" 45,683 Zhenyuan 2019 violations. The death road
// alone saw ~80 violations a day, 20+ of them speeding over 50% (seed 000).
const ZY_OTHER_MIX: Record<string, number> = {
  speeding_over_50: 7_452,
  speeding_20_50: 8_930,
  speeding_under_20: 8_210,
  no_seat_belt: 4_260,
  wrong_way: 1_880,
  phone_while_driving: 1_610,
  overdue_inspection: 2_090,
  ebike_no_helmet: 2_460,
  ebike_violation: 1_640,
  not_yielding_pedestrians: 1_070,
  red_light: 880,
  passenger_car_overload: 790,
  no_plate: 690,
  low_speed_vehicle_violation: 520,
  illegal_modification: 310,
  fatigue_driving: 210,
  pedestrian_red_light: 190,
  load_spillage: 150,
  muck_truck_violation: 120,
  concrete_mixer_violation: 90,
  fake_plate: 40,
  hazmat_transport_violation: 20,
  drink_driving_commercial: 5,
  other: 2_066,
};

const YJ_OTHER_MIX: Record<string, number> = {
  speeding_over_50: 1_900,
  speeding_20_50: 5_100,
  speeding_under_20: 7_900,
  no_seat_belt: 3_900,
  wrong_way: 1_300,
  phone_while_driving: 1_500,
  overdue_inspection: 1_700,
  ebike_no_helmet: 2_900,
  ebike_violation: 1_800,
  not_yielding_pedestrians: 1_200,
  red_light: 1_100,
  passenger_car_overload: 500,
  no_plate: 520,
  low_speed_vehicle_violation: 480,
  illegal_modification: 260,
  fatigue_driving: 160,
  pedestrian_red_light: 240,
  load_spillage: 110,
  muck_truck_violation: 140,
  concrete_mixer_violation: 95,
  fake_plate: 30,
  hazmat_transport_violation: 25,
  other: 1_600,
};

const ZY_2019_WINDOW: Record<string, number> = {
  new_registration_car: 2_299,
  new_registration_motorcycle: 2_666,
  licence_review: 4_220,
  plate_reissue_vehicle_licence_renewal: 1_073,
  motorcycle_licence_issued: 2_078,
  inspection_exemption_and_motorcycle_inspection: 7_020,
  c1_c2_licence_issued: 2_412,
  licence_replacement: 3_935,
  full_score_study_cancel_restore_transfer_probation: 1_940,
  vehicle_deregistration_change_mortgage_tempplate_correction: 2_878,
  other: 216,
};
const scaleMix = (mix: Record<string, number>, f: number) =>
  Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, Math.round(v * f)]));
// Demo assumption: Yinjiang's mix (a larger, more rural county: more motorcycles).
const YJ_WINDOW_MIX: Record<string, number> = {
  new_registration_car: 2_710,
  new_registration_motorcycle: 3_420,
  licence_review: 4_880,
  plate_reissue_vehicle_licence_renewal: 1_350,
  motorcycle_licence_issued: 3_010,
  inspection_exemption_and_motorcycle_inspection: 8_560,
  c1_c2_licence_issued: 2_840,
  licence_replacement: 4_290,
  full_score_study_cancel_restore_transfer_probation: 1_610,
  vehicle_deregistration_change_mortgage_tempplate_correction: 2_470,
  other: 270,
};
const YJ_TOWNSHIPS = [
  "刀坝镇",
  "朗溪镇",
  "杨柳镇",
  "沙子坡镇",
  "合水镇",
  "洋溪镇",
  "新寨镇",
  "天堂镇",
  "木黄镇",
  "缠溪镇",
  "罗场乡",
];
const ZY_WINDOW_BASE = {
  returned: 0,
  refused: 0,
  channels: { police_station: 0.07, service_point: 0, online: 0.03 },
  outreach: { trips: 0, perTrip: 0, townships: [] },
  ratedShare: 0.7,
  dissatisfiedShare: 0.003,
  tickets: false,
};
const YJ_WINDOW_BASE = {
  channels: { police_station: 0.04, service_point: 0.06, online: 0.03 },
  ratedShare: 0.72,
  dissatisfiedShare: 0,
  tickets: false,
};

const DETENTION_TYPES = ["unlicensed_driving", "fake_plate", "no_plate"];
const SEIZE_TYPES = ["drink_driving", "speeding_over_50"];
/** What every year's violation plan of a brigade shares: the "other" mix, and which types detentions and seizures fall on. */
const ZY_VIOLATIONS = { otherMix: ZY_OTHER_MIX, detentionTypes: DETENTION_TYPES, seizeTypes: SEIZE_TYPES };
const YJ_VIOLATIONS = { otherMix: YJ_OTHER_MIX, detentionTypes: DETENTION_TYPES, seizeTypes: SEIZE_TYPES };

export const YEAR_PLANS: YearPlan[] = [
  {
    key: "zy-2018",
    brigade: "522625",
    from: "2018-01-01",
    to: "2018-12-31",
    // Demo assumption: 2018 violations (not published).
    violations: {
      ...ZY_VIOLATIONS,
      total: 55_204,
      byType: {
        drink_driving: 146,
        drunk_driving: 97,
        illegal_parking: 9_310,
        coach_passenger_overload: 14,
        no_helmet: 2_512,
        unlicensed_driving: 461,
        truck_overload: 61,
      },
      detentions: 96,
      licencesSeized: 121,
    },
    // Published through the 2019 YoY percentages (docs/domain.md): 1,457 / 19 / 30 / 106 / 194.
    accidents: {
      total: 1_457,
      fatal: 19,
      deaths: 30,
      injuryAccidents: 106,
      injured: 194,
      major: 0,
      deathRoadFatal: 4,
      deathRoadFatalUntil: "2018-06-30",
    },
    operations: { campaigns: 291, escorts: 58 },
    window: {
      ...ZY_WINDOW_BASE,
      byCategory: scaleMix(ZY_2019_WINDOW, 0.955),
      returned: 790,
      refused: 104,
      difficultResolved: 12,
      difficultOpen: 1,
    },
    hazards: { found: 74, closed: 70 },
    keyVehicles: {
      findingsClosed: 31,
      findingsOpen: 0,
      driversDismissed: 2,
      offencesProsecuted: 1,
      interviews: 6,
      noticeLetters: 12,
      inspections: 9,
    },
  },
  {
    key: "zy-2019",
    brigade: "522625",
    from: "2019-01-01",
    to: "2019-12-31",
    // Published: 58,957 violations and the seven named types, 103 detentions, 113 licences seized.
    violations: {
      ...ZY_VIOLATIONS,
      total: 58_957,
      byType: {
        drink_driving: 135,
        drunk_driving: 90,
        illegal_parking: 9_795,
        coach_passenger_overload: 10,
        no_helmet: 2_758,
        unlicensed_driving: 434,
        truck_overload: 52,
      },
      detentions: 103,
      licencesSeized: 113,
    },
    // Published: 1,503 accidents (+3.16%), fatal 14, deaths 21, injury accidents 72, injured 119; zero deaths on the death road since July 2018.
    accidents: { total: 1_503, fatal: 14, deaths: 21, injuryAccidents: 72, injured: 119, major: 0, deathRoadFatal: 0 },
    operations: { campaigns: 313, escorts: 64 },
    // Published: the eleven business figures (30,737 in all).
    window: {
      ...ZY_WINDOW_BASE,
      byCategory: ZY_2019_WINDOW,
      returned: 812,
      refused: 97,
      difficultResolved: 15,
      difficultOpen: 2,
    },
    hazards: { found: 86, closed: 81 },
    keyVehicles: {
      findingsClosed: 38,
      findingsOpen: 0,
      driversDismissed: 2,
      offencesProsecuted: 2,
      interviews: 7,
      noticeLetters: 14,
      inspections: 11,
    },
  },
  {
    key: "yj-2023",
    brigade: "520626",
    from: "2023-01-01",
    to: "2023-12-31",
    // Demo assumptions; published only: no major accident for 9 years, death rate well below the city average.
    violations: {
      ...YJ_VIOLATIONS,
      total: 41_320,
      byType: {
        drink_driving: 118,
        drunk_driving: 61,
        illegal_parking: 7_420,
        coach_passenger_overload: 6,
        no_helmet: 3_310,
        unlicensed_driving: 298,
        truck_overload: 47,
      },
      detentions: 71,
      licencesSeized: 104,
    },
    accidents: { total: 812, fatal: 9, deaths: 11, injuryAccidents: 58, injured: 83, major: 0 },
    operations: { campaigns: 182, escorts: 41 },
    window: {
      ...YJ_WINDOW_BASE,
      byCategory: scaleMix(YJ_WINDOW_MIX, 0.957),
      returned: 690,
      refused: 61,
      outreach: { trips: 8, perTrip: 150, townships: YJ_TOWNSHIPS },
      difficultResolved: 19,
      difficultOpen: 1,
    },
    hazards: { found: 47, closed: 45 },
    keyVehicles: {
      findingsClosed: 55,
      findingsOpen: 0,
      driversDismissed: 2,
      offencesProsecuted: 3,
      interviews: 9,
      noticeLetters: 18,
      inspections: 14,
    },
  },
  {
    key: "yj-2024",
    brigade: "520626",
    from: "2024-01-01",
    to: "2024-12-31",
    violations: {
      ...YJ_VIOLATIONS,
      total: 43_866,
      byType: {
        drink_driving: 109,
        drunk_driving: 57,
        illegal_parking: 7_960,
        coach_passenger_overload: 4,
        no_helmet: 3_050,
        unlicensed_driving: 276,
        truck_overload: 39,
      },
      detentions: 66,
      licencesSeized: 97,
    },
    // Published: no major (3+ deaths) accident. 9 deaths per 100,000 vehicles' worth: 0.9 per 10,000.
    accidents: { total: 846, fatal: 8, deaths: 9, injuryAccidents: 61, injured: 88, major: 0 },
    operations: { campaigns: 196, escorts: 45 },
    // Published: 35,000+ transactions (35,410 here), 9 outreach trips, 23 difficult cases solved, zero complaints.
    window: {
      ...YJ_WINDOW_BASE,
      byCategory: YJ_WINDOW_MIX,
      returned: 702,
      refused: 58,
      outreach: { trips: 9, perTrip: 160, townships: YJ_TOWNSHIPS },
      difficultResolved: 23,
      difficultOpen: 2,
    },
    hazards: { found: 52, closed: 49 },
    // Published: 63 source hazards remedied, 3 unqualified coach drivers dismissed, 4 offences prosecuted.
    keyVehicles: {
      findingsClosed: 63,
      findingsOpen: 2,
      driversDismissed: 3,
      offencesProsecuted: 4,
      interviews: 11,
      noticeLetters: 21,
      inspections: 17,
    },
  },
];

/**
 * One day of the rolling "last 90 days" for Zhenyuan, at about the 2019 daily rate
 * (demo assumption). Each day has its own seed, so seeding again tomorrow adds one new
 * day and leaves the others as they were.
 */
export function liveDayPlan(day: string, r: { next(): number }): YearPlan {
  const y = YEAR_PLANS[1];
  const perDay = (n: number) => {
    const x = (n / 365) * 1.04 * (0.8 + 0.4 * r.next());
    return Math.floor(x) + (r.next() < x - Math.floor(x) ? 1 : 0);
  };
  const byType = Object.fromEntries(Object.entries(y.violations.byType).map(([k, v]) => [k, perDay(v)]));
  const otherMix = Object.fromEntries(Object.entries(ZY_OTHER_MIX).map(([k, v]) => [k, perDay(v)]));
  const total = [...Object.values(byType), ...Object.values(otherMix)].reduce((s, x) => s + x, 0);
  const fatal = perDay(14);
  const injuryAccidents = perDay(72);
  return {
    key: `zy-live-${day}`,
    brigade: "522625",
    from: day,
    to: day,
    violations: {
      total,
      byType,
      otherMix,
      detentions: perDay(103),
      detentionTypes: DETENTION_TYPES,
      licencesSeized: perDay(113),
      seizeTypes: SEIZE_TYPES,
    },
    accidents: {
      total: Math.max(fatal + injuryAccidents, perDay(1503)),
      fatal,
      deaths: fatal + (fatal && r.next() < 0.4 ? 1 : 0),
      injuryAccidents,
      injured: injuryAccidents + (injuryAccidents && r.next() < 0.5 ? 1 : 0),
      major: 0,
      deathRoadFatal: 0,
    },
    operations: { campaigns: perDay(313), escorts: perDay(64) },
    window: {
      ...ZY_WINDOW_BASE,
      byCategory: Object.fromEntries(Object.entries(ZY_2019_WINDOW).map(([k, v]) => [k, perDay(v * 1.45)])),
      returned: perDay(812),
      refused: perDay(97),
      difficultResolved: perDay(15),
      difficultOpen: 0,
      tickets: true,
    },
    hazards: { found: perDay(90), closed: 0 },
  };
}
