/** The views, each with its count of open tasks; the current one is marked for assistive technology too. */
import { DEFAULT_FILTERS } from '../lib/filters';
import { Link } from '../lib/router';
import type { ViewCounts } from '../lib/useViewCounts';
import { serializeView, VIEW_NAMES, VIEWS, type View } from '../lib/views';

export function ViewNav({ view, counts }: { view: View; counts: ViewCounts }) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {VIEWS.map((each) => (
          <li key={each}>
            <Link
              href={`/${serializeView(each, DEFAULT_FILTERS)}`}
              aria-current={each === view ? 'page' : undefined}
              data-testid={`view-${each}`}
            >
              {VIEW_NAMES[each]}
              {counts[each] !== undefined && (
                <span className="view-count" data-testid="view-count">
                  <span className="visually-hidden">, </span>
                  {counts[each]}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
