import { clsx } from "clsx";
import type { ReactNode } from "react";
import { Card } from "./card";
import { EmptyState } from "./states";
import { Table, Td, Th, Tr } from "./table";

/** A column of a table: its header and what a row shows in it. */
export interface Column<R> {
  header: ReactNode;
  /** A figure: right-aligned, digits of equal width. */
  numeric?: boolean;
  /** The header cell's classes. */
  headerClassName?: string;
  /** The cells' classes, the same for every row or by row. */
  className?: string | ((row: R) => string);
  cell: (row: R) => ReactNode;
  /** Shown only when true (a column of actions only for who may act). */
  when?: boolean;
}

export interface DataTableProps<R> {
  rows: readonly R[];
  columns: Column<R>[];
  /** The row's React key; by default its `id`. */
  rowKey?: (row: R) => string;
  rowClassName?: (row: R) => string | undefined;
  testId?: string;
}

/** A row's React key: `rowKey`, or else its id. */
const keyOf = <R,>(row: R, rowKey?: (row: R) => string) => (rowKey ? rowKey(row) : String((row as { id: unknown }).id));

/** A table a row an item and a cell a column; `empty` instead when there are no rows. */
export function DataTable<R>({
  rows,
  columns: all,
  rowKey,
  rowClassName,
  testId,
  empty,
}: DataTableProps<R> & { empty: ReactNode }) {
  if (rows.length === 0) return <>{empty}</>;
  const columns = all.filter((c) => c.when !== false);
  return (
    <Table data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <Th key={i} className={clsx(c.numeric && "text-right", c.headerClassName)}>
              {c.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={keyOf(r, rowKey)} className={rowClassName?.(r)}>
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
  );
}

/** A list's table in a card, an empty state titled `emptyTitle` when there are no rows. */
export function CardTable<R>({ emptyTitle, ...table }: DataTableProps<R> & { emptyTitle: string }) {
  return (
    <Card>
      <DataTable {...table} empty={<EmptyState title={emptyTitle} className="border-0" />} />
    </Card>
  );
}

/** A quiet line that stands for an empty table in a card (`padded` when not inside a CardBody). */
export function EmptyNote({ children, padded = false }: { children: ReactNode; padded?: boolean }) {
  return <p className={clsx(padded && "p-4", "text-sm text-slate-500")}>{children}</p>;
}
