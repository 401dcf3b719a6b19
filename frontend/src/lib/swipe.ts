/**
 * Swipe right on a row to complete it: a pointer (finger, pen or mouse) pressed on the row and moved to the right,
 * more across than down, drags the row along; let go past a third of its width (or 96 px), it counts. Moving down
 * first leaves the gesture to scrolling (the row's `touch-action: pan-y`).
 */
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** Pixels a pointer moves before it is a drag at all: a tap or a click stays one. */
const SLOP_PX = 10;
const DONE_PX = 96;

export type SwipePhase = 'undecided' | 'swiping' | 'scrolling';

/** What a movement of (dx, dy) from where the pointer went down is, once it is one. */
export function phaseOf(dx: number, dy: number): SwipePhase {
  if (Math.hypot(dx, dy) < SLOP_PX) return 'undecided';
  return dx > 0 && dx > Math.abs(dy) ? 'swiping' : 'scrolling';
}

/** Whether a swipe let go at dx on a row `width` wide completes. */
export function isSwipeDone(dx: number, width: number): boolean {
  return dx >= Math.min(DONE_PX, width / 3);
}

interface Gesture {
  id: number;
  x: number;
  y: number;
  phase: SwipePhase;
}

/** Pointer handlers for a row that calls `onSwipe` when swiped right; the row's own style shows the drag. */
export function useSwipeRight(onSwipe: () => void) {
  const gesture = useRef<Gesture | null>(null);
  const reset = (element: HTMLElement) => {
    gesture.current = null;
    element.style.transform = '';
    element.classList.remove('swiping');
  };
  return {
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      if (!event.isPrimary || event.button !== 0) return;
      gesture.current = { id: event.pointerId, x: event.clientX, y: event.clientY, phase: 'undecided' };
    },
    onPointerMove(event: ReactPointerEvent<HTMLElement>) {
      const now = gesture.current;
      if (!now || now.id !== event.pointerId || now.phase === 'scrolling') return;
      const dx = event.clientX - now.x;
      if (now.phase === 'undecided') {
        now.phase = phaseOf(dx, event.clientY - now.y);
        if (now.phase !== 'swiping') return;
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.classList.add('swiping');
      }
      event.currentTarget.style.transform = `translateX(${Math.max(0, dx)}px)`;
    },
    onPointerUp(event: ReactPointerEvent<HTMLElement>) {
      const now = gesture.current;
      if (!now || now.id !== event.pointerId) return;
      const done = now.phase === 'swiping' && isSwipeDone(event.clientX - now.x, event.currentTarget.offsetWidth);
      reset(event.currentTarget);
      if (done) onSwipe();
    },
    onPointerCancel(event: ReactPointerEvent<HTMLElement>) {
      reset(event.currentTarget);
    },
  };
}
