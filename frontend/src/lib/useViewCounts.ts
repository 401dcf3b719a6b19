/**
 * The navigation's counts: Today (overdue and today's open tasks), Upcoming and All (open tasks). The API has no
 * count or total, so each is the length of one page of that view at the API's largest size, "200+" past it.
 */
import { useEffect, useRef, useState } from 'react';
import { listTasks } from '../api/endpoints';
import { toApiQuery } from './filters';
import { countFilters, formatCount, type View } from './views';

const COUNTED: View[] = ['today', 'upcoming', 'all'];
const COUNT_PAGE = 200; // the API's largest page

export type ViewCounts = Partial<Record<View, string>>;

/** Re-counts whenever `version` changes (the list was re-read) or the day does. */
export function useViewCounts(today: string, version: unknown): ViewCounts {
  const [counts, setCounts] = useState<ViewCounts>({});
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    Promise.all(
      COUNTED.map(async (view) => {
        const page = await listTasks(toApiQuery(countFilters(view, today), { limit: COUNT_PAGE }));
        return [view, formatCount(page.items.length, page.next_cursor !== null)] as const;
      }),
    ).then(
      (entries) => mine === generation.current && setCounts(Object.fromEntries(entries)),
      () => undefined, // the list shows the error; a count is left as it was
    );
  }, [today, version]);
  return counts;
}
