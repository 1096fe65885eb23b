import type { z } from "zod";

/**
 * A list page's query string: empty parameters dropped (a submitted filter form sends
 * them), then parsed with the list's schema; a query that does not parse shows the
 * list with its defaults (`defaults` are merged under the query), as a page does not
 * answer 422 (`valid` tells, for a notice). `clean` is what pagers and export links carry on.
 */
export function listQuery<S extends z.ZodType>(
  schema: S,
  sp: Record<string, string | string[] | undefined>,
  defaults: Record<string, unknown> = {},
) {
  const clean = Object.fromEntries(
    Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = schema.safeParse({ ...defaults, ...clean });
  return {
    clean,
    valid: parsed.success,
    input: (parsed.success ? parsed.data : schema.parse(defaults)) as z.output<S>,
  };
}
