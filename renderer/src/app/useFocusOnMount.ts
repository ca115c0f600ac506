// Moves keyboard focus to an element (usually a screen's heading) when the screen appears, so a
// screen reader announces the new screen and Tab starts from the top of it.
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
