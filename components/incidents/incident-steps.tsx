"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { acceptIncidentAction, arriveIncidentAction, handleIncidentAction } from "@/lib/incidents/actions";
import type { IncidentFull } from "@/lib/incidents/wire";
import { CancelIncidentForm, CloseIncidentForm } from "./close-form";

/** The next steps of an open incident on its page: the responder's taps, the desk's closing and cancelling. */
export function IncidentSteps({
  inc,
  canRespond,
  canDesk,
}: {
  inc: IncidentFull;
  canRespond: boolean;
  canDesk: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const accept = useAction(null, acceptIncidentAction);
  const arrive = useAction(null, arriveIncidentAction);
  const handle = useAction(null, handleIncidentAction);
  const busy = accept.pending || arrive.pending || handle.pending;
  const done = () => router.refresh();
  const step = (a: typeof accept) => a.run({ id: inc.id } as never, done);
  return (
    <Card>
      <CardBody className="space-y-3">
        {(accept.error ?? arrive.error ?? handle.error) && (
          <Alert>{accept.error ?? arrive.error ?? handle.error}</Alert>
        )}
        {canRespond && (
          <div className="flex flex-wrap gap-2">
            {inc.status === "dispatched" && (
              <Button disabled={busy} onClick={() => step(accept)} data-testid="accept">
                {t("incidents.accept")}
              </Button>
            )}
            {(inc.status === "dispatched" || inc.status === "accepted") && (
              <Button disabled={busy} onClick={() => step(arrive)} data-testid="arrive">
                {t("incidents.arrive")}
              </Button>
            )}
            {inc.status === "on_scene" && (
              <Button disabled={busy} onClick={() => step(handle)} data-testid="handle">
                {t("incidents.handle")}
              </Button>
            )}
          </div>
        )}
        {canDesk && (inc.status === "handled" || inc.status === "received") && (
          <CloseIncidentForm id={inc.id} onDone={done} />
        )}
        {canDesk && (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">{t("incidents.cancel")}</summary>
            <div className="mt-2">
              <CancelIncidentForm id={inc.id} onDone={done} />
            </div>
          </details>
        )}
      </CardBody>
    </Card>
  );
}
