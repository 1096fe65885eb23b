/**
 * Live topics of the duty map, sent with notifyEvent inside the writing transaction and
 * streamed by GET /api/v1/duty/events to viewers whose scope contains the unit path.
 */
export const DUTY_TOPICS = ["duty.position", "duty.sos", "duty.beat", "duty.grid"] as const;
export type DutyTopic = (typeof DUTY_TOPICS)[number];

export interface PositionEvent {
  userId: string;
  name: string;
  role: string;
  unitCode: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  status: string;
  at: string;
}

export interface SosEvent {
  id: string;
  userId: string;
  name: string;
  role: string;
  unitCode: string;
  unitNameZh: string;
  unitNameEn: string;
  lat: number;
  lng: number;
  status: string;
  at: string;
  message: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}
