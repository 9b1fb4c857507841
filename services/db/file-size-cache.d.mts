/** Keeps fstat answers per open descriptor until the next mutating call on `fs` (see the .mjs). */
export function cacheFileSizes(fs: typeof import('node:fs')): void;
