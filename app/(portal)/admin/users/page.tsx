import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CardTable, type Column } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { can } from "@/lib/auth/actor";
import { ROLES } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { listUsers } from "@/lib/users/list-users";
import { listUsersSchema } from "@/lib/users/schemas";
import { NewUserForm } from "./user-forms";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "admin.users")) return <Forbidden />;
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const parsed = listUsersSchema.safeParse(sp);
  const input = parsed.success ? parsed.data : listUsersSchema.parse({});
  const [page, units] = await Promise.all([listUsers({ actor: user, input }), listUnitsInScope(user)]);
  const unitOptions = units.map((u) => ({
    code: u.code,
    label: `${"　".repeat(Math.max(0, u.depth - 1))}${locale === "zh" ? u.nameZh : u.nameEn}`,
  }));
  const unitChoices = unitOptions.map((u) => ({ value: u.code, label: u.label }));
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const columns: Column<(typeof page.items)[number]>[] = [
    {
      header: t("admin.username"),
      cell: (u) => (
        <Link href={`/admin/users/${u.id}`} className="font-mono font-medium text-brand-700 hover:underline">
          {u.username}
        </Link>
      ),
    },
    { header: t("admin.displayName"), cell: (u) => u.displayName },
    { header: t("admin.badgeNumber"), className: "font-mono", cell: (u) => u.badgeNumber ?? "—" },
    { header: t("admin.role"), cell: (u) => t(`roles.${u.role}`) },
    { header: t("admin.unit"), cell: (u) => (locale === "zh" ? u.unit.nameZh : u.unit.nameEn) },
    {
      header: t("admin.active"),
      cell: (u) =>
        !u.active ? (
          <Badge>{t("admin.activeNo")}</Badge>
        ) : u.lockedUntil ? (
          <Badge tone="red">
            {t("admin.lockedUntil")} {formatDateTime(u.lockedUntil, locale)}
          </Badge>
        ) : (
          <Badge tone="green">{t("admin.activeYes")}</Badge>
        ),
    },
    {
      header: t("admin.lastLogin"),
      className: "whitespace-nowrap",
      cell: (u) => formatDateTime(u.lastLoginAt, locale),
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.users")} actions={<NewUserForm units={unitOptions} />} />
      <FilterBar
        fields={[
          { name: "q", label: t("common.search"), placeholder: t("admin.searchUsers"), className: "w-64" },
          { name: "role", label: t("admin.role"), type: "select", options: roles, className: "w-44" },
          { name: "unitCode", label: t("admin.unit"), type: "select", options: unitChoices, className: "w-64" },
        ]}
        t={t}
        values={input}
        submit={t("common.search")}
      />
      <CardTable emptyTitle={t("common.empty")} testId="users-table" rows={page.items} columns={columns} />
      <CursorPager basePath="/admin/users" params={sp} nextCursor={page.nextCursor} />
    </div>
  );
}
