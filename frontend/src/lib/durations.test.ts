import { describe, expect, it } from 'vitest';
import { describeDuration, parseBeforeDue } from './durations';

describe('before-due input', () => {
  it.each([
    ['2h', 'PT2H'],
    ['1d', 'P1D'],
    ['90m', 'PT90M'],
    ['15 min', 'PT15M'],
    ['1h 30m', 'PT1H30M'],
    ['1h30m', 'PT1H30M'],
    ['2 hours', 'PT2H'],
    ['1 day and 2 hours', 'P1DT2H'],
    ['1w', 'P1W'],
    ['1w 1d', 'P8D'],
    ['PT2H', 'PT2H'],
    ['pt15m', 'PT15M'],
    ['P1D', 'P1D'],
    ['P1DT12H', 'P1DT12H'],
    ['P2W', 'P2W'],
    ['  3H ', 'PT3H'],
  ])('reads %j as %s', (typed, iso) => {
    expect(parseBeforeDue(typed)).toBe(iso);
  });

  it.each(['', 'soon', '2', 'h', '0m', 'PT0S', 'P', 'PT', 'P1M', 'P1Y', '-2h', '2 fortnights', '2h x'])(
    'rejects %j',
    (typed) => {
      expect(parseBeforeDue(typed)).toBeNull();
    },
  );
});

describe('durations in words', () => {
  it.each([
    ['PT15M', '15 minutes'],
    ['PT1H', '1 hour'],
    ['P1D', '1 day'],
    ['P1DT2H30M', '1 day 2 hours 30 minutes'],
    ['P2W', '2 weeks'],
    ['nonsense', 'nonsense'],
  ])('%s is %s', (iso, words) => {
    expect(describeDuration(iso)).toBe(words);
  });
});
