// schema.prisma and the SQL migrations must describe the same database: the
// migrations are hand-written (Prisma's schema engine cannot be downloaded
// here), so this test compares them column by column and runs every model.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../../services/db/generated/client.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

// Columns Prisma cannot express (Unsupported types) exist only in the migration.
const SQL_ONLY_COLUMNS = new Set(['Chunk.tsv', 'Chunk.embedding', 'UnansweredQuestion.embedding']);
// Partial indexes, which schema.prisma cannot express.
const SQL_ONLY_INDEXES = ['Message_pending_inbound_idx'];

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

async function columns(db: TestDatabase): Promise<Map<string, string>> {
  const { rows } = await db.pool.query<ColumnRow>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, numeric_precision, numeric_scale
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  return new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, `${r.udt_name} ${r.numeric_precision ?? ''},${r.numeric_scale ?? ''} null=${r.is_nullable} default=${r.column_default?.replace(/_seq\d*'/, "_seq'") ?? ''}`]));
}

describe('schema.prisma and migrations agree', () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    [migrated, fromSchema] = await Promise.all([createTestDatabase(), createTestDatabase({ migrate: false })]);
    const sql = execFileSync(process.execPath, ['scripts/draft-migration.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    await fromSchema.pool.query(sql);
  });
  afterAll(async () => {
    await migrated?.close();
    await fromSchema?.close();
  });

  it('has the same tables and columns, types, nullability and defaults', async () => {
    const expected = await columns(fromSchema);
    const actual = await columns(migrated);
    for (const key of SQL_ONLY_COLUMNS) {
      expect(actual.has(key), `${key} exists in the migration`).toBe(true);
      actual.delete(key);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('has the same unique constraints and foreign keys', async () => {
    const query = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%hnsw%' AND indexname NOT LIKE '%gin%' AND tablename <> '_prisma_migrations' ORDER BY 1`;
    const fks = `SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1`;
    const migratedIndexes = (await migrated.pool.query<{ indexname: string }>(query)).rows.map((row) => row.indexname);
    for (const name of SQL_ONLY_INDEXES) expect(migratedIndexes, `${name} exists in the migration`).toContain(name);
    expect(migratedIndexes.filter((name) => !SQL_ONLY_INDEXES.includes(name))).toEqual((await fromSchema.pool.query<{ indexname: string }>(query)).rows.map((row) => row.indexname));
    expect((await migrated.pool.query(fks)).rows).toEqual((await fromSchema.pool.query(fks)).rows);
  });

  it('serves every model through the generated client', async () => {
    const models = Object.values(Prisma.ModelName);
    expect(models.length).toBeGreaterThan(30);
    for (const model of models) {
      const delegate = (migrated.prisma as unknown as Record<string, { findMany(args: object): Promise<unknown[]>; count(): Promise<number> }>)[model.charAt(0).toLowerCase() + model.slice(1)];
      expect(delegate, model).toBeDefined();
      await expect(delegate!.findMany({ take: 1 })).resolves.toEqual([]);
    }
  });

  it('round-trips money exactly and timestamps in UTC', async () => {
    const contact = await migrated.prisma.contact.create({ data: { phoneE164: '+525550000001' } });
    const loan = await migrated.prisma.loan.create({
      data: { contractNumber: 'T-1', contactId: contact.id, principal: '123456.78', monthlyRate: '0.035', termMonths: 12, scheme: 'fixed', paymentReference: '0001', clabe: '000000000000000000', disbursedAt: new Date('2026-01-31T23:30:00Z') },
    });
    const read = await migrated.prisma.loan.findUniqueOrThrow({ where: { id: loan.id } });
    expect(read.principal.toString()).toBe('123456.78');
    expect(read.monthlyRate.toString()).toBe('0.035');
    expect(read.disbursedAt?.toISOString()).toBe('2026-01-31T23:30:00.000Z');
  });
});
