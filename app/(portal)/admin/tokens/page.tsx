import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
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
      <Card>
        {tokens.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="tokens-table">
            <thead>
              <tr>
                <Th>{t("admin.tokenName")}</Th>
                <Th>{t("admin.tokenPrefix")}</Th>
                <Th>{t("admin.unit")}</Th>
                <Th>{t("admin.tokenPermissions")}</Th>
                <Th>{t("admin.tokenLastUsed")}</Th>
                <Th>{t("admin.tokenExpires")}</Th>
                <Th>{t("common.actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tk) => (
                <Tr key={tk.id}>
                  <Td>
                    {tk.name}
                    <div className="text-xs text-slate-500">
                      {tk.createdBy.displayName} · {formatDateTime(tk.createdAt, locale)}
                    </div>
                  </Td>
                  <Td className="font-mono text-xs">{tk.prefix}…</Td>
                  <Td>{locale === "zh" ? tk.unit.nameZh : tk.unit.nameEn}</Td>
                  <Td className="max-w-xs">
                    <div className="flex flex-wrap gap-1">
                      {tk.permissions.map((p) => (
                        <Badge key={p}>{p}</Badge>
                      ))}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(tk.lastUsedAt, locale)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(tk.expiresAt, locale)}</Td>
                  <Td>
                    {tk.revokedAt ? (
                      <Badge tone="red">{t("admin.tokenRevoked")}</Badge>
                    ) : (
                      <RevokeTokenButton id={tk.id} name={tk.name} />
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
