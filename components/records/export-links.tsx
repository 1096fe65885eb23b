import { buttonClass } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

/** CSV and Excel downloads of the list's current filter (the export routes stream any size). */
export async function ExportLinks({ base, params }: { base: string; params: Record<string, string | undefined> }) {
  const t = await getT();
  const qs = (format: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "cursor") p.set(k, v);
    p.set("format", format);
    return `${base}?${p.toString()}`;
  };
  return (
    <>
      <a className={buttonClass("secondary", "md")} href={qs("csv")} data-testid="export-csv" download>
        {t("records.exportCsv")}
      </a>
      <a className={buttonClass("secondary", "md")} href={qs("xlsx")} data-testid="export-xlsx" download>
        {t("records.exportXlsx")}
      </a>
    </>
  );
}
