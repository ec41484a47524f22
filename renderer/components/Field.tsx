import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  /** Visible, translated label. */
  label: string;
  /** The control: input, select or textarea. Its aria-label (the English name) is kept. */
  children: ReactElement<Record<string, unknown>>;
  /** Short words beside the label ("Required"); the control is described by them. */
  error?: string | null;
  /** The full explanation, when the short words leave something out. */
  errorDetail?: string | null;
  required?: boolean;
  className?: string;
}

/**
 * A labelled control with its error said in words and tied to it for screen
 * readers. The error sits on the label's line, so showing it never pushes the
 * form down: intake must stay on one screen beside the soothing panel.
 */
export function Field({ label, children, error, errorDetail, required, className }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const controlId = (children.props.id as string | undefined) ?? id;
  return (
    <div className={`field ${className ?? ''}`}>
      <div className="field-head">
        <label htmlFor={controlId} className={required ? 'required' : undefined} title={label}>
          {label}
        </label>
        {error && (
          <span id={errorId} className="error" title={errorDetail ?? undefined}>
            <span aria-hidden="true">⚠ </span>
            {errorDetail && errorDetail !== error ? (
              <>
                <span aria-hidden="true">{error}</span>
                <span className="sr-only">{errorDetail}</span>
              </>
            ) : (
              error
            )}
          </span>
        )}
      </div>
      {cloneElement(children, {
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
        'aria-required': required || undefined,
      })}
    </div>
  );
}
