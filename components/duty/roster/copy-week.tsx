"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { copyWeekSchema } from "@/lib/duty/schemas";
import { copyWeekAction } from "@/lib/duty/actions";
import { localDate } from "@/lib/time";
import { shiftSpan } from "./format";

type Result =
  Awaited<ReturnType<typeof copyWeekAction>> extends infer R
    ? R extends { ok: true; data: infer D }
      ? D
      : never
    : never;

/** Copies last week's beats into this week and lists every beat it could not copy, with why. */
export function CopyWeekButton({ unitCode, week }: { unitCode: string; week: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const copy = useAction(copyWeekSchema, copyWeekAction);
  const failed = result?.outcomes.filter((o) => o.result === "conflict" || o.result === "skipped") ?? [];
  return (
    <div className="space-y-2">
      <ConfirmButton
        variant="primary"
        size="md"
        testId="copy-week"
        message={t("duty.board.copyConfirm")}
        confirmLabel={t("duty.board.copyLastWeek")}
        onConfirm={() =>
          copy.run({ unitCode, week }, (d) => {
            setResult(d as Result);
            router.refresh();
          })
        }
      >
        {t("duty.board.copyLastWeek")}
      </ConfirmButton>
      <FormErrors action={copy} />
      {result && (
        <div data-testid="copy-result">
          <Alert tone={failed.length ? "warning" : "success"}>
            <p>
              {t("duty.board.copyDone", {
                created: result.created,
                duplicates: result.duplicates,
                conflicts: result.conflicts,
                skipped: result.skipped,
              })}
            </p>
            {failed.length > 0 && (
              <>
                <p className="mt-1 font-medium">{t("duty.board.copyConflicts")}</p>
                <ul className="list-disc pl-5" data-testid="copy-conflicts">
                  {failed.map((o) => (
                    <li key={o.sourceBeatId}>
                      {o.gridName} {localDate(new Date(o.startsAt))} {shiftSpan(o.startsAt, o.endsAt)}：
                      {translateMessage(t, o.message ?? "", o.details as Record<string, unknown>)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Alert>
        </div>
      )}
    </div>
  );
}
