"use client";
/**
 * The outbox: every capture of this person with its state — waiting, sending, sent,
 * refused (with the server's field messages, in the officer's language; "fix and resend"
 * opens the capture form again). A refused item holds back nothing else.
 */
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/translate";
import { deleteItem, type OutboxItem } from "@/lib/field/store";

const TONE = {
  waiting: "bg-amber-100 text-amber-900",
  sending: "bg-blue-100 text-blue-900",
  sent: "bg-green-100 text-green-900",
  refused: "bg-red-100 text-red-900",
} as const;

export function OutboxView({
  items,
  onFix,
  onSync,
  onChanged,
  syncing,
  now,
}: {
  now: number;
  items: OutboxItem[];
  onFix: (item: OutboxItem) => void;
  onSync: () => void;
  onChanged: () => void;
  syncing: boolean;
}) {
  const { t, locale } = useI18n();
  const shown = [...items].reverse();
  return (
    <section className="space-y-3" data-testid="outbox">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{t("field.outbox.title")}</h2>
        <button
          type="button"
          onClick={onSync}
          disabled={syncing}
          className="h-11 rounded-md border border-brand-600 px-4 text-brand-700 disabled:opacity-50"
        >
          {t("field.outbox.syncNow")}
        </button>
      </div>
      {shown.length === 0 && <p className="text-slate-600">{t("field.outbox.empty")}</p>}
      <ul className="space-y-2">
        {shown.map((i) => (
          <li
            key={i.id}
            data-testid="outbox-item"
            data-status={i.status}
            data-kind={i.kind}
            className="rounded-lg border border-slate-200 bg-white p-3"
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="truncate font-medium">{i.summary}</p>
                <p className="text-xs text-slate-600">
                  {t(`field.outbox.kinds.${i.kind}`)} · {formatDateTime(new Date(i.createdAt), locale)}
                  {i.photos.length > 0 &&
                    ` · ${t("field.outbox.photos", { sent: i.photos.filter((p) => p.sent).length, total: i.photos.length })}`}
                </p>
              </div>
              <span className={`shrink-0 rounded px-2 py-1 text-sm font-medium ${TONE[i.status]}`}>
                {t(`field.outbox.${i.status}`)}
              </span>
            </div>
            {i.status === "refused" && i.error && (
              <div className="mt-2 space-y-2" data-testid="refused-detail">
                <p className="text-sm text-slate-700">{t("field.outbox.refusedHelp")}</p>
                <ul className="list-disc pl-5 text-sm text-red-800">
                  {(i.error.fields.length ? i.error.fields : [{ path: "", message: i.error.message }]).map((f, n) => (
                    <li key={n} data-testid="refused-message">
                      {translateMessage(t, (f as { key?: string }).key ?? f.message, i.error?.details)}
                    </li>
                  ))}
                </ul>
                <div className="flex gap-2">
                  {i.body && i.kind !== "sos" && i.kind !== "checkin" && (
                    <button
                      type="button"
                      data-testid="fix-item"
                      onClick={() => onFix(i)}
                      className="h-11 flex-1 rounded-md bg-brand-600 px-3 text-white"
                    >
                      {t("field.capture.fixAndResend")}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={async () => {
                      if (!window.confirm(t("field.outbox.deleteConfirm"))) return;
                      await deleteItem(i.id);
                      onChanged();
                    }}
                    className="h-11 rounded-md border border-red-300 px-3 text-red-700"
                  >
                    {t("field.outbox.delete")}
                  </button>
                </div>
              </div>
            )}
            {i.status === "waiting" && i.nextAttemptAt > now && (
              <p className="mt-1 text-xs text-slate-600">
                {t("field.outbox.nextTry", { time: formatDateTime(new Date(i.nextAttemptAt), locale) })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
