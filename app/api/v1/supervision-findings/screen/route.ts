import { apiRoute } from "@/lib/api/route";
import { screenKeyVehicles } from "@/lib/keyvehicles/supervision";

/** POST /api/v1/supervision-findings/screen — data screening; answers how many findings it raised per kind. */
export const POST = apiRoute({ permission: "keyvehicle.manage" }, async ({ actor }) => ({
  raised: await screenKeyVehicles({ actor }),
}));
