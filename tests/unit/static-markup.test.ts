/**
 * lib/html/static-markup.ts writes the HTML of a static subtree by itself (React's server renderer
 * cannot run in a server component). It must write what React writes: the same elements, attribute
 * names (class, SVG's hyphenated and camel-case ones), style text, escaping and booleans. Each case
 * here is rendered by both and compared; next/link is the one element written differently (a plain
 * link), checked on its own.
 */
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Link from "next/link";
import { describe, expect, it } from "vitest";
import { BarsFigure } from "@/components/stats/charts/bars";
import { StaticLines } from "@/components/stats/charts/lines";
import { AccidentHeatmap } from "@/components/stats/heatmap";
import { FigureCard } from "@/components/stats/figure-card";
import { StatTableView } from "@/components/stats/stat-table";
import { StaticHtml } from "@/components/ui/static-html";
import { renderStaticMarkup } from "@/lib/html/static-markup";
import { messages } from "@/lib/i18n/messages";
import { makeT } from "@/lib/i18n/translate";
import { compare } from "@/lib/stats/yoy";
import type { StatTable } from "@/lib/stats/tables";

const t = makeT(messages.zh);
/** React's markup for the same tree (next/link, rendered by React's server renderer, is a plain link too). */
function reactMarkup(node: React.ReactNode): string {
  return renderToStaticMarkup(h(Fragment, null, node));
}
const same = (node: React.ReactNode) => expect(renderStaticMarkup(node)).toBe(reactMarkup(node));

const rows = [
  { label: "违法停车", value: 1234, last: 1000, href: "/violations?type=illegal_parking" },
  { label: "超速 <50%", value: 56_789, last: null },
  { label: "酒驾 & 醉驾", value: 0, last: 3, fill: "#dc2626" },
];
const series = [
  { key: "value", name: "本期", color: "#2563eb" },
  { key: "last", name: "上年同期", color: "#94a3b8", dashed: true },
];

describe("renderStaticMarkup writes what React writes", () => {
  it("elements, attributes, styles, text and escaping", () => {
    same(
      h(
        "div",
        {
          className: "a b",
          "data-row": 'x"y',
          "aria-hidden": true,
          title: "it's <ok>",
          style: { top: "12%", height: 220, flex: 1, opacity: 0.5, marginTop: 0 },
        },
        "text & <more>",
        42,
        null,
        false,
        [h("span", { key: 1 }, "a"), h("span", { key: 2, hidden: true }, "b")],
        h(Fragment, null, h("br"), h("input", { type: "checkbox", checked: false, readOnly: true, disabled: true })),
        h(
          "svg",
          { viewBox: "0 0 600 220", preserveAspectRatio: "none", width: "100%", height: 220, className: "block" },
          h("line", {
            x1: "0",
            x2: 600,
            y1: 10.5,
            y2: 10.5,
            stroke: "#94a3b8",
            strokeDasharray: "3 3",
            vectorEffect: "non-scaling-stroke",
          }),
          h(
            "path",
            { d: "M0 0h0", strokeWidth: "6", strokeLinecap: "round", strokeLinejoin: "round" },
            h("title", null, "1月 · 本期: 12"),
          ),
          h("text", { textAnchor: "middle", dominantBaseline: "central", fontSize: 11 }, "x"),
        ),
        h("table", null, h("tbody", null, h("tr", null, h("td", { colSpan: 2, tabIndex: 0 }, "c")))),
      ),
    );
  });

  it("the dashboard's and report's static parts: bars, lines, heatmap, tables, figure cards", () => {
    for (const locale of ["zh", "en"] as const) {
      same(h(BarsFigure, { rows, series, label: "按违法行为", locale }));
      same(
        h(BarsFigure, {
          rows: rows.map((r) => ({ ...r, value: r.value - 600 })),
          series: series.slice(0, 1),
          percent: true,
          label: "同比",
          locale,
        }),
      );
      same(h(StaticLines, { rows, series, label: "月度趋势", locale, height: 180 }));
      same(
        h(AccidentHeatmap, {
          cells: [
            { weekday: 1, hour: 8, n: 3 },
            { weekday: 0, hour: 23, n: 1 },
          ],
          t,
          locale,
        }),
      );
      const table: StatTable = {
        key: "k",
        title: "表 <1>",
        columns: [
          { key: "name", label: "名称", kind: "text" },
          { key: "n", label: "数量" },
          { key: "yoy", label: "同比", kind: "pct" },
          { key: "share", label: "占比", kind: "rate" },
        ],
        rows: [
          { key: "a", cells: { name: "甲", n: 12345, yoy: -12.5, share: 33.3 }, href: "/violations?x=1&y=2" },
          { key: "b", cells: { name: "乙", n: null, yoy: null, share: 0 } },
          { key: "total", cells: { name: "合计", n: 12345, yoy: 3, share: 100 }, strong: true },
        ],
      };
      same(h(StatTableView, { table, locale }));
      same(
        h(FigureCard, {
          label: "事故",
          figure: { value: 123, lastYear: 100, yoyPct: compare(123, 100).yoyPct, previous: 110, popPct: -3.5 },
          t,
          locale,
          href: "/accidents",
          testId: "card-x",
          showPop: true,
        }),
      );
      same(
        h(FigureCard, {
          label: "处警时长",
          figure: { value: 4.25, lastYear: null, yoyPct: null },
          t,
          locale,
          unit: "分钟",
          digits: 1,
          testId: "card-y",
        }),
      );
    }
  });

  it("next/link becomes a plain link with its href and class", () => {
    expect(renderStaticMarkup(h(Link, { href: "/a?b=1&c=2", prefetch: false, className: "x" }, "go"))).toBe(
      '<a class="x" href="/a?b=1&amp;c=2">go</a>',
    );
  });

  it("refuses what cannot be static", () => {
    const withHook = () => {
      throw new Error("a hook ran");
    };
    expect(() => renderStaticMarkup(h(withHook))).toThrow("a hook ran");
    const asyncPart = async () => h("p");
    expect(() => renderStaticMarkup(h(asyncPart as never))).toThrow(/async/);
    const client = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    expect(() => renderStaticMarkup(h(client))).toThrow(/client component/);
  });

  it("StaticHtml carries the subtree as one string", () => {
    const bars = h(BarsFigure, { rows, series, label: "l", locale: "zh" });
    const html = renderToStaticMarkup(h(StaticHtml, { testId: "s", children: bars }));
    expect(html).toBe(`<div data-testid="s">${renderStaticMarkup(bars)}</div>`);
  });
});
