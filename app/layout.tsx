import type { Metadata, Viewport } from "next";
import { HydrationMark } from "@/components/shell/hydration-mark";
import { I18nProvider } from "@/lib/i18n/client";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TrafficOps", template: "%s · TrafficOps" },
  description: "交警大队勤务与统计平台",
};

// Serialized once per server process, not per request.
const messagesJson: Record<Locale, string> = { zh: JSON.stringify(messages.zh), en: JSON.stringify(messages.en) };

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen font-sans">
        <I18nProvider locale={locale} messagesJson={messagesJson[locale]}>
          {children}
        </I18nProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
