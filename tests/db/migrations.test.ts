import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../scripts/lib/migrations";

describe("migration runner", () => {
  it("records every migration like Prisma does and applies nothing twice", async () => {
    const url = process.env.DATABASE_URL!;
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toBe(readMigrations().length);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    await c.end();
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    for (const [i, m] of readMigrations().entries()) {
      expect(rows[i].checksum).toBe(m.checksum);
      expect(rows[i].finished_at).not.toBeNull();
    }
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const url = process.env.DATABASE_URL!;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const first = readMigrations()[0].name;
    await c.query(`UPDATE _prisma_migrations SET checksum = 'tampered' WHERE migration_name = $1`, [first]);
    await expect(migrate(url)).rejects.toThrow(/changed after it was applied/);
    await c.end();
  });
});
