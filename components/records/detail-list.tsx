import { clsx } from "clsx";

/** Label/value pairs of a record, two columns on wide screens. */
export function DetailList({
  items,
  className,
}: {
  items: [label: string, value: React.ReactNode][];
  className?: string;
}) {
  return (
    <dl className={clsx("grid gap-x-6 gap-y-3 sm:grid-cols-2", className)}>
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900">
            {value === null || value === undefined || value === "" ? "—" : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
