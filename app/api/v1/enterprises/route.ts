import { collectionRoutes } from "@/lib/keyvehicles/registry-routes";

/** GET /api/v1/enterprises?q&unit&kind&status&overdue&enterprise&cursor&limit — POST /api/v1/enterprises creates one (201; 200 on a replay). */
export const { GET, POST } = collectionRoutes("transport_enterprise");
