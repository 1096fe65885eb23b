import { FieldApp } from "@/components/field/field-app";
import { requirePageUser } from "@/lib/auth/session";

/** /field — the phone app of officers and auxiliaries (docs/field.md). Data comes from IndexedDB and /api/v1. */
export default async function FieldPage() {
  const user = await requirePageUser();
  return <FieldApp userId={user.userId} />;
}
