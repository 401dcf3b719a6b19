import { describe, expect, it } from 'vitest';
import { cityOf, resolveZone, searchZones } from './zoneSearch';
import { knownZones } from './zonedTime';

const zones = knownZones();
const first = (query: string) => searchZones(query, zones)[0]?.zone;

describe('finding a time zone by what people call it', () => {
  it('finds cities by name, in any case, with spaces for underscores', () => {
    expect(first('New York')).toBe('America/New_York');
    expect(first('new york')).toBe('America/New_York');
    expect(first('Lisbon')).toBe('Europe/Lisbon');
    expect(first('lis')).toBe('Europe/Lisbon');
    expect(first('buenos')).toMatch(/Buenos_Aires$/);
  });

  it('finds common abbreviations and single-zone countries', () => {
    expect(first('IST')).toBe('Asia/Kolkata');
    expect(first('EST')).toBe('America/New_York');
    expect(first('edt')).toBe('America/New_York');
    expect(first('PST')).toBe('America/Los_Angeles');
    expect(first('BST')).toBe('Europe/London');
    expect(first('CET')).toBe('Europe/Berlin');
    expect(first('Japan')).toBe('Asia/Tokyo');
    expect(first('Mumbai')).toBe('Asia/Kolkata');
  });

  it('takes the IANA name itself, and offers each zone once, best first, at most the limit', () => {
    expect(first('Europe/Berlin')).toBe('Europe/Berlin');
    expect(first('utc')).toBe('UTC');
    const matches = searchZones('a', zones, 8);
    expect(matches).toHaveLength(8);
    expect(new Set(matches.map((m) => m.zone)).size).toBe(8);
    expect(searchZones('   ', zones)).toEqual([]);
    expect(searchZones('Atlantis', zones)).toEqual([]);
  });

  it('labels options with the city and the IANA name, and the abbreviation that found it', () => {
    expect(searchZones('New York', zones)[0].label).toBe('New York (America/New_York)');
    expect(searchZones('IST', zones)[0].label).toBe('Kolkata (Asia/Kolkata), IST');
    expect(searchZones('New Zealand', zones)[0].label).toBe('Auckland (Pacific/Auckland), New Zealand');
    expect(searchZones('India', zones)[0].label).toBe('Kolkata (Asia/Kolkata), India');
    expect(cityOf('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('resolves what was typed to one zone, or to none when it is unknown or could be several', () => {
    expect(resolveZone('New York', zones)).toBe('America/New_York');
    expect(resolveZone('lisbon', zones)).toBe('Europe/Lisbon');
    expect(resolveZone('europe/berlin', zones)).toBe('Europe/Berlin');
    expect(resolveZone('IST', zones)).toBe('Asia/Kolkata');
    expect(resolveZone('Atlantis', zones)).toBeNull();
    expect(resolveZone('', zones)).toBeNull();
    expect(resolveZone('new', zones)).toBeNull();
  });
});
