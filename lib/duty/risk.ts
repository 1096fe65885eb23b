/**
 * Risk colour (红黄绿) of a grid or road segment from its violations and accidents of the
 * last N days. Weighted fatal > injury > serious violation > other (the database refuses
 * settings that break the order); property-only accidents count as "other".
 * The counts travel with the colour so every screen can say why.
 */
export type RiskColour = "red" | "yellow" | "green";

export interface RiskCounts {
  /** accidents with deaths */
  fatal: number;
  /** accidents with injured and no deaths */
  injury: number;
  /** property-only accidents */
  property: number;
  /** violations of a serious type */
  serious: number;
  /** all other violations */
  other: number;
}

export interface RiskWeights {
  weightFatal: number;
  weightInjury: number;
  weightSerious: number;
  weightOther: number;
  yellowAt: number;
  redAt: number;
}

export interface Risk extends RiskCounts {
  score: number;
  colour: RiskColour;
}

export const DEFAULT_RISK: RiskWeights & { riskWindowDays: number } = {
  riskWindowDays: 30,
  weightFatal: 10,
  weightInjury: 4,
  weightSerious: 2,
  weightOther: 1,
  yellowAt: 15,
  redAt: 40,
};

export const emptyCounts = (): RiskCounts => ({ fatal: 0, injury: 0, property: 0, serious: 0, other: 0 });

export function riskScore(c: RiskCounts, w: RiskWeights): number {
  return (
    c.fatal * w.weightFatal +
    c.injury * w.weightInjury +
    c.serious * w.weightSerious +
    (c.other + c.property) * w.weightOther
  );
}

export function riskColour(score: number, w: Pick<RiskWeights, "yellowAt" | "redAt">): RiskColour {
  return score >= w.redAt ? "red" : score >= w.yellowAt ? "yellow" : "green";
}

export function assessRisk(c: RiskCounts, w: RiskWeights): Risk {
  const score = riskScore(c, w);
  return { ...c, score, colour: riskColour(score, w) };
}

/** Map colours for the three levels (also used by the legend and the print view). */
export const RISK_HEX: Record<RiskColour, string> = { red: "#dc2626", yellow: "#eab308", green: "#16a34a" };
