import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID: 48 bits of milliseconds then 80 random bits, in Crockford base 32. Ids sort by
 * creation time, which keeps "newest first" orders stable without another attribute.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let remaining = now;
  for (let index = 0; index < 10; index += 1) {
    time = CROCKFORD[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (let index = 0; index < 16; index += 1) tail += CROCKFORD[random[index]! % 32];
  return time + tail;
}
