import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field } from './Field';

describe('Field', () => {
  it('shows short words beside the label and describes the control with the full sentence', () => {
    const html = renderToStaticMarkup(
      <Field label="Phone" required error="Digits only" errorDetail="Phone may hold digits only.">
        <input id="p" aria-label="Phone" />
      </Field>,
    );
    expect(html).toMatch(/<div class="field-head"><label[^>]*>Phone<\/label><span id="([^"]+)" class="error"/);
    const errorId = /<span id="([^"]+)" class="error"/.exec(html)?.[1];
    expect(html).toContain(`aria-describedby="${errorId}"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<span class="sr-only">Phone may hold digits only.</span>');
  });

  it('leaves a valid control undescribed', () => {
    const html = renderToStaticMarkup(
      <Field label="Address">
        <input id="a" />
      </Field>,
    );
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('class="error"');
  });
});
