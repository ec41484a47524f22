import type { RedactableField } from '../events/payloads/outcome';
import type { ComplaintProjection } from '../fold/projection';

/**
 * The personal fields a complaint's projection shows (non-empty), in the
 * redaction catalogue's names: what a view or print of it reveals, and so
 * what the access log records. An erased complaint shows none.
 */
export function personalFieldsShown(p: Pick<ComplaintProjection, 'complainant' | 'incident' | 'description' | 'demands' | 'notes'>): RedactableField[] {
  const out: RedactableField[] = [];
  if (p.complainant?.name) out.push('complainant.name');
  if (p.complainant?.phone) out.push('complainant.phone');
  if (p.complainant?.address) out.push('complainant.address');
  if (p.incident?.place) out.push('incident.place');
  if (p.description) out.push('description');
  if (p.demands) out.push('demands');
  if (p.notes.some((n) => n.text)) out.push('notes');
  return out;
}
