"use client";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Field, Input, inputClass, invalidProps, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { CHANNELS, PAYMENTS, RESULTS } from "@/lib/window/catalogue";
import { submitTransactionAction } from "@/lib/window/actions";
import type { BusinessOption, PlaceOptions, Prefill, QueueTicket, Seat } from "./types";

type SubmitSchema = (typeof import("@/lib/window/schemas"))["submitTransactionSchema"];
/**
 * The form's zod schema is loaded when the clerk first focuses the form, not with the page: zod
 * and the window's schemas set themselves up in one piece, and on a phone that was the clerk
 * screen's longest task while the page became usable. Until it is there nothing needs it (no
 * field has been left yet); a submit before it would still be checked by the server.
 */
let schemaLoad: Promise<SubmitSchema> | null = null;
const loadSchema = () => (schemaLoad ??= import("@/lib/window/schemas").then((m) => m.submitTransactionSchema));

interface Values {
  business: string;
  channel: string;
  applicantName: string;
  applicantIdNumber: string;
  plate: string;
  licenceNumber: string;
  feeYuan: string;
  payment: string;
  result: string;
  missingDocuments: string;
  followUpDue: string;
  tolerated: boolean;
  refusalReason: string;
  difficult: boolean;
  difficultResolution: string;
  outreachTripId: string;
  servicePointId: string;
  keepTicketOpen: boolean;
}

export interface Submitted {
  id: string;
  created: boolean;
  applicantName: string;
  businessKey: string;
}
export interface TransactionFormHandle {
  submit(): void;
  focusFirst(): void;
}

const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

function blankValues(business: BusinessOption | undefined, payment: string): Values {
  const fee = business?.fee ?? 0;
  return {
    business: business?.key ?? "",
    channel: "hall",
    applicantName: "",
    applicantIdNumber: "",
    plate: "",
    licenceNumber: "",
    feeYuan: String(fee),
    payment: fee > 0 ? payment : "none",
    result: "done",
    missingDocuments: "",
    followUpDue: "",
    tolerated: false,
    refusalReason: "",
    difficult: false,
    difficultResolution: "",
    outreachTripId: "",
    servicePointId: "",
    keepTicketOpen: false,
  };
}

/**
 * The clerk's transaction form. The business comes from the called ticket; every field
 * is checked as it is typed (the same zod schema as the server); one Idempotency-Key per
 * filled form, kept across retries, so a double submit or a retry records one transaction.
 */
export const TransactionForm = forwardRef<
  TransactionFormHandle,
  {
    ticket: QueueTicket | null;
    seat: Seat | null;
    businesses: BusinessOption[];
    places: PlaceOptions;
    prefill: Prefill | null;
    onSubmitted: (s: Submitted) => void;
  }
