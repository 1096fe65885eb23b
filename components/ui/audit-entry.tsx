import Link from "next/link";
import type { AuditLine } from "@/lib/audit/describe";
import type { Locale } from "@/lib/i18n/config";

/**
 * One audit row as a sentence ("王强（路警）新建了违法记录：违法停车，贵H12345"), the fields it
 * set or changed, and lists (an accident's parties) as small tables. Shared by every
 * record's history and /admin/audit.
 */
export function AuditEntry({
  line,
  locale,
  openLabel,
}: {
  line: AuditLine;
  locale: Locale;
  /** Link the record's own page, with this accessible name (the audit log; a record's history is on that page). */
  openLabel?: string;
}) {
  const zh = locale === "zh";
  return (
    <div className="min-w-0 space-y-1" data-testid="audit-entry">
      <p className="text-sm text-slate-900" data-testid="audit-sentence">
        <span className="font-medium">{line.who}</span>
        {line.role && <span className="text-slate-500">{zh ? `（${line.role}）` : ` (${line.role})`}</span>} {line.what}
        {openLabel && line.href && (
          <Link href={line.href} prefetch={false} className="ml-2 text-xs text-brand-700 hover:underline">
            {openLabel}
          </Link>
        )}
      </p>
      {line.changes.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
          {line.changes.map((c, i) => (
            <li key={i}>
              <span className="text-slate-500">
                {c.field}
                {zh ? "：" : ": "}
              </span>
              {c.before !== undefined && (
                <>
                  <del className="text-slate-500">{c.before}</del>
                  <span aria-hidden> → </span>
                </>
              )}
              <span className="text-slate-800">{c.after}</span>
            </li>
          ))}
        </ul>
      )}
      {line.tables.map((tb) => (
        <div key={tb.title} className="overflow-x-auto" tabIndex={0}>
          <table className="mt-1 text-xs" data-testid="audit-table-list">
            <caption className="text-left text-slate-500">{tb.title}</caption>
            <thead>
              <tr>
                {tb.columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className="border border-slate-200 bg-slate-50 px-2 py-0.5 text-left font-medium"
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} className="border border-slate-200 px-2 py-0.5">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
