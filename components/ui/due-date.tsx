import type { ComponentProps, ReactNode } from "react";
import { Badge } from "./badge";
import type { Column } from "./data-table";

/** The words of a due date's badges, in the page's language. */
export interface DueLabels {
  overdue: string;
  dueToday?: string;
}

/** A due date with a badge after it when it is overdue (red) or, if it says so, due today (yellow). */
export function DueDate({
  due,
  overdue,
  dueToday = false,
  labels,
}: {
  due: ReactNode;
  overdue: boolean;
  dueToday?: boolean;
  labels: DueLabels;
}) {
  const badge = overdue ? (
    <Badge tone="red" className="ml-1">
      {labels.overdue}
    </Badge>
  ) : dueToday && labels.dueToday ? (
    <Badge tone="yellow" className="ml-1">
      {labels.dueToday}
    </Badge>
  ) : null;
  return (
    <>
      {due}
      {badge}
    </>
  );
}

/** A column of due dates with their badges: `due` says a row's date and whether it is late. */
export function dueColumn<R>(
  header: string,
  labels: DueLabels,
  due: (row: R) => Omit<ComponentProps<typeof DueDate>, "labels">,
): Column<R> {
  return { header, className: "whitespace-nowrap", cell: (r) => <DueDate {...due(r)} labels={labels} /> };
}
