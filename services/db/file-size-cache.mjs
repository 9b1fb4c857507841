// Postgres asks for a relation's size (lseek to the end) every time it plans
// or scans it; PGlite's NODEFS answers each of those with `fs.fstatSync`, a
// system call plus a Stats object, which was a tenth of the database thread's
// time under load. Within the worker thread, the answer for an open file can
// only change when this thread writes, truncates, opens, closes or renames
// something, so the last answer per descriptor is kept until any such call.
// Conservative on purpose: every mutating call clears the whole cache.
const MUTATING = [
  'writeSync', 'writevSync', 'ftruncateSync', 'truncateSync', 'openSync', 'closeSync', 'unlinkSync', 'renameSync',
  'writeFileSync', 'appendFileSync', 'rmSync', 'rmdirSync', 'mkdirSync', 'copyFileSync', 'linkSync', 'symlinkSync',
  'fchmodSync', 'futimesSync', 'utimesSync', 'chmodSync', 'fallocateSync',
];

export function cacheFileSizes(fs) {
  const statsByDescriptor = new Map();
  const fstatSync = fs.fstatSync;
  fs.fstatSync = function cachedFstatSync(fd, options) {
    if (options !== undefined) return fstatSync.call(fs, fd, options);
    let stats = statsByDescriptor.get(fd);
    if (stats === undefined) {
      stats = fstatSync.call(fs, fd);
      statsByDescriptor.set(fd, stats);
    }
    return stats;
  };
  for (const name of MUTATING) {
    const original = fs[name];
    if (typeof original !== 'function') continue;
    fs[name] = function invalidatingCall(...args) {
      statsByDescriptor.clear();
      return original.apply(fs, args);
    };
  }
}
