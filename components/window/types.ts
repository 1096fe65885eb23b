/** Shapes the window's client components receive from server pages and actions. */
export interface HallOption {
  code: string;
  unitCode: string;
  name: string;
  windows: number[];
}
export interface BusinessOption {
  key: string;
  name: string;
  letter: string;
  fee: number;
}
export interface PlaceOptions {
  trips: { id: string; label: string }[];
  points: { id: string; label: string }[];
}
export interface QueueTicket {
  id: string;
  number: string;
  businessKey: string;
  status: string;
  appointment: boolean;
  urgent: boolean;
  issuedAt: string;
  calledAt: string | null;
  callCount: number;
}
export interface Seat {
  hall: string;
  window: number;
}
export interface Prefill {
  applicantName: string;
  applicantIdNumber: string;
  plate: string | null;
  licenceNumber: string | null;
  at: number;
}
