import Link from "next/link";
import { Select } from "@/components/ui/field";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import { chainFilterOptions } from "@/lib/records/chain";

/**
 * The record chain in a list's filter bar: a grid to pick, and the beat, officer or incident
 * a page linked here with (kept as hidden fields, shown as chips that clear them).
 */
export async function ChainFilter({
  actor,
  t,
  locale,
  value,
  clearHref,
}: {
  actor: Actor;
  t: TFunction;
  locale: Locale;
  value: { grid?: string; beat?: string; recordedBy?: string; incident?: string };
  /** The list's URL with the current filters but without `key`. */
  clearHref: (key: "beat" | "recordedBy" | "incident") => string;
}) {
  const { grids, links } = await chainFilterOptions({ actor, input: value });
  const chips: { key: "beat" | "recordedBy" | "incident"; label: string }[] = [];
  if (value.beat)
    chips.push({
      key: "beat",
      label: `${t("chain.filterBeat")}：${links.beat ? formatDateTime(links.beat.startsAt, locale) : value.beat.slice(0, 8)}`,
    });
  if (value.recordedBy)
    chips.push({ key: "recordedBy", label: `${t("chain.filterRecordedBy")}：${links.officer?.name ?? "—"}` });
  if (value.incident)
    chips.push({
      key: "incident",
      label: `${t("chain.filterIncident")}：${links.incident ? t(`incidents.kinds.${links.incident.kind}`) : "—"}`,
    });
  return (
    <>
      {grids.length > 0 && (
        <Select
          name="grid"
          defaultValue={value.grid ?? ""}
          aria-label={t("chain.filterGrid")}
          className="xl:w-44"
          data-testid="grid-filter"
        >
          <option value="">{t("chain.allGrids")}</option>
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {g.archivedAt ? " ✕" : ""}
            </option>
          ))}
        </Select>
      )}
      {chips.map((c) => (
        <span
          key={c.key}
          className="inline-flex h-10 items-center gap-2 rounded-md border border-brand-200 bg-brand-50 px-3 text-sm text-brand-800"
          data-testid={`chain-chip-${c.key}`}
        >
          <input type="hidden" name={c.key} value={value[c.key]} />
          {c.label}
          <Link href={clearHref(c.key)} className="text-xs underline">
            {t("chain.clearFilter")}
          </Link>
        </span>
      ))}
    </>
  );
}
