// Stable ids for seeded rows: a UUID (version 5 layout, SHA-1 over a fixed
// namespace and a readable name), so that every run of the seed addresses the
// very same rows and can upsert them instead of adding duplicates.
import { createHash } from 'node:crypto';

/** Namespace of Club Cash In's seed; any fixed UUID would do. */
const SEED_NAMESPACE = 'c1c0ca5b-0000-4000-8000-5eed00000000';

export function seedId(kind: string, name: string): string {
  const namespace = Buffer.from(SEED_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`${kind}:${name}`, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
