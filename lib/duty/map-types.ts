/** What the live duty map receives from the server (first paint) and keeps current. */
import type { Area } from "@/lib/geo/geometry";
import type { GridSummary, PointSummary, SegmentSummary } from "./list-grids";
import type { PersonOnMap } from "./list-positions";
import type { SosEvent } from "./events";

export interface MapOutline {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  outline: Area;
}

export interface DutyMapData {
  unitCode: string;
  grids: (GridSummary & { geometry: Area })[];
  segments: SegmentSummary[];
  points: PointSummary[];
  outlines: MapOutline[];
  people: PersonOnMap[];
  sos: SosEvent[];
  staleAfterS: number;
  riskWindowDays: number;
  bbox: [number, number, number, number] | null;
  canHandleSos: boolean;
  /** The viewer may see incidents: the map shows the open ones (live). */
  canSeeIncidents: boolean;
}

export type { GridSummary, PointSummary, SegmentSummary, PersonOnMap, SosEvent };
