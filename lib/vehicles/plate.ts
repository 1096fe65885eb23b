/**
 * Chinese motor-vehicle plates (GA 36): province character + issuing-authority letter +
 * serial. Accepted: ordinary (5 characters), new-energy (6), and the suffixed kinds:
 * trailer 挂, coach 学, police 警, Hong Kong / Macao 港 澳, consular 领.
 */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const L = "A-HJ-NP-Z"; // letters without I and O

const ORDINARY = new RegExp(`^[${PROVINCES}][${L}][${L}0-9]{5}$`);
const NEW_ENERGY = new RegExp(`^[${PROVINCES}][${L}](?:[DF][${L}0-9][0-9]{4}|[0-9]{5}[DF])$`);
const SUFFIXED = new RegExp(`^[${PROVINCES}][${L}][${L}0-9]{4}([挂学警港澳领])$`);

export type PlateKind = "ordinary" | "new_energy" | "trailer" | "coach" | "police" | "hk_macao" | "consular";

const SUFFIX_KIND: Record<string, PlateKind> = {
  挂: "trailer",
  学: "coach",
  警: "police",
  港: "hk_macao",
  澳: "hk_macao",
  领: "consular",
};

/** Upper-case, without spaces, dots and dashes people type in: "贵h·12345" → "贵H12345". */
export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·.\-•]/g, "").toUpperCase();
}

export function plateKind(raw: string): PlateKind | null {
  const p = normalizePlate(raw);
  if (NEW_ENERGY.test(p)) return "new_energy";
  if (ORDINARY.test(p)) return "ordinary";
  const m = SUFFIXED.exec(p);
  return m ? SUFFIX_KIND[m[1]] : null;
}

export function isValidPlate(raw: string): boolean {
  return plateKind(raw) !== null;
}

export const PLATE_COLORS = ["blue", "yellow", "green", "yellow_green", "white", "black"] as const;
export type PlateColor = (typeof PLATE_COLORS)[number];
