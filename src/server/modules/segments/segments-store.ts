import type { Segment } from '../../../shared/contract/segments';

// Segments: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** A segment as stored: id lists live in their own table, the row only counts them. */
export type SegmentRecord = Omit<Segment, 'compiled'>;

export interface SegmentStore {
  list(archived: boolean): Promise<SegmentRecord[]>;
  getById(id: string): Promise<SegmentRecord | null>;
  /** `ids` (for id-list segments) are stored with it. */
  insert(segment: SegmentRecord, ids?: string[]): Promise<void>;
  /** Compare-and-set on the version; `ids`, when given, replace the stored list. */
  update(segment: SegmentRecord, expectedVersion: number, ids?: string[]): Promise<SegmentRecord | null>;
  getIds(segmentId: string): Promise<string[]>;
}
