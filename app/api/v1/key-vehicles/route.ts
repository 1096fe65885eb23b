import { collectionRoutes } from "@/lib/keyvehicles/registry-routes";

/** GET /api/v1/key-vehicles?q&unit&kind&status&overdue&enterprise&cursor&limit — POST /api/v1/key-vehicles creates one (201; 200 on a replay). */
export const { GET, POST } = collectionRoutes("key_vehicle");
