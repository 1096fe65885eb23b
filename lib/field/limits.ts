/** Limits the phone and the server share (no server-only imports: the field app bundles this). */
/** Fixes a phone may send at once (about four hours at one fix a 30 s). */
export const MAX_FIXES_PER_BATCH = 500;
