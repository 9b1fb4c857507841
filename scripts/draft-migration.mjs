#!/usr/bin/env node
// Drafts the CREATE SQL for prisma/schema.prisma, the way `prisma migrate diff
// --from-empty` would, because Prisma's native schema engine cannot be
// downloaded here. It reads the DMMF by acting as a Prisma generator on a copy
// of the schema. Review the output, then save it as a migration.
//   node scripts/draft-migration.mjs > /tmp/draft.sql
// Columns of type Unsupported(...) are not in the DMMF: add them by hand.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.env.ANA_DMMF_OUT) {
  runAsGenerator(process.env.ANA_DMMF_OUT);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ana-dmmf-'));
  const out = join(dir, 'dmmf.json');
  const schema = readFileSync('prisma/schema.prisma', 'utf8')
    .replace(/generator client \{[^}]*\}/, `generator dump {\n  provider = "node ${self}"\n  previewFeatures = ["postgresqlExtensions"]\n}`);
  writeFileSync(join(dir, 'schema.prisma'), schema);
  const engine = join(dir, 'placeholder-engine');
  writeFileSync(engine, '', { mode: 0o755 });
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', join(dir, 'schema.prisma')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ANA_DMMF_OUT: out, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  process.stdout.write(toSql(JSON.parse(readFileSync(out, 'utf8')).datamodel));
}

function runAsGenerator(out) {
  const reply = (id, result) => process.stderr.write(JSON.stringify({ jsonrpc: '2.0', id, result }) + '\n');
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.method === 'getManifest') reply(msg.id, { manifest: { prettyName: 'DMMF dump', defaultOutput: out } });
    if (msg.method === 'generate') {
      writeFileSync(out, JSON.stringify(msg.params.dmmf));
      reply(msg.id, null);
    }
  });
}

function toSql(dm) {
  const q = (name) => `"${name}"`;
  const tableName = (m) => m.dbName ?? m.name;
  const parts = ['-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS "vector";\n'];
  for (const e of dm.enums) {
    parts.push(`-- CreateEnum\nCREATE TYPE ${q(e.dbName ?? e.name)} AS ENUM (${e.values.map((v) => `'${v.dbName ?? v.name}'`).join(', ')});\n`);
  }
  for (const m of dm.models) {
    const cols = m.fields.filter((f) => f.kind !== 'object').map((f) => `    ${q(f.dbName ?? f.name)} ${columnType(f)}${f.isRequired && !f.isList ? ' NOT NULL' : ''}${columnDefault(f)}`);
    const pk = m.fields.filter((f) => f.isId).map((f) => q(f.name));
    const pkFields = pk.length ? pk : (m.primaryKey?.fields ?? []).map(q);
    cols.push(`    CONSTRAINT ${q(`${tableName(m)}_pkey`)} PRIMARY KEY (${pkFields.join(', ')})`);
    parts.push(`-- CreateTable\nCREATE TABLE ${q(tableName(m))} (\n${cols.join(',\n')}\n);\n`);
  }
  for (const idx of dm.indexes.filter((i) => i.type === 'unique' || i.type === 'normal')) {
    const m = dm.models.find((x) => x.name === idx.model);
    const fields = idx.fields.map((f) => f.name);
    const suffix = idx.type === 'unique' ? 'key' : 'idx';
    const name = idx.dbName ?? `${tableName(m)}_${fields.join('_')}_${suffix}`;
    parts.push(`-- CreateIndex\nCREATE ${idx.type === 'unique' ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${q(tableName(m))}(${fields.map(q).join(', ')});\n`);
  }
  for (const m of dm.models) {
    for (const f of m.fields.filter((x) => x.kind === 'object' && x.relationFromFields?.length)) {
      const target = dm.models.find((x) => x.name === f.type);
      const onDelete = { Cascade: 'CASCADE', SetNull: 'SET NULL', Restrict: 'RESTRICT', NoAction: 'NO ACTION' }[f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')];
      parts.push(`-- AddForeignKey\nALTER TABLE ${q(tableName(m))} ADD CONSTRAINT ${q(`${tableName(m)}_${f.relationFromFields.join('_')}_fkey`)} FOREIGN KEY (${f.relationFromFields.map(q).join(', ')}) REFERENCES ${q(tableName(target))}(${f.relationToFields.map(q).join(', ')}) ON DELETE ${onDelete} ON UPDATE CASCADE;\n`);
    }
  }
  return parts.join('\n');
}

function columnType(f) {
  if (f.kind === 'enum') return `"${f.type}"${f.isList ? '[]' : ''}`;
  if (f.default?.name === 'autoincrement') return f.type === 'BigInt' ? 'BIGSERIAL' : 'SERIAL';
  const native = f.nativeType ? `${f.nativeType[0].toUpperCase()}${f.nativeType[1].length ? `(${f.nativeType[1].join(',')})` : ''}` : null;
  const base = native ?? { String: 'TEXT', Int: 'INTEGER', BigInt: 'BIGINT', Boolean: 'BOOLEAN', DateTime: 'TIMESTAMP(3)', Decimal: 'DECIMAL(65,30)', Json: 'JSONB', Float: 'DOUBLE PRECISION', Bytes: 'BYTEA' }[f.type];
  return base + (f.isList ? '[]' : '');
}

function columnDefault(f) {
  const d = f.default;
  if (d === undefined || d === null) return '';
  if (typeof d === 'object' && !Array.isArray(d)) {
    if (d.name === 'now') return ' DEFAULT CURRENT_TIMESTAMP';
    return '';
  }
  if (Array.isArray(d)) return ` DEFAULT ARRAY[${d.map((v) => `'${v}'`).join(', ')}]::${columnType(f)}`;
  if (f.kind === 'enum' || typeof d === 'string') return ` DEFAULT '${d}'`;
  return ` DEFAULT ${d}`;
}
