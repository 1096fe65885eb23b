import { photoRoutes } from "@/lib/field/photo-routes";

/** POST (the image bytes) and GET (the list) of the violation's evidence photos: see lib/field/photo-routes.ts. */
export const { POST, GET } = photoRoutes("violation");
