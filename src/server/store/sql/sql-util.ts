import { UniqueViolation } from '../../lib/errors';

export const iso = (value: Date | string) => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** Maps Postgres unique violations (SQLSTATE 23505) to UniqueViolation naming the field. */
export async function guardUnique<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505') {
      throw new UniqueViolation(field);
    }
    throw error;
  }
}
