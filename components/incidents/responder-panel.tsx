"use client";
import { useCallback, useState, useEffect } from "react";
import { ago } from "@/components/duty/map/people";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useI18n } from "@/lib/i18n/client";
import { acceptIncidentAction, arriveIncidentAction, handleIncidentAction } from "@/lib/incidents/actions";
import type { IncidentEvent } from "@/lib/incidents/events";
import { OPEN_STATUSES } from "@/lib/incidents/vocabulary";
import type { IncidentItem } from "@/lib/incidents/wire";
import { PriorityBadge, StatusBadge } from "./badges";
import { LiveDot } from "./live-dot";
import { useIncidentEvents } from "./use-incident-events";
import { useNow } from "./use-now";

/** What a responder still has to do something about. */
const TO_DO: readonly string[] = ["received", "dispatched", "accepted", "on_scene"];

type RecordKind = "accident" | "violation";

/**
 * The responder's side (路警/路员, phone-sized): the incidents they are dispatched to, live;
 * accept, on scene (a tap here, or by itself when their device's fix is within 200 m) and
 * handled; then record the accident or violations prefilled from the incident. Self-contained
 * (server actions + /api/v1/incidents/assigned + the incident events), so /field can mount it:
 * the list is read again on every (re)connect of the live stream, so a dispatch sent while the
 * phone had no signal shows once it is back. `onRecord` replaces the links to the portal's
 * forms (the field app opens its own, prefilled, offline-capable ones).
 */
export function ResponderPanel({
  initial,
  userId,
  recordHref = { accident: "/accidents/new", violation: "/violations/new" },
  onRecord,
  onToDo,
}: {
  initial: IncidentItem[];
  /** The viewer: a dispatch naming them shows at once from the event, before its details load. */
  userId?: string;
  recordHref?: { accident: string; violation: string };
  onRecord?: (kind: RecordKind, inc: IncidentItem) => void;
  /** How many of the list still need the responder (not yet handled), whenever it changes. */
  onToDo?: (n: number) => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState(initial);
  const reload = useCallback(async () => {
    const r = await fetch("/api/v1/incidents/assigned", { cache: "no-store" });
    if (r.ok) setItems((await r.json()).items);
  }, []);
  const onEvent = useCallback(
    (e: IncidentEvent) => {
      if (userId && e.userIds.includes(userId) && (OPEN_STATUSES as readonly string[]).includes(e.status))
        setItems((cur) => (cur.some((i) => i.id === e.id) ? cur : [fromEvent(e), ...cur]));
      void reload();
    },
    [reload, userId],
  );
  useEffect(() => onToDo?.(items.filter((i) => TO_DO.includes(i.status)).length), [items, onToDo]);
  // On every (re)connect the list is read again: a dispatch sent while the stream was down sent no event.
  const live = useIncidentEvents(onEvent, true, reload);

  return (
    <div className="mx-auto max-w-xl space-y-3" data-testid="responder-panel">
      <div className="flex justify-end">
        <LiveDot status={live} />
      </div>
      {items.length === 0 ? (
        <EmptyState title={t("incidents.noMine")} />
      ) : (
        items.map((i) => (
          <AssignedCard key={i.id} inc={i} recordHref={recordHref} onRecord={onRecord} onChanged={reload} />
        ))
      )}
    </div>
  );
}

/** A card from the event alone (kind, priority, place as coordinates) until the details arrive. */
function fromEvent(e: IncidentEvent): IncidentItem {
  const { id, status, kind, priority, lat, lng, receivedAt } = e;
  return {
    id,
    status,
    kind,
    priority,
    lat,
    lng,
    receivedAt,
    address: null,
    description: null,
    callerName: null,
    callerPhoneMasked: null,
    dispatch: null,
  } as unknown as IncidentItem;
}

function AssignedCard({
  inc,
  recordHref,
  onRecord,
  onChanged,
}: {
  inc: IncidentItem;
  recordHref: { accident: string; violation: string };
  onRecord?: (kind: RecordKind, inc: IncidentItem) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  // When the card first appeared on this screen (the dispatch latency test reads it): the
  // clock at first render, not useNow()'s last tick (up to 5 s old).
  const now = useNow();
  const [shownAt] = useState(() => Date.now());
  const accept = useAction(null, acceptIncidentAction);
  const arrive = useAction(null, arriveIncidentAction);
  const handle = useAction(null, handleIncidentAction);
  const busy = accept.pending || arrive.pending || handle.pending;
  const error = accept.error ?? arrive.error ?? handle.error;
  const big = "h-14 flex-1 text-base";
  const step = (a: typeof accept) => a.run({ id: inc.id } as never, onChanged);
  const accident = inc.kind === "accident_injury" || inc.kind === "accident_property";
  return (
    <article
      className="space-y-2 rounded-xl border-2 border-slate-200 bg-white p-3 shadow-sm"
      data-testid="assigned-incident"
      data-id={inc.id}
      data-status={inc.status}
      data-shown-at={shownAt}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <PriorityBadge priority={inc.priority} t={t} />
        <h2 className="text-lg font-semibold">{t(`incidents.kinds.${inc.kind}`)}</h2>
        <StatusBadge status={inc.status} t={t} />
      </div>
      <p className="text-base">{inc.address ?? `${inc.lat.toFixed(5)}, ${inc.lng.toFixed(5)}`}</p>
      {inc.description && <p className="text-sm text-slate-700">{inc.description}</p>}
      <p className="text-xs text-slate-500">
        {inc.callerName ?? ""} {inc.callerPhoneMasked ?? ""}
        {inc.dispatch && ` · ${t("incidents.sentAgo", { ago: ago(t, now - Date.parse(inc.dispatch.dispatchedAt)) })}`}
      </p>
      {error && <Alert>{error}</Alert>}
      <div className="flex gap-2">
        {inc.status === "dispatched" && (
          <Button className={big} disabled={busy} onClick={() => step(accept)} data-testid="accept">
            {t("incidents.accept")}
          </Button>
        )}
        {(inc.status === "dispatched" || inc.status === "accepted") && (
          <Button
            className={big}
            variant={inc.status === "accepted" ? "primary" : "secondary"}
            disabled={busy}
            onClick={() => step(arrive)}
            data-testid="arrive"
          >
            {t("incidents.arrive")}
          </Button>
        )}
        {inc.status === "on_scene" && (
          <Button className={big} disabled={busy} onClick={() => step(handle)} data-testid="handle">
            {t("incidents.handle")}
          </Button>
        )}
        {inc.status === "handled" &&
          (["accident", "violation"] as const).map((kind) => {
            const props = {
              variant: (kind === "accident") === accident ? ("primary" as const) : ("secondary" as const),
              className: big,
              "data-testid": `record-${kind}`,
              children: t(kind === "accident" ? "incidents.recordAccident" : "incidents.recordViolation"),
            };
            return onRecord ? (
              <Button key={kind} {...props} onClick={() => onRecord(kind, inc)} />
            ) : (
              <ButtonLink key={kind} {...props} href={`${recordHref[kind]}?incident=${inc.id}`} />
            );
          })}
      </div>
    </article>
  );
}
