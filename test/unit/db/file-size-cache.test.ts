import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileSizes } from '../../../services/db/file-size-cache.mjs';

// A copy of the fs module, patched the way the database worker patches its own.
function patchedFs(): typeof nodeFs {
  const fs = { ...nodeFs } as typeof nodeFs;
  cacheFileSizes(fs);
  return fs;
}

describe('file size cache of the database worker', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-fstat-'));
    dirs.push(dir);
    return join(dir, 'relation');
  };

  it('answers repeated fstat calls without asking the system again', () => {
    const fs = patchedFs();
    const fd = fs.openSync(tempFile(), 'w+');
    const first = fs.fstatSync(fd);
    expect(fs.fstatSync(fd)).toBe(first);
    fs.closeSync(fd);
  });

  it('sees the new size after a write, a truncate and a reopen', () => {
    const fs = patchedFs();
    const path = tempFile();
    const fd = fs.openSync(path, 'w+');
    expect(fs.fstatSync(fd).size).toBe(0);
    fs.writeSync(fd, Buffer.alloc(8192, 1), 0, 8192, 0);
    expect(fs.fstatSync(fd).size).toBe(8192);
    fs.writeSync(fd, Buffer.alloc(100, 2), 0, 100, 8192);
    expect(fs.fstatSync(fd).size).toBe(8292);
    fs.ftruncateSync(fd, 10);
    expect(fs.fstatSync(fd).size).toBe(10);
    fs.closeSync(fd);

    // A descriptor number reused for another file must not inherit the old answer.
    const other = fs.openSync(`${path}-other`, 'w+');
    expect(fs.fstatSync(other).size).toBe(0);
    fs.closeSync(other);
  });

  it('passes calls with options through untouched', () => {
    const fs = patchedFs();
    const fd = fs.openSync(tempFile(), 'w+');
    fs.writeSync(fd, 'abc');
    expect(fs.fstatSync(fd, { bigint: true }).size).toBe(3n);
    fs.closeSync(fd);
  });
});
