import "server-only";
import { readDb } from "@/lib/db-read";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { exportRecordList, type ExportColumn, type ExportFormat } from "@/lib/records/export";
import { recordHumanColumns, recordMachineColumns } from "@/lib/records/export-columns";
import { accidentWhere } from "./read-accidents";
import type { ListAccidentsInput } from "./schemas";

type Row = Prisma.AccidentGetPayload<{ include: { parties: true } }> & { unitCode: string; unitName: string };

/** The current filter of the accident list as CSV (API field names) or XLSX (labels), streamed; audited. */
export async function exportAccidents({
  actor,
  input,
  format,
  locale,
}: {
  actor: Actor;
  input: ListAccidentsInput;
  format: ExportFormat;
  locale: Locale;
}) {
  return exportRecordList({
    actor,
    view: "accident.view",
    action: "accident.export",
    entity: "accident",
    input,
    format,
    locale,
    filename: "accidents",
    sheet: "records.accidents",
    where: () => accidentWhere({ actor, input }),
    fetch: (page) => readDb.accident.findMany({ ...page, include: { parties: true } }),
    columns: async (t) => {
      const vehicles = (r: Row) => r.parties.map((p) => `${p.plate ?? ""}:${p.vehicleType ?? ""}`).join(";");
      const common = recordMachineColumns<Row>();
      const machine: [string, ExportColumn<Row>["value"]][] = [
        ...common.head,
        ["roadType", (r) => r.roadType],
        ["weather", (r) => r.weather],
        ["cause", (r) => r.cause],
        ["deaths", (r) => r.deaths],
        ["injured", (r) => r.injured],
        ["propertyLossYuan", (r) => r.propertyLossYuan],
        ["severity", (r) => r.severity],
        ["major", (r) => r.major],
        ["hitAndRun", (r) => r.hitAndRun],
        ["hitAndRunSolved", (r) => r.hitAndRunSolved],
        ["handling", (r) => r.handling],
        ["rescueFundYuan", (r) => r.rescueFundYuan],
        ["status", (r) => r.status],
        ["vehicles", vehicles],
        ...common.tail,
      ];
      const { head, place, label } = recordHumanColumns<Row>(t, locale);
      const human: ExportColumn<Row>[] = [
        ...head,
        {
          key: "severity",
          header: t("records.severity"),
          width: 10,
          value: (r) => label(r.severity, "severities") + (r.major ? ` (${t("records.major")})` : ""),
        },
        { key: "deaths", header: t("records.deaths"), width: 8, value: (r) => r.deaths },
        { key: "injured", header: t("records.injured"), width: 8, value: (r) => r.injured },
        { key: "propertyLossYuan", header: t("records.propertyLossYuan"), width: 12, value: (r) => r.propertyLossYuan },
        ...place,
        { key: "roadType", header: t("records.roadType"), width: 10, value: (r) => label(r.roadType, "roadTypes") },
        { key: "weather", header: t("records.weather"), width: 8, value: (r) => label(r.weather, "weathers") },
        { key: "cause", header: t("records.cause"), width: 14, value: (r) => label(r.cause, "causes") },
        {
          key: "hitAndRun",
          header: t("records.hitAndRun"),
          width: 10,
          value: (r) => (r.hitAndRun ? (r.hitAndRunSolved ? t("records.solved") : t("records.unsolved")) : ""),
        },
        { key: "handling", header: t("records.handling"), width: 12, value: (r) => label(r.handling, "handlings") },
        {
          key: "rescueFundYuan",
          header: t("records.rescueFundYuan"),
          width: 12,
          value: (r) => r.rescueFundYuan || null,
        },
        { key: "vehicles", header: t("records.vehicles"), width: 30, value: vehicles },
        { key: "status", header: t("common.status"), width: 8, value: (r) => label(r.status, "accidentStatuses") },
      ];
      return { machine, human };
    },
  });
}
