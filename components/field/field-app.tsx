"use client";
/**
 * The field app (/field): one page whose views change without a server round trip, so
 * it opens and works with no network once cached by the service worker (public/sw.js).
 * Captures go to the outbox (IndexedDB) and the sync loop sends them.
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import { enqueue } from "@/lib/field/outbox";
import { unsentCount, type OutboxItem } from "@/lib/field/store";
import { resend } from "@/lib/field/sync";
import type { IncidentItem } from "@/lib/incidents/wire";
import { incidentSeed, type Capture } from "./capture-common";
import { SosButton } from "./sos-button";
import { useField } from "./use-field";
import { usePosition, type DutyStatus } from "./use-position";
import { registerFieldWorker, warmUp } from "./sw-register";
import { useNow } from "./use-now";

const loading = () => (
  <p className="p-4 text-slate-600" data-loading>
    …
  </p>
);
// One loader per lazy part, used both to render it and to warm it up for offline use: an
// `import()` written inside `dynamic()` is compiled to its own copy of the chunks, so warming
// up a second `import()` of the same file would cache files the app never asks for.
const lazyParts = {
  violation: () => import("./violation-form"),
  accident: () => import("./accident-form"),
  hazard: () => import("./hazard-form"),
  outbox: () => import("./outbox-view"),
  duty: () => import("./duty-view"),
  dispatches: () => import("./dispatches"),
};
const ViolationForm = dynamic(() => lazyParts.violation().then((m) => m.ViolationForm), { loading });
const AccidentForm = dynamic(() => lazyParts.accident().then((m) => m.AccidentForm), { loading });
const HazardForm = dynamic(() => lazyParts.hazard().then((m) => m.HazardForm), { loading });
const OutboxView = dynamic(() => lazyParts.outbox().then((m) => m.OutboxView), { loading });
const DutyView = dynamic(() => lazyParts.duty().then((m) => m.DutyView), { loading });
const Dispatches = dynamic(() => lazyParts.dispatches().then((m) => m.Dispatches), { loading });

type View = "home" | "duty" | "outbox" | "violation" | "accident" | "hazard";
const VIEWS: View[] = ["home", "duty", "outbox", "violation", "accident", "hazard"];

export function FieldApp({ userId }: { userId: string }) {
  const { t, locale } = useI18n();
  const state = useField(userId);
  const { data, items, online, needsSignIn, refresh, sync } = state;
  const pos = usePosition(userId, data?.beats ?? [], refresh);
  const [view, setView] = useState<View>("home");
  const [fixing, setFixing] = useState<OutboxItem | null>(null);
  // A new record for a dispatched incident starts from it (see Dispatches).
  const [prefill, setPrefill] = useState<Record<string, unknown> | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const now = useNow();
  // Dispatches still to handle, and whether their list is on screen: the list is the home
  // view's last section, so a notice above the tab bar points to it while it is out of view.
  const [toDo, setToDo] = useState(0);
  const [dispatchesInView, setDispatchesInView] = useState(true);
  const dispatchesRef = useRef<HTMLDivElement>(null);
  const showDispatches = view === "home" && !!data;
  useEffect(() => {
    const el = dispatchesRef.current;
    if (!showDispatches || !el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(([e]) => setDispatchesInView(e.isIntersecting));
    io.observe(el);
    return () => io.disconnect();
  }, [showDispatches]);

  // Views live in the URL's hash, so the phone's back button works without a server.
  useEffect(() => {
    const read = () => {
      const v = location.hash.slice(1) as View;
      setView(VIEWS.includes(v) ? v : "home");
    };
    read();
    window.addEventListener("hashchange", read);
    registerFieldWorker();
    warmUp(Object.values(lazyParts));
    return () => window.removeEventListener("hashchange", read);
  }, []);
  const go = (v: View) => {
    setPrefill(null);
    if (v !== "violation" && v !== "accident" && v !== "hazard") setFixing(null);
    location.hash = v === "home" ? "" : v;
    setView(v);
    window.scrollTo(0, 0);
  };

  const save = useCallback(
    async (c: Capture, again: boolean) => {
      if (fixing) {
        await resend(fixing, c.body, c.summary);
        setFixing(null);
      } else {
        await enqueue({
          userId,
          kind: c.kind,
          body: c.body,
          summary: c.summary,
          photos: c.photos.map((p) => ({ id: p.id, blob: p.blob, width: p.width, height: p.height })),
        });
      }
      await refresh();
      setFlash(t("field.capture.saved"));
      setTimeout(() => setFlash(null), 2500);
      if (!again) go(fixing ? "outbox" : "home");
      void sync(true);
    },
    [fixing, userId, refresh, sync, t],
  );

  const signOut = async () => {
    const n = await unsentCount(userId);
    if (n > 0 && !window.confirm(t("field.app.signOutWarn", { count: n }))) return;
    navigator.serviceWorker?.controller?.postMessage({ type: "sign-out" });
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    // A full load: the signed-out page must not keep this app's state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    location.href = "/login";
  };

  // An SOS is sent at once (the retry timer only repeats it while it has not arrived).
  const raisedSos = () => {
    void refresh();
    void sync(true);
  };
  const waiting = items.filter((i) => i.status === "waiting" || i.status === "sending").length;
  const refused = items.filter((i) => i.status === "refused").length;
  const sent = items.filter((i) => i.status === "sent").length;
  const can = (p: string) => !!data?.user.permissions.includes(p);
  const formProps = {
    data: data!,
    lastFix: pos.lastFix,
    initial: fixing?.body ?? null,
    serverErrors: fixing?.error
      ? Object.fromEntries(fixing.error.fields.map((f) => [f.path, f.key ?? f.message]))
      : undefined,
    onSubmit: save,
  };
  const formKey = fixing?.id ?? String(prefill?.incidentId ?? "new");

  return (
    <div className="mx-auto min-h-screen max-w-xl bg-slate-100 pb-24">
      <header className="sticky top-0 z-10 flex items-center justify-between gap-2 bg-brand-700 px-4 py-3 text-white">
        <div className="min-w-0">
          <h1 className="truncate text-lg font-semibold">{t("field.app.title")}</h1>
          {/* Fixed height: the name arrives with the data, and the page must not move then. */}
          <p className="h-4 truncate text-xs text-blue-100">
            {data ? `${data.user.name} · ${locale === "zh" ? data.user.unitNameZh : data.user.unitNameEn}` : ""}
          </p>
        </div>
        <span
          data-testid="net-state"
          data-online={online ? "1" : "0"}
          className={`shrink-0 rounded-full px-2 py-1 text-xs ${online ? "bg-green-700" : "bg-slate-600"}`}
        >
          {online ? t("field.app.online") : "⚠"}
        </span>
      </header>
      {!online && <p className="bg-slate-700 px-4 py-2 text-sm text-white">{t("field.app.offline")}</p>}
      {needsSignIn && (
        <div role="alert" data-testid="sign-in-again" className="space-y-2 bg-amber-100 px-4 py-3 text-amber-950">
          <p>{t("field.app.signInAgain")}</p>
          <a
            href="/login?callbackUrl=%2Ffield"
            className="inline-block rounded-md bg-amber-700 px-4 py-2 font-semibold text-white"
          >
            {t("field.app.signInButton")}
          </a>
        </div>
      )}
      {flash && (
        <p role="status" className="bg-green-600 px-4 py-2 text-white">
          {flash}
        </p>
      )}
      {/* At least a screen high, so the footer starts below the fold and the data (or a lazy
          part) arriving never moves anything the officer already sees (layout shift). */}
      <main className="min-h-svh space-y-4 p-4">
        {!data && <p className="text-slate-600">{t("field.app.noData")}</p>}
        {data && view === "home" && (
          <>
            {can("sos.raise") && <SosButton userId={userId} lastFix={pos.lastFix} items={items} onRaised={raisedSos} />}
            <section className="space-y-2 rounded-xl bg-white p-3">
              <div className="flex items-center justify-between">
                <h2 className="font-semibold">{t("field.status.title")}</h2>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    data-testid="duty-switch"
                    className="h-6 w-6"
                    checked={pos.on}
                    onChange={(e) => pos.setOn(e.target.checked)}
                  />
                  {pos.on ? t("field.status.onDuty") : t("field.status.offDuty")}
                </label>
              </div>
              <div className="grid grid-cols-3 gap-2" role="group" aria-label={t("field.status.title")}>
                {(["on_patrol", "handling_incident", "off_duty"] as DutyStatus[]).map((s) => (
                  <button
                    key={s}
                    type="button"
                    aria-pressed={pos.status === s}
                    onClick={() => pos.setStatus(s)}
                    className={`h-12 rounded-lg text-sm font-medium ${pos.status === s ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
                  >
                    {t(`field.status.${s}`)}
                  </button>
                ))}
              </div>
              <p className="text-xs text-slate-600" data-testid="last-fix">
                {pos.error
                  ? t("field.status.noGps", { reason: pos.error })
                  : pos.lastFix
                    ? `${t("field.status.lastFix", { time: formatDateTime(new Date(pos.lastFix.at), locale) })} · ${t("field.status.accuracy", { m: Math.round(pos.lastFix.accuracyM ?? 0) })}`
                    : t("field.status.auto")}
              </p>
            </section>
            <section className="space-y-2">
              <h2 className="font-semibold">{t("field.home.capture")}</h2>
              <div className="grid grid-cols-3 gap-2">
                {can("violation.create") && (
                  <BigButton testId="go-violation" onClick={() => go("violation")}>
                    {t("field.home.violation")}
                  </BigButton>
                )}
                {can("accident.create") && (
                  <BigButton testId="go-accident" onClick={() => go("accident")}>
                    {t("field.home.accident")}
                  </BigButton>
                )}
                {can("hazard.manage") && (
                  <BigButton testId="go-hazard" onClick={() => go("hazard")}>
                    {t("field.home.hazard")}
                  </BigButton>
                )}
              </div>
            </section>
            <button
              type="button"
              data-testid="outbox-summary"
              onClick={() => go("outbox")}
              className="w-full rounded-xl bg-white p-3 text-left"
            >
              <span className="block font-semibold">{t("field.outbox.title")}</span>
              <span className="text-sm text-slate-600">
                {t("field.home.outboxSummary", { waiting, refused, sent })}
              </span>
              {state.fixesQueued > 0 && (
                <span className="block text-xs text-slate-600">
                  {t("field.home.fixesQueued", { count: state.fixesQueued })}
                </span>
              )}
            </button>
            <p className="text-xs text-slate-600">
              {t("field.app.dataAsOf", { time: formatDateTime(data.generatedAt, locale) })}
            </p>
            {/* Last on the home view: its list arrives after the first paint and may be long;
                above the capture buttons it pushed them down as it came (layout shift). */}
            {can("incident.respond") && (
              <div ref={dispatchesRef} className="scroll-mt-20">
                <Dispatches
                  userId={userId}
                  onToDo={setToDo}
                  online={online}
                  onRecord={(kind, inc: IncidentItem) => {
                    go(kind);
                    setPrefill(incidentSeed(inc));
                  }}
                />
              </div>
            )}
          </>
        )}
        {data && view === "duty" && (
          <DutyView
            now={now}
            data={data}
            lastFix={pos.lastFix}
            checkedIn={pos.checkedIn}
            onCheckIn={(b, id, n) => void pos.tapCheckIn(b, id, n)}
          />
        )}
        {data && view === "outbox" && (
          <OutboxView
            now={now}
            items={items}
            syncing={state.syncing}
            onSync={() => void sync(true)}
            onChanged={() => void refresh()}
            onFix={(i) => {
              setFixing(i);
              go(i.kind as View);
            }}
          />
        )}
        {data && (view === "violation" || view === "accident" || view === "hazard") && (
          <section className="rounded-xl bg-white p-4">
            <h2 className="mb-3 text-lg font-semibold">
              {fixing ? t("field.capture.fixTitle") : t(`field.capture.${view}Title`)}
            </h2>
            {view === "violation" && <ViolationForm key={formKey} {...formProps} prefill={fixing ? null : prefill} />}
            {view === "accident" && <AccidentForm key={formKey} {...formProps} prefill={fixing ? null : prefill} />}
            {view === "hazard" && <HazardForm key={formKey} {...formProps} />}
          </section>
        )}
      </main>
      {view === "home" && toDo > 0 && !dispatchesInView && (
        <button
          type="button"
          data-testid="dispatch-notice"
          onClick={() => dispatchesRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })}
          className="fixed inset-x-0 bottom-16 z-10 mx-auto w-fit rounded-full bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-lg"
        >
          {t("field.home.dispatchNotice", { count: toDo })}
        </button>
      )}
      <nav
        className="fixed inset-x-0 bottom-0 z-10 mx-auto grid max-w-xl grid-cols-4 border-t border-slate-300 bg-white"
        aria-label={t("nav.menu")}
      >
        {(["home", "duty", "violation", "outbox"] as View[]).map((v) => (
          <button
            key={v}
            type="button"
            data-testid={`tab-${v}`}
            aria-current={view === v ? "page" : undefined}
            onClick={() => go(v)}
            className={`h-14 text-sm ${view === v ? "font-semibold text-brand-700" : "text-slate-600"}`}
          >
            {v === "violation" ? t("field.nav.capture") : t(`field.nav.${v}`)}
            {v === "outbox" && waiting + refused > 0 && (
              <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">{waiting + refused}</span>
            )}
          </button>
        ))}
      </nav>
      <footer className="flex justify-between px-4 text-sm">
        {/* Not prefetched: the portal's list is a heavy page the phone would fetch and parse
            on every opening of the app, for a link an officer rarely follows. */}
        <Link href="/violations" prefetch={false} className="text-brand-700 underline">
          {t("field.app.portal")}
        </Link>
        <button
          type="button"
          data-testid="field-sign-out"
          onClick={() => void signOut()}
          className="text-slate-700 underline"
        >
          {t("field.app.signOut")}
        </button>
      </footer>
    </div>
  );
}

function BigButton({ children, onClick, testId }: { children: React.ReactNode; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={onClick}
      className="h-20 rounded-xl bg-white text-base font-semibold text-brand-800 shadow-sm"
    >
      {children}
    </button>
  );
}
