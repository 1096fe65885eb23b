import { photoFileRoute } from "@/lib/field/photo-routes";

/** GET /api/v1/photos/{id} — the image, for those who may read its record (404 outside scope), never cached. */
export const GET = photoFileRoute;
