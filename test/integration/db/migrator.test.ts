import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '../../../services/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

describe('migrator', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => db?.close());

  it('applies every migration on a fresh database with Prisma bookkeeping', async () => {
    const report = await migrate(db.url);
    expect(report.applied).toEqual(readMigrations().map((m) => m.name));
    const { rows } = await db.pool.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"');
    expect(rows).toHaveLength(report.applied.length);
    expect(rows[0].checksum).toBe(readMigrations()[0]!.checksum);
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    expect(rows[0].applied_steps_count).toBe(1);
    const ext = await db.pool.query(`SELECT extname FROM pg_extension WHERE extname = 'vector'`);
    expect(ext.rowCount).toBe(1);
    const indexes = await db.pool.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'Chunk'`);
    const defs = indexes.rows.map((r) => r.indexdef as string).join('\n');
    expect(defs).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(defs).toMatch(/USING gin \(tsv\)/);
  });

  it('is a no-op when run again', async () => {
    const report = await migrate(db.url);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied.length).toBeGreaterThan(0);
  });

  it('rolls back a failing migration and names it and the cause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-migrations-'));
    const good = join(dir, '20990101000000_add_table');
    const bad = join(dir, '20990102000000_broken');
    mkdirSync(good);
    mkdirSync(bad);
    writeFileSync(join(good, 'migration.sql'), 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);');
    writeFileSync(join(bad, 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Missing" ADD COLUMN "x" TEXT;');

    const error = await migrate(db.url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('20990102000000_broken');
    expect((error as MigrationError).message).toMatch(/relation "Missing" does not exist/);

    const tables = await db.pool.query(`SELECT to_regclass('"Extra"') AS extra, to_regclass('"Half"') AS half`);
    expect(tables.rows[0].extra).not.toBeNull();
    expect(tables.rows[0].half).toBeNull();
    const names = await db.pool.query(`SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '2099%'`);
    expect(names.rows.map((r) => r.migration_name)).toEqual(['20990101000000_add_table']);
  });
});
