import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { fieldBootstrap } from "@/lib/field/bootstrap";

/** GET /api/v1/field/bootstrap — what the field app keeps on the phone (a signed-in person only). */
export const GET = apiRoute({ permission: "field.use" }, async ({ actor }) => {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "the field app is for people, not devices");
  return fieldBootstrap({ actor: actor as Parameters<typeof fieldBootstrap>[0]["actor"] });
});
