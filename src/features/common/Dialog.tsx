// A modal dialog on the native <dialog> element (focus trap, Escape to cancel, top layer).
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  submitLabel: string;
  danger?: boolean;
  /** For dialogs holding a whole form. */
  wide?: boolean;
  /** Hide Cancel when the question must be answered. */
  required?: boolean;
  onSubmit(): void;
  onCancel(): void;
}

export function Dialog({ title, children, submitLabel, danger, wide, required, onSubmit, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal?.();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={ref}
      aria-label={title}
      className={wide ? 'wide' : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!required) onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2>{title}</h2>
        {children}
        <div className="dialog-buttons">
          {!required && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className={danger ? 'danger' : 'primary'}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface TextPromptProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  required?: boolean;
  validate(value: string): string | null;
  onSubmit(value: string): void;
  onCancel(): void;
}

/** A dialog asking for one line of text, refusing values `validate` rejects. */
export function TextPrompt({ title, label, initial, submitLabel, required, validate, onSubmit, onCancel }: TextPromptProps) {
  const input = useRef<HTMLInputElement>(null);
  const error = useRef<HTMLParagraphElement>(null);
  const submit = () => {
    const value = input.current?.value.trim() ?? '';
    const problem = validate(value);
    if (problem) {
      if (error.current) error.current.textContent = problem;
      input.current?.focus();
      return;
    }
    onSubmit(value);
  };
  return (
    <Dialog title={title} submitLabel={submitLabel} required={required} onSubmit={submit} onCancel={onCancel}>
      <label className="field">
        {label}
        <input ref={input} defaultValue={initial} autoFocus maxLength={200} />
      </label>
      <p ref={error} role="alert" className="error" />
    </Dialog>
  );
}
