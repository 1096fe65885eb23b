import { redirect } from "next/navigation";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";

export default async function AdminHome() {
  const user = await requirePageUser();
  const first = (["users", "units", "audit", "tokens"] as const).find((k) => can(user, `admin.${k}`));
  redirect(first ? `/admin/${first}` : "/");
}
