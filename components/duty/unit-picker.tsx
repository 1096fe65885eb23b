"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Select } from "@/components/ui/field";

/** A select of units that navigates with ?unit=<code> (keeps the other query parameters). */
export function UnitPicker({
  units,
  value,
  label,
  param = "unit",
  testId,
}: {
  units: { code: string; label: string }[];
  value: string;
  label: string;
  param?: string;
  testId?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="shrink-0 text-slate-600">{label}</span>
      <Select
        value={value}
        className="w-auto min-w-40"
        data-testid={testId}
        onChange={(e) => {
          const p = new URLSearchParams(params.toString());
          p.set(param, e.target.value);
          router.push(`${pathname}?${p.toString()}`);
        }}
      >
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
