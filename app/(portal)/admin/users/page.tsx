import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
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
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.users")} actions={<NewUserForm units={unitOptions} />} />
      <form className="flex flex-wrap items-end gap-2" role="search">
        <Input
          name="q"
          defaultValue={input.q}
          placeholder={t("admin.searchUsers")}
          className="w-64"
          aria-label={t("common.search")}
        />
        <Select name="role" defaultValue={input.role ?? ""} className="w-44" aria-label={t("admin.role")}>
          <option value="">
            {t("admin.role")}: {t("common.all")}
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
        <Select name="unitCode" defaultValue={input.unitCode ?? ""} className="w-64" aria-label={t("admin.unit")}>
          <option value="">
            {t("admin.unit")}: {t("common.all")}
          </option>
          {unitOptions.map((u) => (
            <option key={u.code} value={u.code}>
              {u.label}
            </option>
          ))}
        </Select>
        <button className={buttonClass("secondary")} type="submit">
          {t("common.search")}
        </button>
      </form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="users-table">
            <thead>
              <tr>
                <Th>{t("admin.username")}</Th>
                <Th>{t("admin.displayName")}</Th>
                <Th>{t("admin.badgeNumber")}</Th>
                <Th>{t("admin.role")}</Th>
                <Th>{t("admin.unit")}</Th>
                <Th>{t("admin.active")}</Th>
                <Th>{t("admin.lastLogin")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <Tr key={u.id}>
                  <Td>
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="font-mono font-medium text-brand-700 hover:underline"
                    >
                      {u.username}
                    </Link>
                  </Td>
                  <Td>{u.displayName}</Td>
                  <Td className="font-mono">{u.badgeNumber ?? "—"}</Td>
                  <Td>{t(`roles.${u.role}`)}</Td>
                  <Td>{locale === "zh" ? u.unit.nameZh : u.unit.nameEn}</Td>
                  <Td>
                    {!u.active ? (
                      <Badge>{t("admin.activeNo")}</Badge>
                    ) : u.lockedUntil ? (
                      <Badge tone="red">
                        {t("admin.lockedUntil")} {formatDateTime(u.lockedUntil, locale)}
                      </Badge>
                    ) : (
                      <Badge tone="green">{t("admin.activeYes")}</Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(u.lastLoginAt, locale)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/admin/users" params={sp} nextCursor={page.nextCursor} />
    </div>
  );
}
