/** An error in plain words, brought into view when it appears (after a long operation the page may be scrolled). */
import { useEffect, useRef } from 'react';

export function ErrorNotice({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message]);
  return (
    <div ref={ref} className="notice bad" role="alert">
      {message}
    </div>
  );
}
