"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { ago } from "@/components/duty/map/people";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert, LoadingBlock } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useI18n } from "@/lib/i18n/client";
import { dispatchIncidentAction, revealCallerAction } from "@/lib/incidents/actions";
import { dispatchSchema } from "@/lib/incidents/schemas";
import type { IncidentFull, ResponderItem } from "@/lib/incidents/wire";
import { distanceLabel, PriorityBadge, StatusBadge } from "./badges";
import { CancelIncidentForm, CloseIncidentForm } from "./close-form";
import { Timeline } from "./timeline";
import { useNow } from "./use-now";

const DISPATCHABLE = new Set(["received", "dispatched", "accepted", "on_scene"]);

/**
 * The selected incident on the desk: what was reported and where, the caller (phone
 * masked; the full number on request, audited), the proposed responders with one-click
 * dispatch (re-dispatch asks first), the timeline, and closing or cancelling.
 */
export function IncidentPanel({
  id,
  version,
  canCaller,
  onChanged,
}: {
  id: string;
  version: number;
  canCaller: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [inc, setInc] = useState<IncidentFull | null>(null);
  const [responders, setResponders] = useState<ResponderItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);
  const dispatch = useAction(dispatchSchema, dispatchIncidentAction);
  const reveal = useAction(null, revealCallerAction);
  const now = useNow();

  const load = useCallback(async () => {
    const r = await fetch(`/api/v1/incidents/${id}`, { cache: "no-store" });
    if (!r.ok) return setFailed(true);
    const d: IncidentFull = await r.json();
    setInc(d);
    if (DISPATCHABLE.has(d.status)) {
      const rr = await fetch(`/api/v1/incidents/${id}/responders`, { cache: "no-store" });
      setResponders(rr.ok ? (await rr.json()).items : []);
    } else setResponders(null);
  }, [id]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetches from the server, state is set after the await
    void load();
  }, [load, version]);
  // Positions move: refresh the proposal now and then while it is on screen.
  useEffect(() => {
    const h = setInterval(() => void load(), 20_000);
    return () => clearInterval(h);
  }, [load]);

  if (failed) return <Alert>{t("errors.NOT_FOUND")}</Alert>;
  if (!inc) return <LoadingBlock label={t("common.loading")} />;
  const standing = inc.dispatch;
  const send = (r: ResponderItem) => {
    const replace = !!standing;
    if (replace && !window.confirm(t("incidents.redispatchConfirm", { name: r.name }))) return;
    dispatch.run({ id, userIds: [r.userId], replace } as never, () => {
      onChanged();
      void load();
    });
  };

  return (
    <Card className="space-y-3 p-3" data-testid="incident-panel" data-id={inc.id}>
      <div className="flex flex-wrap items-center gap-1.5">
        <PriorityBadge priority={inc.priority} t={t} />
        <h2 className="text-base font-semibold">{t(`incidents.kinds.${inc.kind}`)}</h2>
        <StatusBadge status={inc.status} t={t} />
        <Badge>{t(`incidents.sources.${inc.source}`)}</Badge>
        <Link href={`/incidents/${inc.id}`} className="ml-auto text-sm text-brand-700 hover:underline">
          {t("incidents.openDetail")}
        </Link>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("incidents.place")}</dt>
        <dd>
          {inc.address ?? "—"}
          <span className="ml-1 font-mono text-xs text-slate-600">
            {inc.lat.toFixed(5)}, {inc.lng.toFixed(5)}
          </span>
        </dd>
        <dt className="text-slate-500">{t("incidents.grid")}</dt>
        <dd>
          {inc.grid ? (
            <Link href={`/beats/grids/${inc.grid.id}`} className="text-brand-700 underline hover:no-underline">
              {inc.grid.name}
            </Link>
          ) : (
            t("incidents.noGrid")
          )}
          {" · "}
          {inc.beat ? (
            <Link href={`/beats/${inc.beat.id}`} className="text-brand-700 underline hover:no-underline">
              {t("incidents.beat")}
            </Link>
          ) : (
            t("incidents.noBeat")
          )}
        </dd>
        <dt className="text-slate-500">{t("incidents.callerName")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {inc.callerName ?? "—"}
          <span className="tabular-nums" data-testid="caller-phone">
            {phone ?? inc.callerPhoneMasked ?? ""}
          </span>
          {canCaller && inc.callerPhoneMasked && !phone && (
            <button
              type="button"
              className="text-xs text-brand-700 hover:underline"
              title={t("incidents.phoneAudited")}
              onClick={() => reveal.run({ id } as never, (d) => setPhone((d as { callerPhone: string }).callerPhone))}
              data-testid="reveal-phone"
            >
              {t("incidents.showPhone")}
            </button>
          )}
        </dd>
        {inc.description && (
          <>
            <dt className="text-slate-500">{t("incidents.description")}</dt>
            <dd className="whitespace-pre-wrap">{inc.description}</dd>
          </>
        )}
        {standing && (
          <>
            <dt className="text-slate-500">{t("incidents.dispatchedTo")}</dt>
            <dd data-testid="dispatched-to">
              {standing.people.map((p) => p.name).join("、")}
              <span className="ml-1 text-xs text-slate-500">
                {standing.dispatchedBy?.name ?? "API"} · {ago(t, now - Date.parse(standing.dispatchedAt))}
              </span>
            </dd>
          </>
        )}
      </dl>

      {responders && (
        <section aria-label={t("incidents.responders")}>
          <h3 className="text-sm font-semibold">{t("incidents.responders")}</h3>
          <p className="mb-1 text-xs text-slate-500">{t("incidents.respondersHint")}</p>
          {dispatch.error && <Alert>{dispatch.error}</Alert>}
          {responders.length === 0 ? (
            <p className="text-sm text-slate-500">{t("incidents.noResponders")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="responders">
              {responders.map((r, i) => (
                <li
                  key={r.userId}
                  className="flex items-center gap-2 py-1.5"
                  data-testid="responder"
                  data-user={r.userId}
                >
                  <span className="min-w-0 flex-1">
                    <span className="font-medium">{r.name}</span>{" "}
                    <span className="text-xs text-slate-500">{t(`roles.${r.role}`)}</span>
                    {r.onBeat && (
                      <Badge tone="green" className="ml-1">
                        {t("incidents.onBeat")}
                      </Badge>
                    )}
                    <span className="block text-xs text-slate-500">
                      {distanceLabel(t, r.distanceM)}
                      {r.fixAgeS !== null && ` · ${t("incidents.fixAge", { ago: ago(t, r.fixAgeS * 1000) })}`}
                      {r.status && ` · ${t(`duty.statuses.${r.status}`)}`}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    variant={standing ? "secondary" : "primary"}
                    disabled={dispatch.pending || !!standing?.userIds.includes(r.userId)}
                    onClick={() => send(r)}
                    data-testid={i === 0 ? "dispatch-first" : "dispatch"}
                  >
                    {standing ? t("incidents.redispatch") : t("incidents.dispatch")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section>
        <h3 className="mb-1 text-sm font-semibold">{t("incidents.timeline")}</h3>
        <Timeline steps={inc.timeline} t={t} locale={locale} />
      </section>

      {(inc.records.accidents.length > 0 || inc.records.violations.length > 0) && (
        <section>
          <h3 className="mb-1 text-sm font-semibold">{t("incidents.records")}</h3>
          <ul className="space-y-0.5 text-sm">
            {inc.records.accidents.map((a) => (
              <li key={a.id}>
                <Link href={`/accidents/${a.id}`} className="text-brand-700 hover:underline">
                  {t("nav.accidents")} · {t(`records.severities.${a.severity}`)}
                </Link>
              </li>
            ))}
            {inc.records.violations.map((v) => (
              <li key={v.id}>
                <Link href={`/violations/${v.id}`} className="text-brand-700 hover:underline">
                  {t("nav.violations")} · {v.plate ?? v.typeKey}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(inc.status === "handled" || inc.status === "received") && (
        <CloseIncidentForm id={inc.id} onDone={() => (onChanged(), void load())} />
      )}
      {inc.status !== "closed" && inc.status !== "cancelled" && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">{t("incidents.cancel")}</summary>
          <div className="mt-2">
            <CancelIncidentForm id={inc.id} onDone={() => (onChanged(), void load())} />
          </div>
        </details>
      )}
    </Card>
  );
}
