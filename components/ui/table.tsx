import { clsx } from "clsx";

/**
 * A table that scrolls sideways on narrow screens instead of breaking the layout. The scroll
 * area takes keyboard focus, so a keyboard user can scroll it too (WCAG 2.1.1).
 */
export function Table({ className, children, ...props }: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className={clsx("min-w-full divide-y divide-slate-200 text-sm", className)} {...props}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={clsx("whitespace-nowrap bg-slate-50 px-3 py-2 text-left font-medium text-slate-600", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={clsx("px-3 py-2 align-top text-slate-800", className)} {...props} />;
}

export function Tr({ className, ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={clsx("border-t border-slate-100 hover:bg-slate-50/60", className)} {...props} />;
}
