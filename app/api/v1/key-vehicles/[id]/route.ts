import { itemRoutes } from "@/lib/keyvehicles/registry-routes";

/** GET /api/v1/key-vehicles/{id} (404 outside scope) — PATCH edits it. */
export const { GET, PATCH } = itemRoutes("key_vehicle");
