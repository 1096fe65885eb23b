/**
 * The record-writing kernel: every record kind (violation, accident, hazard, operation,
 * key-vehicle registries and findings, window transaction, and the incidents and field
 * captures to come) is written through it. A kind brings its schema, its rules function
 * (shared by its create and its import) and its row mapping; the kernel brings
 *  - placement (`placer`, `bulkPlacer`, `Placement`): where a record belongs;
 *  - create-once (`createRecord`, `createOnce`): Idempotency-Key and externalRef replays;
 *  - the bulk writer (`bulkWrite`): COPY straight in, or staged INSERT … ON CONFLICT;
 *  - the import loop (`importRecords`): parse, validate, prepare, place, write, report;
 *  - a change's first step (`lockInScope`): lock the row, read it in scope, else 404.
 * See docs/records.md#the-record-writing-kernel.
 */
export * from "./placement";
export * from "./create-once";
export * from "./bulk-writer";
export * from "./import";
export * from "./change";
export { uuid7 } from "./uuid7";
