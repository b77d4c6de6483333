import { createContext, useCallback, useContext, useEffect, useId, useRef, type ReactNode } from 'react';

type Report = (id: string, invalid: boolean) => void;

const InvalidDraftContext = createContext<Report | null>(null);

/**
 * Collects "this part holds text that is not a value yet" (JSON that does not parse, duplicate map
 * keys) from any editor below, and tells `onInvalid` when the whole value turns unsaveable or back.
 */
export function InvalidDraftScope({ onInvalid, children }: { onInvalid?: (invalid: boolean) => void; children: ReactNode }) {
  const invalidIds = useRef(new Set<string>());
  const reported = useRef(false);
  const onInvalidRef = useRef(onInvalid);
  useEffect(() => {
    onInvalidRef.current = onInvalid;
  }, [onInvalid]);
  const report = useCallback<Report>((id, invalid) => {
    if (invalid) invalidIds.current.add(id);
    else invalidIds.current.delete(id);
    const any = invalidIds.current.size > 0;
    if (any !== reported.current) {
      reported.current = any;
      onInvalidRef.current?.(any);
    }
  }, []);
  return <InvalidDraftContext.Provider value={report}>{children}</InvalidDraftContext.Provider>;
}

/** Marks the calling editor's draft as (not) representable as a value, for the nearest InvalidDraftScope. */
export function useReportInvalid(invalid: boolean): void {
  const report = useContext(InvalidDraftContext);
  const id = useId();
  useEffect(() => {
    report?.(id, invalid);
  }, [report, id, invalid]);
  useEffect(() => () => report?.(id, false), [report, id]);
}
