import { notFound } from "next/navigation";
import { pageId } from "@/lib/pages";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { RecordHistory } from "@/components/ui/record-history";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { SignInControls } from "@/components/users/sign-in-controls";
import { secondFactorRequired } from "@/lib/auth/permissions";
import { getUserInScope, userSignInState } from "@/lib/users/list-users";
import { EditUserForm } from "../user-forms";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  if (!can(actor, "admin.users")) return <Forbidden />;
  const id = await pageId(params);
  const user = await getUserInScope({ actor, id });
  if (!user) notFound();
  const [t, locale, units, signIn] = await Promise.all([
    getT(),
    getLocale(),
    listUnitsInScope(actor),
    userSignInState({ actor, id }),
  ]);
  const unitOptions = units.map((u) => ({
    code: u.code,
    label: `${"　".repeat(Math.max(0, u.depth - 1))}${locale === "zh" ? u.nameZh : u.nameEn}`,
  }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${user.displayName} (${user.username})`}
        subtitle={
          <span className="flex gap-2">
            {user.active ? <Badge tone="green">{t("admin.activeYes")}</Badge> : <Badge>{t("admin.activeNo")}</Badge>}
            <span>
              {t("admin.lastLogin")}: {formatDateTime(user.lastLoginAt, locale)}
            </span>
          </span>
        }
      />
      <Card>
        <CardBody>
          <EditUserForm
            isSelf={user.id === actor.userId}
            units={unitOptions}
            user={{
              id: user.id,
              name: user.displayName,
              displayName: user.displayName,
              badgeNumber: user.badgeNumber,
              phone: user.phone,
              role: user.role,
              unitCode: user.unit.code,
              active: user.active,
            }}
          />
        </CardBody>
      </Card>
      {signIn && (
        <Card>
          <CardBody>
            <SignInControls
              user={{
                id: user.id,
                name: user.displayName,
                totpEnabled: signIn.totpEnabledAt !== null,
                totpRequired: secondFactorRequired(signIn.role),
                mustChangePassword: signIn.mustChangePassword,
                openSessions: signIn.openSessions,
              }}
            />
          </CardBody>
        </Card>
      )}
      <RecordHistory actor={actor} entity="user" id={id} />
    </div>
  );
}
