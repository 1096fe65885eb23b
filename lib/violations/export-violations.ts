import "server-only";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";
import { exportRecordList, type ExportColumn, type ExportFormat } from "@/lib/records/export";
import { recordHumanColumns, recordMachineColumns } from "@/lib/records/export-columns";
import { violationRowSelect, violationWhere } from "./list-violations";
import type { ListViolationsInput } from "./schemas";

type Row = Prisma.ViolationGetPayload<{ select: typeof violationRowSelect }> & { unitName: string; unitCode: string };

/**
 * The current filter of the violation list as CSV or XLSX, streamed page by page (any
 * size). CSV headers are the API's field names, so an export can be imported again;
 * XLSX is for people (labels and values in their language). ID numbers are masked.
 * Every export is an audit row with its filter.
 */
export async function exportViolations({
  actor,
  input,
  format,
  locale,
}: {
  actor: Actor;
  input: ListViolationsInput;
  format: ExportFormat;
  locale: Locale;
}) {
  return exportRecordList({
    actor,
    view: "violation.view",
    action: "violation.export",
    entity: "violation",
    input,
    format,
    locale,
    filename: "violations",
    sheet: "records.violations",
    where: () => violationWhere({ actor, input }),
    fetch: (page) => readDb.violation.findMany({ ...page, select: violationRowSelect }),
    columns: async (t) => {
      const types = new Map(
        (await db.violationType.findMany({ select: { key: true, nameZh: true, nameEn: true } })).map((t) => [
          t.key,
          locale === "zh" ? t.nameZh : t.nameEn,
        ]),
      );
      const common = recordMachineColumns<Row>();
      const machine: [string, ExportColumn<Row>["value"]][] = [
        ...common.head,
        ["plate", (r) => r.plate],
        ["plateColor", (r) => r.plateColor],
        ["vehicleType", (r) => r.vehicleType],
        ["type", (r) => r.typeKey],
        ["serious", (r) => r.serious],
        ["source", (r) => r.source],
        ["driverName", (r) => r.driverName],
        ["driverIdNumberMasked", (r) => maskIdCard(r.driverIdNumber)],
        ["licenceNumberMasked", (r) => maskLicence(r.licenceNumber)],
        ["fineYuan", (r) => r.fineYuan],
        ["points", (r) => r.points],
        ["licenceSeized", (r) => r.licenceSeized],
        ["detentionDays", (r) => r.detentionDays],
        ["status", (r) => r.status],
        ...common.tail,
      ];

      const { head, place, label } = recordHumanColumns<Row>(t, locale);
      const human: ExportColumn<Row>[] = [
        ...head,
        { key: "type", header: t("records.violationType"), width: 28, value: (r) => types.get(r.typeKey) ?? r.typeKey },
        { key: "serious", header: t("records.serious"), width: 8, value: (r) => (r.serious ? t("common.yes") : "") },
        { key: "plate", header: t("records.plate"), width: 12, value: (r) => r.plate },
        {
          key: "plateColor",
          header: t("records.plateColor"),
          width: 8,
          value: (r) => label(r.plateColor, "plateColors"),
        },
        {
          key: "vehicleType",
          header: t("records.vehicleType"),
          width: 12,
          value: (r) => label(r.vehicleType, "vehicleTypes"),
        },
        ...place,
        { key: "source", header: t("records.source"), width: 10, value: (r) => label(r.source, "sources") },
        { key: "driverName", header: t("records.driverName"), width: 10, value: (r) => r.driverName },
        { key: "driverId", header: t("records.driverIdNumber"), width: 20, value: (r) => maskIdCard(r.driverIdNumber) },
        { key: "fineYuan", header: t("records.fineYuan"), width: 10, value: (r) => r.fineYuan },
        { key: "points", header: t("records.points"), width: 8, value: (r) => r.points },
        {
          key: "licenceSeized",
          header: t("records.licenceSeized"),
          width: 10,
          value: (r) => (r.licenceSeized ? t("common.yes") : ""),
        },
        { key: "detentionDays", header: t("records.detentionDays"), width: 10, value: (r) => r.detentionDays || null },
        { key: "status", header: t("common.status"), width: 10, value: (r) => label(r.status, "violationStatuses") },
        { key: "externalRef", header: t("records.externalRef"), width: 20, value: (r) => r.externalRef },
      ];
      return { machine, human };
    },
  });
}
