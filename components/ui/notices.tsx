import { getT } from "@/lib/i18n/server";
import { EmptyState } from "./states";

/** Placeholder for a section that is not built yet. */
export async function ComingSoon({ title }: { title: string }) {
  const t = await getT();
  return (
    <div>
      <h1 className="mb-4 text-xl font-semibold">{title}</h1>
      <EmptyState title={t("common.comingSoon")} body={t("common.comingSoonBody")} />
    </div>
  );
}

/** What a page shows when the role may not open it (the route answers 403 too). */
export async function Forbidden() {
  const t = await getT();
  return (
    <div data-testid="forbidden">
      <EmptyState title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} />
    </div>
  );
}
