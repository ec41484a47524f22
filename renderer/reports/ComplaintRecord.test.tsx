import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../i18n/i18n';
import { FIXTURE_DIRECTORY } from '../../shared/test-support/report-fixture';
import { fixtureProjections } from '../../shared/test-support/report-test-data';
import { ComplaintRecord } from './ComplaintRecord';

describe('printable complaint record', () => {
  initI18n('en');
  const p = fixtureProjections().find((x) => x.id === 'rpt-c01');
  if (!p) throw new Error('fixture missing');
  const render = (role: 'quality_manager' | 'complaint_officer') =>
    renderToStaticMarkup(
      <ComplaintRecord complaint={p} directory={FIXTURE_DIRECTORY} role={role} timeZone="Asia/Shanghai" printedAt="2026-11-23T03:00:00.000Z" onBack={() => undefined} />,
    );

  it('holds registration, timeline, notes, result and survey sections', () => {
    const html = render('complaint_officer');
    for (const heading of ['Registration', 'Timeline', 'Notes', 'Result', 'Satisfaction survey']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('Complaint record C01');
    expect(html).toContain('2026-11-18 09:00');
    expect(html).toContain('Established');
    expect(html).toContain('王海燕');
    expect(html).toContain('13700000801');
  });

  it('prints both serials: the call being taken and the call complained about', () => {
    const html = renderToStaticMarkup(
      <ComplaintRecord
        complaint={{ ...p, callSerial: 'S-TAKEN-1', complainedSerial: 'S-ABOUT-2' }}
        directory={FIXTURE_DIRECTORY}
        role="complaint_officer"
        timeZone="Asia/Shanghai"
        printedAt="2026-11-23T03:00:00.000Z"
        onBack={() => undefined}
      />,
    );
    expect(html).toContain('<dt>Call serial</dt><dd>S-TAKEN-1</dd>');
    expect(html).toContain('<dt>Serial of the call complained about</dt><dd>S-ABOUT-2</dd>');
  });

  it('masks the phone for a role that does not call customers', () => {
    const html = render('quality_manager');
    expect(html).toContain('137****0801');
    expect(html).not.toContain('13700000801');
  });
});

describe('printed record in words', () => {
  const p = fixtureProjections().find((x) => x.id === 'rpt-c01');
  if (!p) throw new Error('fixture missing');
  const html = (language: 'en' | 'zh-CN') => {
    initI18n(language);
    return renderToStaticMarkup(
      <ComplaintRecord complaint={p} directory={FIXTURE_DIRECTORY} role="complaint_officer" timeZone="Asia/Shanghai" printedAt="2026-11-23T03:00:00.000Z" onBack={() => undefined} />,
    );
  };

  it('names the channel, customer type, grade, events and resolution instead of printing their codes', () => {
    const codes = [p.channel, p.complainant?.customerType, ...p.timeline.map((e) => e.type), ...(p.resolution?.kinds ?? [])].filter(Boolean) as string[];
    expect(codes.length).toBeGreaterThan(3);
    for (const language of ['en', 'zh-CN'] as const) {
      const text = html(language).replace(/<[^>]+>/g, '\n');
      const lines = text.split('\n').map((l) => l.trim());
      for (const code of codes) expect(lines.some((l) => l === code || l.split(' · ').includes(code)), `${language}: ${code}`).toBe(false);
    }
    const en = html('en');
    expect(en).toContain('Complaint registered');
    const zh = html('zh-CN');
    expect(zh).toContain('登记投诉');
    initI18n('en');
  });
});
