import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  key:
    | "dashboard"
    | "map"
    | "incidents"
    | "beats"
    | "violations"
    | "accidents"
    | "hazards"
    | "window"
    | "reports"
    | "admin"
    | "field";
  href: string;
  /** Shown when the user holds any of these. */
  anyOf: Permission[];
}

/** The side navigation, in order. Each section appears only for roles that may open it. */
export const NAV: NavItem[] = [
  { key: "dashboard", href: "/dashboard", anyOf: ["dashboard.view"] },
  { key: "map", href: "/map", anyOf: ["map.view"] },
  { key: "incidents", href: "/incidents", anyOf: ["incident.view", "incident.respond"] },
  { key: "beats", href: "/beats", anyOf: ["beat.view"] },
  { key: "violations", href: "/violations", anyOf: ["violation.view"] },
  { key: "accidents", href: "/accidents", anyOf: ["accident.view"] },
  { key: "hazards", href: "/hazards", anyOf: ["hazard.view"] },
  { key: "window", href: "/window", anyOf: ["window.view"] },
  { key: "reports", href: "/reports", anyOf: ["report.view"] },
  { key: "admin", href: "/admin", anyOf: ["admin.users", "admin.units", "admin.audit", "admin.tokens"] },
  { key: "field", href: "/field", anyOf: ["field.use"] },
];

export function navFor(permissions: ReadonlySet<Permission>): NavItem[] {
  return NAV.filter((item) => item.anyOf.some((p) => permissions.has(p)));
}

/**
 * Where a user lands after signing in: the people on the road (who report their position
 * and have no dashboard: officers, auxiliaries) in the field app, everyone else in their
 * first section.
 */
export function homeFor(permissions: ReadonlySet<Permission>): string {
  if (permissions.has("position.report") && !permissions.has("dashboard.view")) return "/field";
  return navFor(permissions)[0]?.href ?? "/account";
}
