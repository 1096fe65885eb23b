import { renderStaticMarkup } from "@/lib/html/static-markup";

/**
 * A server-drawn subtree that never changes in the browser (a chart, a table of figures, figure
 * cards), sent as one HTML string: on the first paint, in print and screenshots, and neither
 * rebuilt from the page payload nor hydrated — on a phone, hydrating a dashboard's thousand
 * chart and table elements was most of its blocking time. Children must be static
 * (lib/html/static-markup.ts): host elements and hook-free components; links become plain links.
 */
export function StaticHtml({
  children,
  className,
  testId,
}: {
  children: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      className={className}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: renderStaticMarkup(children) }}
    />
  );
}
