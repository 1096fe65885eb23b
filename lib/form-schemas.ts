import {
  blackSpotHazardSchema,
  createHazardSchema,
  createOperationSchema,
  updateHazardSchema,
} from "@/lib/hazards/schemas";
import {
  actionSchema,
  closeFindingSchema,
  enterpriseSchema,
  findingSchema,
  keyDriverSchema,
  keyVehicleSchema,
  updateKeyDriverSchema,
  updateKeyVehicleSchema,
} from "@/lib/keyvehicles/schemas";
import { violationTypeSchema } from "@/lib/violations/schemas";

/**
 * The zod schemas dialog forms validate with before sending (the same ones the server
 * actions and API routes parse with). Server pages name them, since schemas cannot be
 * passed from a server component to a client one.
 */
export const FORM_SCHEMAS = {
  hazard: createHazardSchema,
  hazardUpdate: updateHazardSchema,
  blackSpotHazard: blackSpotHazardSchema,
  operation: createOperationSchema,
  enterprise: enterpriseSchema,
  keyVehicle: keyVehicleSchema,
  keyVehicleUpdate: updateKeyVehicleSchema,
  keyDriver: keyDriverSchema,
  keyDriverUpdate: updateKeyDriverSchema,
  finding: findingSchema,
  action: actionSchema,
  closeFinding: closeFindingSchema,
  violationType: violationTypeSchema,
} as const;

export type FormSchemaName = keyof typeof FORM_SCHEMAS;
