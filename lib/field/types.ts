/** Shapes shared by the field app (browser) and the server that feeds it. */
import type { Polygon, MultiPolygon } from "geojson";

export interface FieldPerson {
  id: string;
  name: string;
  badgeNumber: string | null;
  phone: string | null;
}

export interface FieldPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
  timeWindows: { from: string; to: string }[];
}

export interface FieldBeat {
  id: string;
  startsAt: string;
  endsAt: string;
  shiftKind: string;
  gridId: string;
  gridName: string;
  lead: FieldPerson | null;
  auxiliaries: FieldPerson[];
  points: FieldPoint[];
  mustCorrectTypes: string[];
  notes: string | null;
}

export interface FieldType {
  key: string;
  nameZh: string;
  nameEn: string;
  /** pinyin initials of the Chinese name (违法停车 → wftc) */
  initials: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  points: number;
  maxDetentionDays: number;
  auxiliaryMayRecord: boolean;
  active: boolean;
  serious: boolean;
}

export interface FieldBootstrap {
  generatedAt: string;
  user: {
    id: string;
    name: string;
    role: string;
    unitCode: string;
    unitNameZh: string;
    unitNameEn: string;
    permissions: string[];
  };
  catalogue: FieldType[];
  beats: FieldBeat[];
  grids: { id: string; name: string; geometry: Polygon | MultiPolygon; bbox: [number, number, number, number] }[];
  minDwellS: number;
}
