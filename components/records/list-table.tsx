import { CardTable, type Column } from "@/components/ui/data-table";
import { CursorPager } from "@/components/ui/pagination";
import type { TFunction } from "@/lib/i18n/translate";

/** A column of a list table: its header and what a row shows in it. */
export type ListColumn<R> = Column<R> & { header: string };

/**
 * One page of a list in a card (an empty state when there is none), a row an item, and the
 * pager after it that carries the list's filters (`params`) on.
 */
export function ListTable<R extends { id: string }>({
  t,
  testId,
  rows,
  columns,
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
  return (
    <>
      <CardTable
        emptyTitle={t("common.empty")}
        testId={testId}
        rows={rows}
        columns={columns}
        rowClassName={rowClassName}
      />
      <CursorPager basePath={basePath} params={params} nextCursor={nextCursor} />
    </>
  );
}
