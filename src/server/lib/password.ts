import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64UrlToBytes, bytesToBase64Url, timingSafeEqual } from './crypto';

/** scrypt parameters (OWASP: N=2^17 r=8 p=1 or N=2^15 with more memory; 2^15 keeps login under ~100 ms natively). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;

export type ScryptFn = (password: string, salt: Uint8Array, params: { N: number; r: number; p: number; dkLen: number }) => Promise<Uint8Array>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/**
 * Stored format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later
 * without breaking existing hashes. The scrypt implementation is injected: Node's native
 * one on the server, @noble/hashes in the browser mock.
 */
export function createPasswordHasher(scrypt: ScryptFn = nobleScrypt): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const { N, r, p } = SCRYPT_PARAMS;
      const derived = await scrypt(password, salt, SCRYPT_PARAMS);
      return ['scrypt', N, r, p, bytesToBase64Url(salt), bytesToBase64Url(derived)].join('$');
    },
    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [, n, r, p, salt, expected] = parts;
      const expectedBytes = base64UrlToBytes(expected);
      const derived = await scrypt(password, base64UrlToBytes(salt), {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        dkLen: expectedBytes.length,
      });
      return timingSafeEqual(bytesToBase64Url(derived), expected);
    },
  };
}

const nobleScrypt: ScryptFn = (password, salt, params) =>
  scryptAsync(new TextEncoder().encode(password), salt, { ...params, maxmem: 2 ** 28 });
