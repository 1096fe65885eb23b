"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { updateHazardAction } from "@/lib/hazards/actions";
import { useT } from "@/lib/i18n/client";
import { DialogForm } from "@/components/ui/dialog-form";

/** A hazard card's next steps: start fixing, or close with a note on what was done. */
export function HazardCardActions({ id, status, updatedAt }: { id: string; status: string; updatedAt: string }) {
  const t = useT();
  const router = useRouter();
  const step = useAction(null, updateHazardAction);
  if (status === "closed") return null;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "open" && (
        <Button
          size="sm"
          variant="secondary"
          disabled={step.pending}
          data-testid={`hazard-rectify-${id}`}
          onClick={() =>
            step.run({ id, status: "rectifying", expectedUpdatedAt: updatedAt } as never, () => router.refresh())
          }
        >
          {t("hazards.startRectifying")}
        </Button>
      )}
      <DialogForm
        label={t("hazards.close")}
        title={t("hazards.close")}
        size="sm"
        variant="secondary"
        schema="hazardUpdate"
        action={updateHazardAction}
        hidden={{ id, status: "closed", expectedUpdatedAt: updatedAt }}
        testId={`hazard-close-${id}`}
        fields={[{ name: "closingNote", label: t("hazards.closingNote"), type: "textarea", required: true }]}
      />
      {step.error && <p className="w-full text-xs text-red-600">{step.error}</p>}
    </div>
  );
}
