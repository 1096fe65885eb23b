/**
 * Incidents as the browser holds them: the API's JSON, dates as ISO strings. Server pages
 * hand their first data over in the same shape (toWire), so a list is the same whether it
 * came with the page or from a later fetch.
 */
import type { IncidentDetail, IncidentJson } from "./read-incidents";
import type { Responder } from "./responders";

export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type IncidentItem = Wire<IncidentJson>;
export type IncidentFull = Wire<IncidentDetail>;
export type ResponderItem = Responder;

export function toWire<T>(v: T): Wire<T> {
  return JSON.parse(JSON.stringify(v)) as Wire<T>;
}

/**
 * Where an incident is, as one line of a list row: its address (or coordinates), then its grid
 * — unless the address already names the grid (a place picked from the grid list is called by
 * the grid's name: "城关网格 · 城关网格" said nothing twice).
 */
export function placeLine(i: { address: string | null; lat: number; lng: number; grid: { name: string } | null }) {
  const place = i.address ?? `${i.lat.toFixed(4)}, ${i.lng.toFixed(4)}`;
  return i.grid && !place.includes(i.grid.name) ? `${place} · ${i.grid.name}` : place;
}
