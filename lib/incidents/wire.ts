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
