"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { RATINGS, type Rating } from "@/lib/window/catalogue";
import { evaluateAction } from "@/lib/window/actions";

/**
 * 窗口评价: shown after each completed transaction. Keys 1/2/3 rate, Esc skips; a
 * dissatisfied rating asks for the citizen's words first (Enter saves).
 */
export function EvaluationDialog({
  transaction,
  onClose,
}: {
  transaction: { id: string; title: string } | null;
  onClose: (message?: string) => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const { run, pending, error, reset } = useAction(null, evaluateAction);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (transaction && !d.open) d.showModal();
    if (!transaction && d.open) d.close();
  }, [transaction]);

  const save = (rating: Rating, text?: string) => {
    if (!transaction || pending) return;
    run({ id: transaction.id, rating, comment: text || undefined }, (res) => {
      setChoice(null);
      setComment("");
      reset();
      const r = res as { complaintId: string | null };
      onClose(
        r.complaintId
          ? t("window.serve.evaluateSaved") + " · " + t("window.complaints.title")
          : t("window.serve.evaluateSaved"),
      );
    });
  };
  const pick = (rating: Rating) => {
    if (rating === "dissatisfied") {
      setChoice("dissatisfied");
      setTimeout(() => commentRef.current?.focus(), 0);
    } else save(rating);
  };

  return (
    <dialog
      ref={ref}
      data-testid="evaluation-dialog"
      className="m-auto w-[min(36rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      onCancel={(e) => {
        e.preventDefault();
        setChoice(null);
        setComment("");
        onClose();
      }}
      onKeyDown={(e) => {
        if (choice === "dissatisfied") {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            save("dissatisfied", comment.trim());
          }
          return;
        }
        const i = ["1", "2", "3"].indexOf(e.key);
        if (i >= 0) {
          e.preventDefault();
          pick(RATINGS[i]);
        }
      }}
    >
      <div className="space-y-4 p-5">
        <h2 className="text-lg font-semibold">{t("window.serve.evaluateTitle")}</h2>
        {transaction && <p className="text-sm text-slate-600">{transaction.title}</p>}
        <FormErrors action={{ error }} />
        <div className="grid grid-cols-3 gap-3">
          {RATINGS.map((r, i) => (
            <button
              key={r}
              type="button"
              disabled={pending}
              onClick={() => pick(r)}
              data-testid={`rate-${r}`}
              className={
                "flex flex-col items-center gap-1 rounded-lg border-2 px-2 py-4 text-base font-semibold focus-visible:outline-2 " +
                (r === "dissatisfied"
                  ? "border-red-200 text-red-700 hover:bg-red-50"
                  : r === "basic"
                    ? "border-yellow-200 text-yellow-800 hover:bg-yellow-50"
                    : "border-green-200 text-green-700 hover:bg-green-50") +
                (choice === r ? " ring-2 ring-offset-1 ring-red-400" : "")
              }
            >
              <kbd className="rounded bg-slate-100 px-2 text-sm text-slate-600">{i + 1}</kbd>
              {t(`window.ratings.${r}`)}
            </button>
          ))}
        </div>
        {choice === "dissatisfied" && (
          <div className="space-y-2">
            <label htmlFor="eval-comment" className="block text-sm font-medium">
              {t("window.f.comment")}
            </label>
            <textarea
              className={inputClass + " w-full"}
              id="eval-comment"
              ref={commentRef}
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={500}
            />
            <Button
              variant="danger"
              disabled={pending}
              onClick={() => save("dissatisfied", comment.trim())}
              data-testid="save-dissatisfied"
            >
              {t("common.save")} (Enter)
            </Button>
          </div>
        )}
        <div className="flex justify-end">
          <Button
            variant="secondary"
            onClick={() => {
              setChoice(null);
              setComment("");
              onClose();
            }}
          >
            {t("window.serve.evaluateSkip")}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
