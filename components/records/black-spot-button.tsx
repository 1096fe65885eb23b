"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { blackSpotHazardAction } from "@/lib/hazards/actions";
import { useT } from "@/lib/i18n/client";

/** One click: the black spot becomes a hazard for the responsible unit (due in 30 days). */
export function BlackSpotButton({ cell }: { cell: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, error } = useAction(null, blackSpotHazardAction);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        size="sm"
        disabled={pending}
        onClick={() => run({ cell } as never, () => router.refresh())}
        data-testid={`raise-${cell}`}
      >
        {t("hazards.createHazard")}
      </Button>
      {error && <span className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
