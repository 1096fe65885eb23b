/**
 * Writes the demo incidents of one or more periods (gen-incidents.ts): the incidents idempotently by
 * external_ref; their dispatches only where the stored incident agrees (a rerun after a
 * day's cut-off never adds a dispatch to an incident that was stored before it); the
 * accidents that were called in linked to their incident.
 */
import type { Pool } from "pg";
import type { BrigadeContext } from "./context";
import {
  DISPATCH_COLUMNS,
  generateIncidents,
  INCIDENT_COLUMNS,
  type CalledAccident,
  type IncidentPeople,
} from "./gen-incidents";
import { Rng } from "./rng";
import { writeRows } from "./writer";
import { stageRows } from "@/lib/records/kernel";

/** The brigade's desk (duty officers, commanders) and responders by unit, once per seed. */
export async function loadIncidentPeople(pool: Pool, b: BrigadeContext): Promise<IncidentPeople | null> {
  const { rows } = await pool.query<{ id: string; role: string; unit_id: string }>(
    `SELECT u.id, u.role::text AS role, u.unit_id FROM users u JOIN units un ON un.id = u.unit_id
      WHERE u.active AND un.path LIKE like_prefix($1) AND u.role IN ('DUTY_OFFICER', 'COMMANDER', 'OFFICER', 'AUXILIARY')
      ORDER BY u.username`,
    [b.path],
  );
  const desk = rows.filter((u) => u.role === "DUTY_OFFICER" || u.role === "COMMANDER").map((u) => u.id);
  const responders = new Map<string, string[]>();
  for (const u of rows.filter((x) => x.role === "OFFICER" || x.role === "AUXILIARY"))
    responders.set(u.unit_id, [...(responders.get(u.unit_id) ?? []), u.id]);
  return desk.length && responders.size ? { desk, responders } : null;
}

export async function writeIncidents(
  pool: Pool,
  b: BrigadeContext,
  people: IncidentPeople,
  days: { period: { from: string; to: string; key: string }; accidents: CalledAccident[]; notAfter?: Date }[],
): Promise<number> {
  // Each period is generated on its own (its own seed): the same rows whichever periods are written together.
  const parts = days.map(({ period, accidents, notAfter }) =>
    generateIncidents(b, people, period, accidents, new Rng(`${period.key}:incidents`), { notAfter }),
  );
  const g = {
    incidents: parts.flatMap((x) => x.incidents),
    dispatches: parts.flatMap((x) => x.dispatches),
    links: parts.flatMap((x) => x.links),
  };
  const created = await writeRows(pool, "incidents", INCIDENT_COLUMNS, g.incidents, {});
  if (g.dispatches.length) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const stage = await stageRows(
        client,
        "incident_dispatches",
        DISPATCH_COLUMNS,
        g.dispatches.map((d) => DISPATCH_COLUMNS.map((c) => d[c])),
      );
      // The dispatch as the stored incident has it: ended when it was closed.
      await client.query(
        `INSERT INTO incident_dispatches (id, incident_id, unit_path, brigade_id, user_ids, dispatched_at, dispatched_by_id, ended_at, end_reason, ended_by_id)
         SELECT s.id, s.incident_id, s.unit_path, s.brigade_id, s.user_ids, s.dispatched_at, s.dispatched_by_id,
                i.closed_at, CASE WHEN i.closed_at IS NOT NULL THEN 'closed' END, CASE WHEN i.closed_at IS NOT NULL THEN i.closed_by_id END
           FROM "${stage}" s JOIN incidents i ON i.id = s.incident_id AND i.dispatched_at = s.dispatched_at
          WHERE NOT EXISTS (SELECT 1 FROM incident_dispatches d WHERE d.incident_id = s.incident_id)`,
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  if (g.links.length)
    await pool.query(
      `UPDATE accidents a SET incident_id = l.incident_id
         FROM unnest($1::uuid[], $2::uuid[]) AS l(accident_id, incident_id)
        WHERE a.id = l.accident_id AND a.incident_id IS NULL AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = l.incident_id)`,
      [g.links.map((l) => l[0]), g.links.map((l) => l[1])],
    );
  return created;
}
