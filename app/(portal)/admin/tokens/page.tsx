import { Badge } from "@/components/ui/badge";
import { CardTable, type Column } from "@/components/ui/data-table";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { tokenLifetimeDays } from "@/lib/api-tokens/lifetime";
import { listApiTokens } from "@/lib/api-tokens/manage-tokens";
import { can } from "@/lib/auth/actor";
import { TOKEN_PERMISSIONS } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { NewTokenForm, RevokeTokenButton } from "./token-forms";

export default async function TokensPage() {
  const user = await requirePageUser();
  if (!can(user, "admin.tokens")) return <Forbidden />;
  const [t, locale, tokens, units] = await Promise.all([
    getT(),
    getLocale(),
    listApiTokens(user),
    listUnitsInScope(user),
  ]);
  const lifetime = tokenLifetimeDays();
  const columns: Column<(typeof tokens)[number]>[] = [
    {
      header: t("admin.tokenName"),
      cell: (tk) => (
        <>
          {tk.name}
          <div className="text-xs text-slate-500">
            {tk.createdBy.displayName} · {formatDateTime(tk.createdAt, locale)}
          </div>
        </>
      ),
    },
    { header: t("admin.tokenPrefix"), className: "font-mono text-xs", cell: (tk) => `${tk.prefix}…` },
    { header: t("admin.unit"), cell: (tk) => (locale === "zh" ? tk.unit.nameZh : tk.unit.nameEn) },
    {
      header: t("admin.tokenPermissions"),
      className: "max-w-xs",
      cell: (tk) => (
        <div className="flex flex-wrap gap-1">
          {tk.permissions.map((p) => (
            <Badge key={p}>{p}</Badge>
          ))}
        </div>
      ),
    },
    {
      header: t("admin.tokenLastUsed"),
      className: "whitespace-nowrap",
      cell: (tk) => formatDateTime(tk.lastUsedAt, locale),
    },
    {
      header: t("admin.tokenExpires"),
      className: "whitespace-nowrap",
      cell: (tk) => formatDateTime(tk.expiresAt, locale),
    },
    {
      header: t("common.actions"),
      cell: (tk) =>
        tk.revokedAt ? (
          <Badge tone="red">{t("admin.tokenRevoked")}</Badge>
        ) : (
          <RevokeTokenButton id={tk.id} name={tk.name} />
        ),
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("admin.tokens")}
        subtitle={<span data-testid="token-lifetime">{t("admin.tokenLifetime", lifetime)}</span>}
        actions={
          <NewTokenForm
            lifetime={lifetime}
            permissions={[...TOKEN_PERMISSIONS]}
            units={units.map((u) => ({
              code: u.code,
              label: `${"　".repeat(Math.max(0, u.depth - 1))}${locale === "zh" ? u.nameZh : u.nameEn}`,
            }))}
          />
        }
      />
      <CardTable emptyTitle={t("common.empty")} testId="tokens-table" rows={tokens} columns={columns} />
    </div>
  );
}
