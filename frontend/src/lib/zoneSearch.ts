/**
 * Finding an IANA zone by what people call it: a city ("New York", "Lisbon"), a common abbreviation ("IST", "PST"),
 * a country with one zone ("Japan"), or the IANA name itself. The server takes IANA names only, so the picker turns
 * what was typed into one.
 */
import { knownZones } from './zonedTime';

export interface ZoneMatch {
  zone: string;
  /** What the option shows: "New York (America/New_York)". */
  label: string;
}

/** Abbreviations → the zone they usually name (IST is India's here, not Ireland's or Israel's). */
const ABBREVIATIONS: Record<string, string> = {
  utc: 'UTC', gmt: 'Europe/London', bst: 'Europe/London', ist: 'Asia/Kolkata', cet: 'Europe/Berlin',
  cest: 'Europe/Berlin', wet: 'Europe/Lisbon', west: 'Europe/Lisbon', eet: 'Europe/Athens', eest: 'Europe/Athens',
  msk: 'Europe/Moscow', est: 'America/New_York', edt: 'America/New_York', cst: 'America/Chicago',
  cdt: 'America/Chicago', mst: 'America/Denver', mdt: 'America/Denver', pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles', akst: 'America/Anchorage', hst: 'Pacific/Honolulu', jst: 'Asia/Tokyo',
  kst: 'Asia/Seoul', sgt: 'Asia/Singapore', hkt: 'Asia/Hong_Kong', pkt: 'Asia/Karachi', aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney', nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland', brt: 'America/Sao_Paulo',
};

/** Other names of cities, and countries with one zone → that zone. */
const NAMES: Record<string, string> = {
  kolkata: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bombay: 'Asia/Kolkata', delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata', bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', kyiv: 'Europe/Kyiv',
  'ho chi minh city': 'Asia/Ho_Chi_Minh', beijing: 'Asia/Shanghai', 'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles', boston: 'America/New_York', washington: 'America/New_York',
  miami: 'America/New_York', munich: 'Europe/Berlin', 'buenos aires': 'America/Argentina/Buenos_Aires',
  india: 'Asia/Kolkata', japan: 'Asia/Tokyo', germany: 'Europe/Berlin', france: 'Europe/Paris', italy: 'Europe/Rome',
  'united kingdom': 'Europe/London', uk: 'Europe/London', england: 'Europe/London', ireland: 'Europe/Dublin',
  netherlands: 'Europe/Amsterdam', belgium: 'Europe/Brussels', switzerland: 'Europe/Zurich', austria: 'Europe/Vienna',
  poland: 'Europe/Warsaw', sweden: 'Europe/Stockholm', norway: 'Europe/Oslo', denmark: 'Europe/Copenhagen',
  finland: 'Europe/Helsinki', greece: 'Europe/Athens', turkey: 'Europe/Istanbul', israel: 'Asia/Jerusalem',
  china: 'Asia/Shanghai', 'south korea': 'Asia/Seoul', korea: 'Asia/Seoul', philippines: 'Asia/Manila',
  thailand: 'Asia/Bangkok', vietnam: 'Asia/Ho_Chi_Minh', pakistan: 'Asia/Karachi', bangladesh: 'Asia/Dhaka',
  egypt: 'Africa/Cairo', nigeria: 'Africa/Lagos', kenya: 'Africa/Nairobi', 'south africa': 'Africa/Johannesburg',
  'new zealand': 'Pacific/Auckland', colombia: 'America/Bogota', peru: 'America/Lima', 'united arab emirates': 'Asia/Dubai',
  uae: 'Asia/Dubai', singapore: 'Asia/Singapore', portugal: 'Europe/Lisbon', ukraine: 'Europe/Kyiv',
};

const ALIASES: Record<string, string> = { ...NAMES, ...ABBREVIATIONS };

const normalize = (text: string) => text.trim().toLowerCase().replace(/[_\s]+/g, ' ');

/** How an alias is written: "IST", "New Delhi", "UAE". */
function aliasText(alias: string): string {
  if (alias in ABBREVIATIONS || alias === 'uk' || alias === 'uae') return alias.toUpperCase();
  return alias.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

function labelOf(zone: string, alias?: string): string {
  const city = cityOf(zone);
  const name = city === zone ? zone : `${city} (${zone})`;
  return alias && alias !== normalize(city) ? `${name}, ${aliasText(alias)}` : name;
}

/** How well `zone` (or an alias of it) fits `query`: lower is better, null for not at all. */
function rank(query: string, zone: string): number | null {
  const id = normalize(zone);
  const city = normalize(cityOf(zone));
  if (id === query) return 0;
  if (city === query) return 1;
  if (city.startsWith(query)) return 2;
  if (city.split(' ').some((word) => word.startsWith(query))) return 3;
  if (id.includes(query)) return 4;
  return null;
}

/** Up to `limit` zones that fit `query`, best first. */
export function searchZones(query: string, zones: string[] = knownZones(), limit = 8): ZoneMatch[] {
  const q = normalize(query);
  if (!q) return [];
  const best = new Map<string, { score: number; label: string }>();
  const offer = (zone: string, score: number, label: string) => {
    const known = best.get(zone);
    if (!known || score < known.score) best.set(zone, { score, label });
  };
  for (const [alias, zone] of Object.entries(ALIASES)) {
    if (alias === q) offer(zone, 0, labelOf(zone, alias));
    else if (q.length >= 2 && alias.startsWith(q)) offer(zone, 3, labelOf(zone, alias));
  }
  for (const zone of zones) {
    const score = rank(q, zone);
    if (score !== null) offer(zone, score, labelOf(zone));
  }
  return [...best.entries()]
    .sort(([a, x], [b, y]) => x.score - y.score || a.localeCompare(b))
    .slice(0, limit)
    .map(([zone, { label }]) => ({ zone, label }));
}

/**
 * The zone `text` names, when it names one: an IANA name in any case, an alias, or a city only one zone has
 * ("lisbon" → Europe/Lisbon). Null when it is unknown or could be more than one.
 */
export function resolveZone(text: string, zones: string[] = knownZones()): string | null {
  const q = normalize(text);
  if (!q) return null;
  const exact = zones.find((zone) => normalize(zone) === q);
  if (exact) return exact;
  if (ALIASES[q]) return ALIASES[q];
  const cities = zones.filter((zone) => normalize(cityOf(zone)) === q);
  return cities.length === 1 ? cities[0] : null;
}
