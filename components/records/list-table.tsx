import { clsx } from "clsx";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { TFunction } from "@/lib/i18n/translate";

/** A column of a list table: its header and what a row shows in it. */
export interface ListColumn<R> {
  header: string;
  /** A figure: right-aligned, digits of equal width. */
  numeric?: boolean;
  /** The cells' classes, the same for every row or by row. */
  className?: string | ((row: R) => string);
  cell: (row: R) => ReactNode;
  /** Shown only when true (a column of actions only for who may act). */
  when?: boolean;
}

/**
 * One page of a list in a card (an empty state when there is none), a row an item, and the
 * pager after it that carries the list's filters (`params`) on.
 */
export function ListTable<R extends { id: string }>({
  t,
  testId,
  rows,
  columns: all,
  rowClassName,
  basePath,
  params,
  nextCursor,
}: {
  t: TFunction;
  testId: string;
  rows: R[];
  columns: ListColumn<R>[];
  rowClassName?: (row: R) => string | undefined;
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  const columns = all.filter((c) => c.when !== false);
  return (
    <>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid={testId}>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <Th key={i} className={c.numeric ? "text-right" : undefined}>
                    {c.header}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Tr key={r.id} className={rowClassName?.(r)}>
                  {columns.map((c, i) => (
                    <Td
                      key={i}
                      className={clsx(
                        c.numeric && "text-right tabular-nums",
                        typeof c.className === "function" ? c.className(r) : c.className,
                      )}
                    >
                      {c.cell(r)}
                    </Td>
                  ))}
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath={basePath} params={params} nextCursor={nextCursor} />
    </>
  );
}
