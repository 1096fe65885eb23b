import type { FieldSpec } from "@/components/ui/dialog-form";
import type { Locale } from "@/lib/i18n/config";

/**
 * A create dialog's choice of the new record's unit (`unitCode`), among the units in scope —
 * none when there is only one (the record goes to the user's own).
 */
export function unitCodeField({
  units,
  locale,
  label,
  wide,
}: {
  units: readonly { code: string; nameZh: string; nameEn: string }[];
  locale: Locale;
  label: string;
  wide?: boolean;
}): FieldSpec[] {
  if (units.length <= 1) return [];
  const options = units.map((u) => ({ value: u.code, label: locale === "zh" ? u.nameZh : u.nameEn }));
  return [{ name: "unitCode", label, type: "select", ...(wide && { wide }), options }];
}
