import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  /** Visible, translated label. */
  label: string;
  /** The control: input, select or textarea. Its aria-label (the English name) is kept. */
  children: ReactElement<Record<string, unknown>>;
  error?: string | null;
  required?: boolean;
  className?: string;
}

/** A labelled control with its error said in words and tied to it for screen readers. */
export function Field({ label, children, error, required, className }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const controlId = (children.props.id as string | undefined) ?? id;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={controlId} className={required ? 'required' : undefined}>
        {label}
      </label>
      {cloneElement(children, {
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
        'aria-required': required || undefined,
      })}
      {error && (
        <span id={errorId} className="error">
          {error}
        </span>
      )}
    </div>
  );
}
