import { scrypt as scryptCallback } from 'node:crypto';
import { createPasswordHasher, type ScryptFn } from '../lib/password';

// Node's native scrypt runs off the event loop in libuv's thread pool; the browser mock uses @noble/hashes.
const nativeScrypt: ScryptFn = (password, salt, { N, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    scryptCallback(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });

export const nodePasswordHasher = createPasswordHasher(nativeScrypt);
