import type { Metadata, Viewport } from "next";
import { Forbidden } from "@/components/ui/notices";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = {
  title: "交警移动执法",
  manifest: "/field.webmanifest",
  appleWebApp: { capable: true, title: "移动执法" },
  icons: { apple: "/icons/field-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4ed8" };

/** The field app needs a session (checked here, not only in the proxy) and field.use. */
export default async function FieldLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  if (!can(user, "field.use")) return <Forbidden />;
  return children;
}
