import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/auth/session";

/** Every portal page needs a session; checked here on the server, not only in the proxy. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return <AppShell user={user}>{children}</AppShell>;
}
