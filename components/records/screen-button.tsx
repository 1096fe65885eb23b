"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { screenAction } from "@/lib/keyvehicles/actions";
import { useT } from "@/lib/i18n/client";

/** Runs data screening (数据筛查) and says what it raised. */
export function ScreenButton() {
  const t = useT();
  const router = useRouter();
  const [msg, setMsg] = useState<string | null>(null);
  const { run, pending, error } = useAction(null, screenAction);
  return (
    <>
      <Button
        variant="secondary"
        disabled={pending}
        data-testid="run-screening"
        onClick={() =>
          run({} as never, (r) => {
            setMsg(t("keyvehicles.screened", { a: r.overdueInspection, b: r.scrapDue, c: r.unqualifiedDriver }));
            router.refresh();
          })
        }
      >
        {pending ? t("keyvehicles.screening") : t("keyvehicles.screen")}
      </Button>
      {(msg || error) && (
        // A toast, so the result does not push the page about.
        <div className="fixed bottom-4 right-4 z-50 flex max-w-md items-start gap-2 shadow-lg">
          <Alert tone={error ? "error" : "success"}>{error ?? msg}</Alert>
          <button
            type="button"
            aria-label={t("common.close")}
            className="rounded bg-white px-2 text-slate-500 shadow"
            onClick={() => setMsg(null)}
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}
