"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { RATINGS } from "@/lib/window/catalogue";
import { evaluateAction, followUpDoneAction, resolveDifficultAction, revealAction } from "@/lib/window/actions";

/** The full ID-card (or licence) number on request; the server audits each reveal. */
export function RevealId({
  id,
  masked,
  field = "applicantIdNumber",
}: {
  id: string;
  masked: string;
  field?: "applicantIdNumber" | "licenceNumber";
}) {
  const t = useT();
  const [full, setFull] = useState<string | null>(null);
  const { run, pending, error } = useAction(null, revealAction);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid={field === "applicantIdNumber" ? "applicant-id" : "applicant-licence"}>
        {full ?? masked}
      </span>
      {full ? (
        <span className="text-xs text-slate-500">{t("window.detail.revealed")}</span>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => run({ id }, (d) => setFull((d as Record<typeof field, string>)[field]))}
          data-testid={field === "applicantIdNumber" ? "reveal-id" : "reveal-licence"}
        >
          {t("window.detail.reveal")}
        </Button>
      )}
      {error && <span className="text-sm text-red-600">{error}</span>}
    </span>
  );
}

export function RateLater({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const { run, pending, error } = useAction(null, evaluateAction);
  return (
    <div className="space-y-2">
      <input
        className="block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        placeholder={t("window.f.comment")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={500}
        aria-label={t("window.f.comment")}
      />
      <div className="flex flex-wrap gap-2">
        {RATINGS.map((r) => (
          <Button
            key={r}
            size="sm"
            variant={r === "dissatisfied" ? "danger" : "secondary"}
            disabled={pending}
            onClick={() => run({ id, rating: r, comment: comment.trim() || undefined }, () => router.refresh())}
          >
            {t(`window.ratings.${r}`)}
          </Button>
        ))}
      </div>
      {error && <p className="text-sm text-red-600">{error}</p>}
    </div>
  );
}

export function FollowUpDone({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, error } = useAction(null, followUpDoneAction);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" disabled={pending} onClick={() => run({ id }, () => router.refresh())}>
        {t("window.detail.followUpDone")}
      </Button>
      {error && <span className="text-sm text-red-600">{error}</span>}
    </span>
  );
}

export function ResolveDifficult({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const [text, setText] = useState("");
  const { run, pending, fields, error } = useAction(null, resolveDifficultAction);
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <input
          className="block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          aria-label={t("window.f.difficultResolution")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
        />
        <Button
          size="sm"
          disabled={pending || !text.trim()}
          onClick={() => run({ id, resolution: text.trim() }, () => router.refresh())}
        >
          {t("common.save")}
        </Button>
      </div>
      {(fields.resolution || error) && <p className="text-sm text-red-600">{fields.resolution ?? error}</p>}
    </div>
  );
}
