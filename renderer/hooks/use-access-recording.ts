import { useCallback, useEffect } from 'react';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { personalFieldsShown } from '../../shared/audit/personal-fields';
import type { AccessEvent } from '../data/audit/access-log';
import { useDataStore } from '../data/context';

/** Records an access (print, export) through the workstation's access log; never throws into the UI. */
export function useRecordAccess(): (event: AccessEvent) => void {
  const store = useDataStore();
  return useCallback(
    (event: AccessEvent) => {
      store?.accessLog.record(event).catch((err: unknown) => console.error('access record failed', err));
    },
    [store],
  );
}

/**
 * Opening a complaint whose personal fields are on screen is a view of
 * personal data: recorded once per complaint per opening (the access log
 * merges re-openings within ten minutes).
 */
export function useRecordPersonalView(complaint: ComplaintProjection | null): void {
  const record = useRecordAccess();
  const id = complaint?.id ?? null;
  const fields = complaint ? personalFieldsShown(complaint).join(',') : '';
  useEffect(() => {
    if (!id || !fields) return;
    record({ action: 'view', complaintIds: [id], fields: fields.split(',') as AccessEvent['fields'] });
  }, [record, id, fields]);
}

/**
 * While a printable record is on screen, every print of it (the button or
 * the browser's own Ctrl+P) is recorded, just before the print dialog opens.
 */
export function useRecordPrint(complaint: ComplaintProjection): void {
  const record = useRecordAccess();
  const id = complaint.id;
  const fields = personalFieldsShown(complaint).join(',');
  useEffect(() => {
    const onBeforePrint = () =>
      record({ action: 'print', complaintIds: [id], ...(fields ? { fields: fields.split(',') as AccessEvent['fields'] } : {}) });
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [record, id, fields]);
}
