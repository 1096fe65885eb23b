"use client";
/**
 * The incidents dispatched to this officer, on the field app's home (issue 12's responder
 * panel: accept, on scene — by a tap or by itself within 200 m of a position fix — handled,
 * then a record prefilled from the incident). Live through the incident event stream; the
 * list is read when the app opens (or, opened offline, when the network is back) and again
 * whenever the stream reconnects, so a dispatch sent while the phone had no signal shows then. Steps need the network: the desk
 * must hear them at once, so they are not queued in the outbox.
 */
import { useEffect, useState } from "react";
import { ResponderPanel } from "@/components/incidents/responder-panel";
import { useI18n } from "@/lib/i18n/client";
import type { IncidentItem } from "@/lib/incidents/wire";

export function Dispatches({
  userId,
  online,
  onRecord,
  onToDo,
}: {
  userId: string;
  online: boolean;
  onRecord: (kind: "accident" | "violation", inc: IncidentItem) => void;
  onToDo?: (n: number) => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<IncidentItem[] | null>(null);
  useEffect(() => {
    if (!online || items) return;
    let stale = false;
    fetch("/api/v1/incidents/assigned", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((b: { items: IncidentItem[] } | null) => !stale && b && setItems(b.items))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [online, items]);
  return (
    <section className="space-y-2" data-testid="field-dispatches">
      <h2 className="font-semibold">{t("field.home.dispatches")}</h2>
      {!online && <p className="text-sm text-slate-600">{t("field.home.dispatchesOffline")}</p>}
      {items && <ResponderPanel initial={items} userId={userId} onRecord={onRecord} onToDo={onToDo} />}
    </section>
  );
}
