import { Select } from "@/components/ui/field";

/** The unit picker of the statistics screens (`name="unit"`), its options as `unitOptions` gives them. */
export function UnitSelect({
  units,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { units: readonly { code: string; label: string }[] }) {
  return (
    <Select name="unit" {...props}>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {u.label}
        </option>
      ))}
    </Select>
  );
}
