import { describe, expect, it } from 'vitest';
import { isSwipeDone, phaseOf } from './swipe';

describe('swipe right to complete', () => {
  it('is nothing yet while the pointer has hardly moved: a tap stays a tap', () => {
    expect(phaseOf(0, 0)).toBe('undecided');
    expect(phaseOf(6, 6)).toBe('undecided');
  });

  it('is a swipe when it goes right more than down, else the page scrolls', () => {
    expect(phaseOf(20, 5)).toBe('swiping');
    expect(phaseOf(20, -19)).toBe('swiping');
    expect(phaseOf(5, 20)).toBe('scrolling');
    expect(phaseOf(-20, 0)).toBe('scrolling');
  });

  it('completes past a third of the row or 96 px, whichever is less', () => {
    expect(isSwipeDone(95, 375)).toBe(false);
    expect(isSwipeDone(96, 375)).toBe(true);
    expect(isSwipeDone(70, 210)).toBe(true);
    expect(isSwipeDone(69, 210)).toBe(false);
  });
});
