/**
 * The one dialog frame (at most one open at a time): modal, labelled, Escape closes, Tab stays inside, focus
 * goes back to where it was when the dialog closes.
 */
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]';

export function Dialog({
  labelledBy,
  onClose,
  onSubmit,
  children,
}: {
  labelledBy: string;
  onClose(): void;
  /** makes the dialog a form: Enter submits */
  onSubmit?(e: FormEvent): void;
  children: ReactNode;
}) {
  const box = useRef<HTMLElement | null>(null);
  // read while rendering, before autoFocus moves the focus into the dialog
  const opener = useRef(document.activeElement as HTMLElement | null);
  useEffect(() => {
    const before = opener.current;
    if (box.current && !box.current.contains(document.activeElement)) {
      box.current.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    return () => before?.focus?.();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  const common = {
    className: 'dialog',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    onKeyDown,
  } as const;
  return (
    <div className="dialog-backdrop">
      {onSubmit ? (
        <form {...common} ref={(el) => void (box.current = el)} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...common} ref={(el) => void (box.current = el)}>
          {children}
        </div>
      )}
    </div>
  );
}
