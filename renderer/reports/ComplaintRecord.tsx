import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { formatInstant } from '../../shared/reports/format';
import { phoneForRole } from '../../shared/reports/masking';
import type { Directory } from '../../shared/reports/types';
import type { Role } from '../../shared/roles';
import { useRecordPersonalView, useRecordPrint } from '../hooks/use-access-recording';
import './print.css';

interface Props {
  complaint: ComplaintProjection;
  directory: Directory;
  role: Role;
  timeZone: string;
  /** When the record was printed (shown on the paper). */
  printedAt: string;
  onBack(): void;
}

/**
 * One complaint's full record for the written notice and the archive:
 * registration, timeline, notes, result and survey, every coded value in
 * words of the chosen language. The print stylesheet
 * prints this alone; the phone is masked for roles that do not need it.
 */
export function ComplaintRecord({ complaint: p, directory, role, timeZone, printedAt, onBack }: Props) {
  const { t } = useTranslation();
  // On screen it shows the complainant's data; printed, it leaves the building: both are audited.
  useRecordPersonalView(p);
  useRecordPrint(p);
  const at = (iso: string | null | undefined) => formatInstant(iso, timeZone);
  const who = (id: string) => directory.users.find((u) => u.id === id)?.displayName ?? id;
  const none = t('reports.record.none');
  const note = p.callbacks.midCourseNote;
  return (
    <article className="print-record" aria-label={t('reports.record.title', { number: p.number })}>
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reports.record.print')}
        </button>{' '}
        <button type="button" onClick={onBack}>
          {t('reports.record.back')}
        </button>
      </div>
      <h1>{t('reports.record.title', { number: p.number })}</h1>
      <p>{t('reports.record.printedAt', { at: at(printedAt) })}</p>

      <h2>{t('reports.record.registration')}</h2>
      <dl>
        <dt>{t('reports.col.status')}</dt>
        <dd>{t(`statuses.${p.status}`, { defaultValue: p.status })}</dd>
        <dt>{t('reports.col.category')}</dt>
        <dd>{p.category ? t(`categories.${p.category}`, { defaultValue: p.category }) : none}</dd>
        <dt>{t('reports.col.grade')}</dt>
        <dd>{p.grade ? t(`grades.${p.grade}`, { defaultValue: String(p.grade) }) : none}</dd>
        <dt>{t('reports.record.channel')}</dt>
        <dd>{p.channel ? t(`channels.${p.channel}`, { defaultValue: p.channel }) : none}</dd>
        <dt>{t('reports.record.receivedAt')}</dt>
        <dd>{at(p.receivedAt)}</dd>
        <dt>{t('reports.record.complainant')}</dt>
        <dd>{p.complainant?.name || none}</dd>
        <dt>{t('reports.record.phone')}</dt>
        <dd>{phoneForRole(p.complainant?.phone, role) || none}</dd>
        <dt>{t('reports.record.customerType')}</dt>
        <dd>{p.complainant?.customerType ? t(`customerTypes.${p.complainant.customerType}`, { defaultValue: p.complainant.customerType }) : none}</dd>
        <dt>{t('reports.record.respondent')}</dt>
        <dd>{[p.respondent?.department, ...(p.respondent?.agentJobNumbers ?? [])].filter(Boolean).join(' / ') || none}</dd>
        <dt>{t('reports.record.callSerial')}</dt>
        <dd>{p.callSerial ?? none}</dd>
        <dt>{t('reports.record.complainedSerial')}</dt>
        <dd>{p.complainedSerial ?? none}</dd>
        <dt>{t('reports.record.description')}</dt>
        <dd>{p.description ?? none}</dd>
        <dt>{t('reports.record.demands')}</dt>
        <dd>{p.demands || none}</dd>
      </dl>

      <h2>{t('reports.record.timeline')}</h2>
      <ol>
        {p.timeline.map((e) => (
          <li key={e.eventId} className={e.state === 'applied' ? undefined : 'struck'}>
            {at(e.occurredAt)} · {t(`events.${e.type}`, { defaultValue: e.type })} · {who(e.actorId)}
            {e.state !== 'applied' && ` (${t(`reports.record.${e.state}`)}${e.why ? `: ${e.why}` : ''})`}
          </li>
        ))}
      </ol>

      <h2>{t('reports.record.notes')}</h2>
      {p.notes.length === 0 && !note ? (
        <p>{none}</p>
      ) : (
        <ul>
          {note && (
            <li>
              {t('reports.record.midCourseNote')} · {at(note.at)} · {who(note.actorId)}: {note.agentConduct} ({note.recordingSerial} → {note.callbackSerial})
            </li>
          )}
          {p.notes.map((n) => (
            <li key={n.eventId}>
              {at(n.at)} · {who(n.actorId)}: {n.text}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('reports.record.result')}</h2>
      <dl>
        <dt>{t('reports.record.finding')}</dt>
        <dd>{p.finding ? t(`reports.findings.${p.finding}`) : none}</dd>
        <dt>{t('reports.record.resolution')}</dt>
        <dd>{p.resolution ? `${p.resolution.kinds.map((k) => t(`review.kinds.${k}`, { defaultValue: k })).join(t('reports.record.listSeparator'))}${p.resolution.text ? ` — ${p.resolution.text}` : ''}` : none}</dd>
        <dt>{t('reports.record.resolvedAt')}</dt>
        <dd>{at(p.milestones.resolvedAt) || none}</dd>
        <dt>{t('reports.col.handlingDeadline')}</dt>
        <dd>{at(p.deadlines.handling) || none}</dd>
      </dl>

      <h2>{t('reports.record.survey')}</h2>
      <p>{p.survey ? t('reports.record.surveyValue', { score: p.survey.score, scale: p.survey.scale }) : none}</p>
    </article>
  );
}
