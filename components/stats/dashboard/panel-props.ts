import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { Period } from "@/lib/stats/periods";

/** What a dashboard panel that reads its own figures (and streams in after the rest) is given. */
export interface DashboardPanelProps {
  actor: Actor;
  unitCode: string;
  period: Period;
  t: TFunction;
  locale: Locale;
}
