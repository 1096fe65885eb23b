"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { closeDayAction } from "@/lib/window/actions";

export function CloseDayForm() {
  const t = useT();
  const router = useRouter();
  const [note, setNote] = useState("");
  const { run, error } = useAction(null, closeDayAction);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="text-sm">
        <span className="block text-xs text-slate-500">{t("window.day.note")}</span>
        <Input className="w-80" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <ConfirmButton
        variant="primary"
        size="md"
        testId="close-day"
        message={t("window.day.closeConfirm")}
        confirmLabel={t("window.day.close")}
        onConfirm={() => run({ note: note.trim() || undefined }, () => router.refresh())}
      >
        {t("window.day.close")}
      </ConfirmButton>
      <Button variant="secondary" onClick={() => window.print()}>
        {t("window.day.print")}
      </Button>
      <FormErrors action={{ error }} />
    </div>
  );
}
