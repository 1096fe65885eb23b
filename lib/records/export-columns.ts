import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import type { ExportColumn } from "./export";

/** What every exported record row has: the record's own place columns, its unit's code and name. */
export interface PlacedRow {
  id: string;
  occurredAt: Date;
  lat: number | null;
  lng: number | null;
  address: string | null;
  roadName: string | null;
  externalRef: string | null;
  notes: string | null;
  unitCode: string;
  unitName: string;
}

type Machine<R> = [string, ExportColumn<R>["value"]][];

/**
 * The CSV columns every record kind starts with (`head`: id, time, unit, place) and ends with
 * (`tail`: external reference, notes), under the API's field names, as the importers take them.
 */
export function recordMachineColumns<R extends PlacedRow>(): { head: Machine<R>; tail: Machine<R> } {
  return {
    head: [
      ["id", (r) => r.id],
      ["occurredAt", (r) => r.occurredAt.toISOString()],
      ["unitCode", (r) => r.unitCode],
      ["lat", (r) => r.lat],
      ["lng", (r) => r.lng],
      ["address", (r) => r.address],
      ["roadName", (r) => r.roadName],
    ],
    tail: [
      ["externalRef", (r) => r.externalRef],
      ["notes", (r) => r.notes],
    ],
  };
}

/**
 * The XLSX columns every record kind shows, labelled in the export's language: when and which
 * unit (`head`), road and address (`place`); and `label`, an enum value as its label ("" for none).
 */
export function recordHumanColumns<R extends PlacedRow>(t: TFunction, locale: Locale) {
  const head: ExportColumn<R>[] = [
    {
      key: "occurredAt",
      header: t("records.occurredAt"),
      width: 18,
      value: (r) => formatDateTime(r.occurredAt, locale),
    },
    { key: "unit", header: t("records.unit"), width: 24, value: (r) => r.unitName },
  ];
  const place: ExportColumn<R>[] = [
    { key: "roadName", header: t("records.roadName"), width: 16, value: (r) => r.roadName },
    { key: "address", header: t("records.address"), width: 24, value: (r) => r.address },
  ];
  const label = (v: string | null, ns: string) => (v ? t(`records.${ns}.${v}`) : "");
  return { head, place, label };
}
