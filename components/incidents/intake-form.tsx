"use client";
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { createIncidentAction } from "@/lib/incidents/actions";
import { matchPlaces, parseKmMarker, pointAlong, type NamedPlace } from "@/lib/incidents/place-geo";
import { createIncidentSchema, INCIDENT_KINDS, INCIDENT_SOURCES } from "@/lib/incidents/schemas";

export interface IntakeHandle {
  focus(): void;
}

const newKey = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}`);

/**
 * 接警 by keyboard: F2 (anywhere on the desk) lands on the kind; every choice is a native
 * select whose options start with a digit, so typing 1…9 picks one; the place is typed and
 * picked with ↓ and Enter (a road's kilometre marker moves the point along it); Enter in a
 * field or Ctrl+Enter anywhere saves. Nothing needs the mouse. A double Enter never logs
 * the call twice (the form's idempotency key).
 */
export const IntakeForm = forwardRef<IntakeHandle, { places: NamedPlace[]; onCreated: (id: string) => void }>(
  function IntakeForm({ places, onCreated }, ref) {
    const t = useT();
    const save = useAction(createIncidentSchema, createIncidentAction);
    const formRef = useRef<HTMLFormElement>(null);
    const focusKind = () => formRef.current?.querySelector<HTMLSelectElement>("#in-kind")?.focus();
    const [key, setKey] = useState(newKey);
    const [query, setQuery] = useState("");
    const [open, setOpen] = useState(false);
    const [active, setActive] = useState(0);
    const [place, setPlace] = useState<NamedPlace | null>(null);
    const [km, setKm] = useState("");
    const [coords, setCoords] = useState({ lat: "", lng: "" });
    const [address, setAddress] = useState("");
    const [saved, setSaved] = useState(false);
    useImperativeHandle(ref, () => ({ focus: focusKind }), []);

    const matches = useMemo(() => (open ? matchPlaces(places, query) : []), [open, places, query]);

    const pick = (p: NamedPlace) => {
      setPlace(p);
      setQuery(p.name);
      setOpen(false);
      const at = p.line && parseKmMarker(km) !== null ? pointAlong(p.line, parseKmMarker(km)!) : p;
      setCoords({ lat: at.lat.toFixed(6), lng: at.lng.toFixed(6) });
    };
    const onKm = (v: string) => {
      setKm(v);
      const k = parseKmMarker(v);
      if (place?.line && k !== null) {
        const at = pointAlong(place.line, k);
        setCoords({ lat: at.lat.toFixed(6), lng: at.lng.toFixed(6) });
      }
    };
    const reset = () => {
      formRef.current?.reset();
      setQuery("");
      setPlace(null);
      setKm("");
      setCoords({ lat: "", lng: "" });
      setAddress("");
      setKey(newKey());
      focusKind();
    };

    const submit = () => {
      const form = formRef.current;
      if (!form || save.pending) return;
      const f = new FormData(form);
      const text = (k: string) => String(f.get(k) ?? "").trim();
      const kmText = place?.kind === "segment" ? km.trim() : "";
      setSaved(false);
      save.run(
        {
          source: text("source"),
          kind: text("kind"),
          priority: text("priority"),
          lat: coords.lat,
          lng: coords.lng,
          address: address.trim() || (place ? `${place.name}${kmText ? ` ${kmText}` : ""}` : ""),
          roadName: place?.kind === "segment" ? place.name : "",
          kmMarker: kmText,
          callerName: text("callerName"),
          callerPhone: text("callerPhone"),
          description: text("description"),
          idempotencyKey: key,
        } as never,
        (r) => {
          setSaved(true);
          reset();
          onCreated((r as { id: string }).id);
        },
      );
    };

    const opt = (n: number, label: string) => `${n}·${label}`;
    const field = save.fields;
    return (
      <form
        ref={formRef}
        noValidate
        className="space-y-3"
        data-testid="intake-form"
        aria-label={t("incidents.newCall")}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        {save.error && <Alert>{save.error}</Alert>}
        {saved && !save.error && <Alert tone="success">{t("incidents.saved")}</Alert>}
        <div className="grid grid-cols-2 gap-2">
          <Field label={t("incidents.kind")} htmlFor="in-kind" error={field.kind} required className="col-span-2">
            <Select id="in-kind" name="kind" defaultValue="" {...invalidProps("in-kind", field.kind)}>
              <option value="">—</option>
              {INCIDENT_KINDS.map((k, i) => (
                <option key={k} value={k}>
                  {opt(i + 1, t(`incidents.kinds.${k}`))}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("incidents.priority")} htmlFor="in-priority" error={field.priority}>
            <Select id="in-priority" name="priority" defaultValue="2">
              {[1, 2, 3].map((p) => (
                <option key={p} value={p}>
                  {opt(p, t(`incidents.priorities.${p}`))}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("incidents.source")} htmlFor="in-source" error={field.source}>
            <Select id="in-source" name="source" defaultValue="call_122">
              {INCIDENT_SOURCES.map((s, i) => (
                <option key={s} value={s}>
                  {opt(i + 1, t(`incidents.sources.${s}`))}
                </option>
              ))}
            </Select>
          </Field>
        </div>

        <div className="relative">
          <Field label={t("incidents.place")} htmlFor="in-place" error={field.lat ?? field.lng} required>
            <Input
              id="in-place"
              role="combobox"
              autoComplete="off"
              aria-expanded={matches.length > 0}
              aria-controls="in-place-list"
              aria-activedescendant={matches.length ? `in-place-${active}` : undefined}
              placeholder={t("incidents.placeHint")}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setOpen(true);
                setActive(0);
              }}
              onBlur={() => setTimeout(() => setOpen(false), 150)}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                  e.preventDefault();
                  setOpen(true);
                  const n = Math.max(1, matches.length);
                  setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
                } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && open && matches.length) {
                  e.preventDefault();
                  pick(matches[Math.min(active, matches.length - 1)]);
                } else if (e.key === "Escape") setOpen(false);
              }}
              {...invalidProps("in-place", field.lat ?? field.lng)}
              data-testid="intake-place"
            />
          </Field>
          {open && query.trim() && (
            <ul
              id="in-place-list"
              role="listbox"
              className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
            >
              {matches.length === 0 ? (
                <li className="px-3 py-1.5 text-slate-500">{t("incidents.placeNone")}</li>
              ) : (
                matches.map((p, i) => (
                  <li
                    key={`${p.kind}-${p.id}`}
                    id={`in-place-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={clsx("cursor-pointer px-3 py-1.5", i === active ? "bg-brand-50" : "hover:bg-slate-50")}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(p);
                    }}
                  >
                    <span className="font-medium">{p.name}</span>
                    <span className="ml-2 text-xs text-slate-500">
                      {t(`incidents.placeKinds.${p.kind}`)} · {p.context}
                    </span>
                  </li>
                ))
              )}
            </ul>
          )}
        </div>
        <div className="grid grid-cols-[1fr_1fr_1fr] gap-2">
          <Field label={t("incidents.kmMarker")} htmlFor="in-km" error={field.kmMarker}>
            <Input
              id="in-km"
              value={km}
              onChange={(e) => onKm(e.target.value)}
              placeholder="K0+500"
              disabled={place?.kind !== "segment"}
            />
          </Field>
          <Field label={t("incidents.lat")} htmlFor="in-lat">
            <Input
              id="in-lat"
              inputMode="decimal"
              value={coords.lat}
              onChange={(e) => setCoords((c) => ({ ...c, lat: e.target.value }))}
              data-testid="intake-lat"
            />
          </Field>
          <Field label={t("incidents.lng")} htmlFor="in-lng">
            <Input
              id="in-lng"
              inputMode="decimal"
              value={coords.lng}
              onChange={(e) => setCoords((c) => ({ ...c, lng: e.target.value }))}
              data-testid="intake-lng"
            />
          </Field>
        </div>
        <Field label={t("incidents.address")} htmlFor="in-address" error={field.address}>
          <Input id="in-address" value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label={t("incidents.callerName")} htmlFor="in-caller" error={field.callerName}>
            <Input id="in-caller" name="callerName" autoComplete="off" />
          </Field>
          <Field label={t("incidents.callerPhone")} htmlFor="in-phone" error={field.callerPhone}>
            <Input
              id="in-phone"
              name="callerPhone"
              inputMode="tel"
              autoComplete="off"
              {...invalidProps("in-phone", field.callerPhone)}
            />
          </Field>
        </div>
        <Field label={t("incidents.description")} htmlFor="in-desc" error={field.description}>
          <Textarea id="in-desc" name="description" rows={2} />
        </Field>
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs text-slate-500">{t("incidents.saveHint")}</span>
          <Button type="submit" disabled={save.pending} data-testid="intake-save">
            {save.pending ? t("common.saving") : t("incidents.saveCall")}
          </Button>
        </div>
      </form>
    );
  },
);
