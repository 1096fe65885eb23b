"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { CATEGORY_KEYS } from "@/lib/window/catalogue";
import { businessSchema, counterSchema, hallHoursSchema, hallSchema } from "@/lib/window/schemas";
import { saveBusinessAction, saveCounterAction, saveHallAction, saveHoursAction } from "@/lib/window/actions";

function Saved({ show }: { show: boolean }) {
  const t = useT();
  return show ? <span className="text-sm text-green-700">{t("window.settings.saved")}</span> : null;
}

/** A hall's week: per day open or closed, with opening and closing times. */
export function HoursForm({
  hallId,
  days,
}: {
  hallId: string;
  days: { weekday: number; open: boolean; opens: string; closes: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const [rows, setRows] = useState(days);
  const { run, pending, fields, error, done } = useAction(hallHoursSchema, saveHoursAction);
  const set = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form
      className="space-y-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run({ hallId, days: rows }, () => router.refresh());
      }}
    >
      <FormErrors action={{ error, fields }} />
      <div className="grid grid-cols-1 gap-1 text-sm">
        {rows.map((d, i) => (
          <div key={d.weekday} className="flex flex-wrap items-center gap-2">
            <span className="w-12 font-medium">{t(`window.weekdays.${d.weekday}`)}</span>
            <label className="flex w-20 items-center gap-1">
              <input type="checkbox" checked={d.open} onChange={(e) => set(i, { open: e.target.checked })} />{" "}
              {d.open ? t("window.settings.open") : t("window.settings.closedDay")}
            </label>
            <Input
              type="time"
              className="w-32"
              aria-label={`${t(`window.weekdays.${d.weekday}`)} ${t("window.settings.opens")}`}
              disabled={!d.open}
              value={d.opens}
              onChange={(e) => set(i, { opens: e.target.value })}
              {...invalidProps(`h-${i}-o`, fields[`days.${i}.opens`])}
            />
            <span>–</span>
            <Input
              type="time"
              className="w-32"
              aria-label={`${t(`window.weekdays.${d.weekday}`)} ${t("window.settings.closes")}`}
              disabled={!d.open}
              value={d.closes}
              onChange={(e) => set(i, { closes: e.target.value })}
              {...invalidProps(`h-${i}-c`, fields[`days.${i}.closes`])}
            />
            {(fields[`days.${i}.opens`] || fields[`days.${i}.closes`]) && (
              <span className="text-red-600">{fields[`days.${i}.opens`] ?? fields[`days.${i}.closes`]}</span>
            )}
          </div>
        ))}
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {t("window.settings.saveHours")}
        </Button>
        <Saved show={done} />
      </div>
    </form>
  );
}

export function CounterForm({ hallId }: { hallId: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error, done } = useAction(counterSchema, saveCounterAction);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        run({ ...v, hallId, active: v.active === "on" } as never, () => router.refresh());
      }}
    >
      <Field label={t("window.settings.number")} htmlFor={`c-n-${hallId}`} error={fields.number} required>
        <Input id={`c-n-${hallId}`} name="number" inputMode="numeric" className="w-20" />
      </Field>
      <Field label={t("window.settings.label")} htmlFor={`c-l-${hallId}`} error={fields.label}>
        <Input id={`c-l-${hallId}`} name="label" className="w-32" />
      </Field>
      <Field label={t("window.settings.letters")} htmlFor={`c-x-${hallId}`} error={fields.letters}>
        <Input id={`c-x-${hallId}`} name="letters" className="w-40" placeholder="A B" />
      </Field>
      <label className="flex items-center gap-1 pb-2 text-sm">
        <input type="checkbox" name="active" defaultChecked /> {t("window.settings.active")}
      </label>
      <Button type="submit" size="sm" disabled={pending}>
        {t("window.settings.addWindow")}
      </Button>
      <Saved show={done} />
      <FormErrors action={{ error, fields }} />
    </form>
  );
}

export function HallForm({
  units,
  hall,
}: {
  units: { code: string; name: string }[];
  hall?: {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    address: string | null;
    unitCode: string;
    active: boolean;
  };
}) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error, done } = useAction(hallSchema, saveHallAction);
  const p = hall ? `h-${hall.id}` : "h-new";
  return (
    <form
      className="grid grid-cols-1 gap-2 sm:grid-cols-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        run({ ...v, id: hall?.id, active: v.active === "on" } as never, () => router.refresh());
      }}
    >
      <div className="sm:col-span-3 empty:hidden">
        <FormErrors action={{ error, fields }} />
      </div>
      <Field label={t("window.settings.code")} htmlFor={`${p}-code`} error={fields.code} required>
        <Input id={`${p}-code`} name="code" defaultValue={hall?.code} />
      </Field>
      <Field label={t("window.settings.nameZh")} htmlFor={`${p}-zh`} error={fields.nameZh} required>
        <Input id={`${p}-zh`} name="nameZh" defaultValue={hall?.nameZh} />
      </Field>
      <Field label={t("window.settings.nameEn")} htmlFor={`${p}-en`} error={fields.nameEn} required>
        <Input id={`${p}-en`} name="nameEn" defaultValue={hall?.nameEn} />
      </Field>
      <Field label={t("window.f.unit")} htmlFor={`${p}-unit`} error={fields.unitCode} required>
        <Select id={`${p}-unit`} name="unitCode" defaultValue={hall?.unitCode ?? units[0]?.code}>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("window.settings.address")} htmlFor={`${p}-addr`} error={fields.address}>
        <Input id={`${p}-addr`} name="address" defaultValue={hall?.address ?? ""} />
      </Field>
      <div className="flex items-end gap-3 pb-1">
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="active" defaultChecked={hall?.active ?? true} /> {t("window.settings.active")}
        </label>
        <Button type="submit" size="sm" disabled={pending}>
          {hall ? t("common.save") : t("window.settings.newHall")}
        </Button>
        <Saved show={done} />
      </div>
    </form>
  );
}

export function BusinessForm() {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error, done } = useAction(businessSchema, saveBusinessAction);
  const f = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} htmlFor={`b-${name}`} error={fields[name]}>
      <Input id={`b-${name}`} name={name} {...props} {...invalidProps(`b-${name}`, fields[name])} />
    </Field>
  );
  return (
    <form
      className="grid grid-cols-1 gap-2 sm:grid-cols-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        run({ ...v, active: v.active === "on" } as never, () => router.refresh());
      }}
    >
      <div className="sm:col-span-4 empty:hidden">
        <FormErrors action={{ error, fields }} />
      </div>
      {f("key", t("window.settings.key"), { placeholder: "used_car_transfer" })}
      <Field label={t("window.f.category")} htmlFor="b-category" error={fields.categoryKey}>
        <Select id="b-category" name="categoryKey">
          {CATEGORY_KEYS.map((c) => (
            <option key={c} value={c}>
              {t(`window.categories.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      {f("nameZh", t("window.settings.nameZh"))}
      {f("nameEn", t("window.settings.nameEn"))}
      {f("ticketLetter", t("window.settings.letter"), { maxLength: 1, className: "w-20" })}
      {f("expectedMinutes", t("window.settings.minutes"), { inputMode: "numeric", defaultValue: "10" })}
      {f("feeYuan", t("window.settings.fee"), { inputMode: "numeric", defaultValue: "0" })}
      <div className="flex items-end gap-3 pb-1">
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="active" defaultChecked /> {t("window.settings.active")}
        </label>
        <Button type="submit" size="sm" disabled={pending}>
          {t("window.settings.addBusiness")}
        </Button>
        <Saved show={done} />
      </div>
    </form>
  );
}