>(function TransactionForm({ ticket, seat, businesses, places, prefill, onSubmitted }, ref) {
  const t = useT();
  const byKey = useMemo(() => new Map(businesses.map((b) => [b.key, b])), [businesses]);
  const lastPayment = useRef("epay");
  const [values, setValues] = useState<Values>(() =>
    blankValues(byKey.get(ticket?.businessKey ?? "") ?? businesses[0], lastPayment.current),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [key, setKey] = useState(newKey);
  const startedAt = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [schema, setSchema] = useState<SubmitSchema | null>(null);
  const wantSchema = () => {
    if (!schema) void loadSchema().then((s) => setSchema(() => s));
  };
  const { run, pending, fields: serverFields, error, reset } = useAction(schema, submitTransactionAction);

  // A newly called ticket starts a fresh form with its business.
  const [ticketId, setTicketId] = useState(ticket?.id ?? null);
  if ((ticket?.id ?? null) !== ticketId) {
    setTicketId(ticket?.id ?? null);
    setValues(
      blankValues(
        byKey.get(ticket?.businessKey ?? "") ?? byKey.get(values.business) ?? businesses[0],
        lastPayment.current,
      ),
    );
    setTouched(new Set());
    setKey(newKey());
  }
  const [prefillAt, setPrefillAt] = useState(prefill?.at ?? 0);
  if (prefill && prefill.at !== prefillAt) {
    setPrefillAt(prefill.at);
    setValues((v) => ({
      ...v,
      applicantName: prefill.applicantName,
      applicantIdNumber: prefill.applicantIdNumber,
      plate: prefill.plate ?? v.plate,
      licenceNumber: prefill.licenceNumber ?? v.licenceNumber,
    }));
    setTouched((s) => new Set([...s, "applicantName", "applicantIdNumber"]));
  }
  // Focus the name once per newly called ticket (queue refreshes bring new objects for the same ticket).
  const calledId = ticket?.id ?? null;
  useEffect(() => {
    if (calledId) nameRef.current?.focus();
  }, [calledId]);

  const input = {
    ...values,
    ticketId: ticket?.id,
    hall: values.channel === "hall" || ticket ? seat?.hall : undefined,
    window: values.channel === "hall" && seat ? seat.window : undefined,
    startedAt: startedAt.current ?? undefined,
    idempotencyKey: key,
  };
  // Live errors show only for fields the clerk has left, and the ID check once 18 characters are in:
  // before either, nothing would show them (and the page's first render, on a phone, skips the parse).
  const live = schema && (touched.size > 0 || values.applicantIdNumber.length >= 18) ? schema.safeParse(input) : null;
  const liveErrors: Record<string, string> = {};
  if (live && !live.success)
    for (const i of live.error.issues) liveErrors[i.path.join(".")] ??= translateMessage(t, i.message);
  // A field the clerk has left (or is correcting after a refused submit) shows its live error; others the last submit's.
  const err = (name: string) => (touched.has(name) ? liveErrors[name] : serverFields[name]);

  const set = (name: keyof Values, v: string | boolean) => {
    startedAt.current ??= new Date().toISOString();
    if (serverFields[name] && !touched.has(name)) setTouched((s) => new Set([...s, name]));
    setValues((prev) => {
      const next = { ...prev, [name]: v };
      if (name === "business") {
        const fee = byKey.get(String(v))?.fee ?? 0;
        next.feeYuan = String(fee);
        next.payment = fee > 0 ? (prev.payment === "none" ? lastPayment.current : prev.payment) : "none";
      }
      if (name === "feeYuan" && Number(v) > 0 && prev.payment === "none") next.payment = lastPayment.current;
      return next;
    });
  };
  const blur = (name: string) => setTouched((s) => (s.has(name) ? s : new Set([...s, name])));

  const submit = () => {
    setTouched(new Set());
    if (values.payment !== "none") lastPayment.current = values.payment;
    run(input as never, (data) => {
      const d = data as Submitted;
      startedAt.current = null;
      setValues(blankValues(byKey.get(values.business) ?? businesses[0], lastPayment.current));
      setTouched(new Set());
      setKey(newKey());
      reset();
      onSubmitted(d);
    });
  };
  useImperativeHandle(ref, () => ({
    submit: () => formRef.current?.requestSubmit(),
    focusFirst: () => nameRef.current?.focus(),
  }));

  // Said valid only once checked (the schema may still be loading).
  const idOk = live !== null && values.applicantIdNumber.length >= 18 && !liveErrors.applicantIdNumber;
  const text = (
    name: keyof Values,
    label: string,
    opts: {
      required?: boolean;
      inputMode?: "numeric" | "text";
      className?: string;
      autoComplete?: string;
      ref?: React.Ref<HTMLInputElement>;
      hint?: string;
    } = {},
  ) => (
    <Field
      label={label}
      htmlFor={`tx-${name}`}
      error={err(name)}
      required={opts.required}
      className={opts.className}
      hint={opts.hint}
    >
      <input
        className={clsx(inputClass, "w-full")}
        id={`tx-${name}`}
        ref={opts.ref}
        name={name}
        value={String(values[name])}
        inputMode={opts.inputMode}
        autoComplete="off"
        onChange={(e) => set(name, e.target.value)}
        onBlur={() => blur(name)}
        {...invalidProps(`tx-${name}`, err(name))}
      />
    </Field>
  );

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="transaction-form"
      className="space-y-3"
      onFocus={wantSchema}
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) submit();
      }}
    >
      <FormErrors action={{ error, fields: serverFields }} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text("applicantName", t("window.f.applicantName"), { required: true, ref: nameRef })}
        {text("applicantIdNumber", t("window.f.applicantIdNumber"), {
          required: true,
          hint: idOk ? `✓ ${t("window.serve.idValid")}` : undefined,
        })}
        {text("plate", t("window.f.plate"))}
        {text("licenceNumber", t("window.f.licenceNumber"))}
        <Field label={t("window.f.business")} htmlFor="tx-business" error={err("business")} required>
          <Select
            id="tx-business"
            value={values.business}
            onChange={(e) => set("business", e.target.value)}
            onBlur={() => blur("business")}
          >
            {businesses.map((b) => (
              <option key={b.key} value={b.key}>
                {b.letter} · {b.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("window.f.channel")} htmlFor="tx-channel" error={err("channel")}>
          <Select id="tx-channel" value={values.channel} onChange={(e) => set("channel", e.target.value)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`window.channels.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        {values.channel === "outreach" && (
          <Field
            label={t("window.f.outreachTripId")}
            htmlFor="tx-trip"
            error={err("outreachTripId")}
            required
            className="sm:col-span-2"
          >
            <Select
              id="tx-trip"
              value={values.outreachTripId}
              onChange={(e) => set("outreachTripId", e.target.value)}
              onBlur={() => blur("outreachTripId")}
            >
              <option value="">—</option>
              {places.trips.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {values.channel === "service_point" && (
          <Field
            label={t("window.f.servicePointId")}
            htmlFor="tx-point"
            error={err("servicePointId")}
            required
            className="sm:col-span-2"
          >
            <Select
              id="tx-point"
              value={values.servicePointId}
              onChange={(e) => set("servicePointId", e.target.value)}
              onBlur={() => blur("servicePointId")}
            >
              <option value="">—</option>
              {places.points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {text("feeYuan", t("window.f.feeYuan"), { inputMode: "numeric" })}
        <Field label={t("window.f.payment")} htmlFor="tx-payment" error={err("payment")}>
          <Select
            id="tx-payment"
            value={values.payment}
            onChange={(e) => set("payment", e.target.value)}
            onBlur={() => blur("payment")}
          >
            {PAYMENTS.map((p) => (
              <option key={p} value={p}>
                {t(`window.payments.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("window.f.result")}</legend>
        <div className="flex flex-wrap gap-2" role="radiogroup">
          {RESULTS.map((r) => (
            <label
              key={r}
              className={clsx(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm",
                values.result === r ? "border-brand-500 bg-brand-50 text-brand-800" : "border-slate-300 bg-white",
              )}
            >
              <input
                type="radio"
                name="result"
                value={r}
                checked={values.result === r}
                onChange={() => set("result", r)}
              />
              {t(`window.results.${r}`)}
            </label>
          ))}
        </div>
        {values.result === "done" && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.tolerated} onChange={(e) => set("tolerated", e.target.checked)} />{" "}
            {t("window.f.tolerated")}
          </label>
        )}
        {(values.result === "returned" || values.tolerated) && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr]">
            {text("missingDocuments", t("window.f.missingDocuments"), { required: true })}
            <Field label={t("window.f.followUpDue")} htmlFor="tx-followUpDue" error={err("followUpDue")} required>
              <Input
                id="tx-followUpDue"
                type="date"
                value={values.followUpDue}
                onChange={(e) => set("followUpDue", e.target.value)}
                onBlur={() => blur("followUpDue")}
                {...invalidProps("tx-followUpDue", err("followUpDue"))}
              />
            </Field>
          </div>
        )}
        {values.result === "refused" && text("refusalReason", t("window.f.refusalReason"), { required: true })}
      </fieldset>

      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.difficult} onChange={(e) => set("difficult", e.target.checked)} />{" "}
          {t("window.f.difficult")}
        </label>
        {values.difficult && text("difficultResolution", t("window.f.difficultResolution"))}
        {ticket && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={values.keepTicketOpen}
              onChange={(e) => set("keepTicketOpen", e.target.checked)}
            />{" "}
            {t("window.f.keepTicketOpen")}
          </label>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        <Button type="submit" size="lg" disabled={pending} data-testid="submit-transaction">
          {pending ? t("window.serve.submitting") : t("window.serve.submit")}{" "}
          <kbd className="ml-1 rounded bg-white/20 px-1 text-xs">Ctrl+Enter</kbd>
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            startedAt.current = null;
            setValues(blankValues(byKey.get(ticket?.businessKey ?? "") ?? businesses[0], lastPayment.current));
            setTouched(new Set());
            reset();
          }}
        >
          {t("window.serve.newForm")}
        </Button>
      </div>
    </form>
  );
});
