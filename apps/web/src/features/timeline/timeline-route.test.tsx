import { dayBefore, todayInJapan } from '@jin/site';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/format-date.ts';
import {
  article,
  residenceStatus,
  ruleChange,
  ruleChangeConnection,
  STATISTICS,
  VISA_RULES,
} from '../../test/fixtures.ts';
import { renderApp, withoutAct } from '../../test/render-app.tsx';
import {
  TIMELINE_PAGE_SIZE,
  TimelineOptionsQuery,
  TimelinePastQuery,
  TimelineUpcomingQuery,
} from './timeline-query.ts';

const today = todayInJapan();
const SSW = residenceStatus('specified-skilled-worker-i', 'Specified Skilled Worker (i)');
const STUDENT = residenceStatus('student', 'Student');

type Change = ReturnType<typeof ruleChange>;
type Filter = Record<string, unknown>;

const upcoming = (filter: Filter, changes: Change[], more = {}) => ({
  request: {
    query: TimelineUpcomingQuery,
    variables: { filter: { ...filter, from: today }, first: TIMELINE_PAGE_SIZE },
  },
  result: { data: { ruleChanges: ruleChangeConnection(changes, more) } },
});

const past = (filter: Filter, changes: Change[], more = {}, before?: string) => ({
  request: {
    query: TimelinePastQuery,
    variables: {
      filter: { ...filter, to: dayBefore(today) },
      last: TIMELINE_PAGE_SIZE,
      ...(before ? { before } : {}),
    },
  },
  result: { data: { ruleChanges: ruleChangeConnection(changes, more) } },
});

const options = {
  request: { query: TimelineOptionsQuery },
  result: { data: { tags: [STATISTICS, VISA_RULES], residenceStatuses: [SSW, STUDENT] } },
};

const stage = (name: string, date: string) => ({
  __typename: 'RuleChangeStageRecord' as const,
  stage: name,
  date: ruleChange('x', date).effective,
});

// What is still to come, in the API's order (soonest first). The fiscal year has begun but not
// ended, so the API lists it with both lists; it belongs with what is to come.
const underWay = ruleChange('fees-fy2026', 'FY2026', { upcoming: true, stage: 'CABINET_DECIDED' });
const newStatus = ruleChange('new-status', '2030-04', {
  upcoming: true,
  statement: 'A new status of residence replaces the old one.',
  statuses: [SSW],
  tags: [VISA_RULES],
  history: [
    stage('PROPOSED', '2029-10-01'),
    stage('ENACTED', '2029-12'),
    stage('IN_FORCE', '2030-04'),
  ],
  articles: [article(1), article(2)],
});
const caps = ruleChange('caps-revised', '2030-04-15', { upcoming: true, stage: 'ENACTED' });
const travel = ruleChange('travel-authorization', 'FY2031', { upcoming: true });
// What has changed, in the API's order (earliest first).
const older = ruleChange('older-decision', '2025-01-20', { stage: 'CABINET_DECIDED' });
const recent = ruleChange('recent-proposal', '2026-03-10', { stage: 'PROPOSED' });

const ids = (region: HTMLElement) =>
  [...region.querySelectorAll('.timeline-entry')].map((entry) => entry.id);
const headings = (region: HTMLElement) =>
  within(region)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('the timeline', () => {
  it('lists what is to come soonest first, then today, then what has changed latest first, month by month', async () => {
    renderApp('/timeline', [
      upcoming({}, [underWay, newStatus, caps, travel]),
      past({}, [older, recent, underWay]),
      options,
    ]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'What changes when' }),
    ).toBeVisible();
    const coming = screen.getByRole('region', { name: 'Coming up' });
    const before = screen.getByRole('region', { name: 'Before today' });
    expect(ids(coming)).toEqual([
      'fees-fy2026',
      'new-status',
      'caps-revised',
      'travel-authorization',
    ]);
    expect(headings(coming)).toEqual([
      'Fiscal 2026 (April 2026 to March 2027)',
      'April 2030',
      'Fiscal 2031 (April 2031 to March 2032)',
    ]);
    expect(ids(before)).toEqual(['recent-proposal', 'older-decision']);
    expect(headings(before)).toEqual(['March 2026', 'January 2025']);
    // Each month is a list under its heading.
    const april = within(coming).getByRole('region', { name: 'April 2030' });
    expect(
      within(april)
        .getAllByRole('listitem')
        .filter((li) => li.id),
    ).toHaveLength(2);

    // The marker for today stands between the two lists.
    const marker = screen.getByText('Today').closest('p') as HTMLElement;
    expect(marker).toHaveTextContent(`Today ${formatDate(today)}`);
    expect(within(marker).getByText(formatDate(today))).toHaveAttribute('datetime', today);
    const follows = (a: Node, b: Node) =>
      !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(coming, marker) && follows(marker, before)).toBe(true);

    // One entry in full: when and how precisely, stage, statement, whom and what, steps, reports.
    const entry = document.getElementById('new-status') as HTMLElement;
    expect(within(entry).getAllByText('April 2030')[0]).toHaveAttribute('datetime', '2030-04');
    expect(entry).toHaveTextContent('month only');
    expect(within(entry).getAllByText('Takes effect')[0]).toHaveClass('stage-badge');
    expect(entry).toHaveTextContent('A new status of residence replaces the old one.');
    expect(
      within(entry).getByRole('link', { name: 'Specified Skilled Worker (i)' }),
    ).toHaveAttribute('href', '/timeline?status=specified-skilled-worker-i');
    expect(within(entry).getByRole('link', { name: 'Visa Rules' })).toHaveAttribute(
      'href',
      '/timeline?tag=visa-rules',
    );
    const history = within(entry).getByRole('list', { name: 'History' });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Proposed 1 October 2029',
      'Enacted by the Diet December 2029',
      'Takes effect April 2030',
    ]);
    const reports = within(entry).getByRole('list', { name: 'Reported in' });
    expect(within(reports).getByRole('link', { name: 'Headline number 1' })).toHaveAttribute(
      'href',
      '/articles/article-1',
    );
    expect(
      within(document.getElementById('recent-proposal') as HTMLElement).getAllByText('Proposed')[0],
    ).toHaveClass('stage-badge');

    const subscribe = screen.getByRole('list', { name: 'Subscribe' });
    expect(
      within(subscribe).getByRole('link', { name: /Calendar of all changes/ }),
    ).toHaveAttribute('href', '/calendar.ics');
    expect(
      within(subscribe).getByRole('link', { name: 'Atom feed of the timeline' }),
    ).toHaveAttribute('href', '/feeds/timeline/atom.xml');
    expect(within(subscribe).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.title).toBe('What changes when · Japan Immigration News'));
  });

  it('reads its filters from the URL, sends them, shows them and offers the topic’s calendar', async () => {
    const filter = { tags: ['visa-rules'], statuses: ['student'], stages: ['IN_FORCE'] };
    renderApp('/timeline?tag=visa-rules&status=student&stage=in-force', [
      upcoming(filter, []),
      past(filter, [older]),
      options,
    ]);

    expect(await screen.findByText('No changes still to come match these filters.')).toBeVisible();
    expect(screen.getByText('Today')).toBeVisible();
    expect(ids(screen.getByRole('region', { name: 'Before today' }))).toEqual(['older-decision']);
    expect(screen.getByRole('combobox', { name: 'Status of residence' })).toHaveValue('student');
    expect(screen.getByRole('combobox', { name: 'Topic' })).toHaveValue('visa-rules');
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveValue('in-force');
    expect(
      screen.getByText(/Showing changes for Student, about Visa Rules, at the stage “In force”/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Calendar of changes about Visa Rules/ }),
    ).toHaveAttribute('href', '/calendar/tags/visa-rules.ics');
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute(
      'href',
      '/timeline',
    );
    // Without the app, the form still works: a GET to the same page.
    const form = screen.getByRole('form', { name: 'Filter the timeline' });
    expect(form).toHaveAttribute('action', '/timeline');
    expect(form).toHaveAttribute('method', 'get');
    await waitFor(() =>
      expect(document.title).toBe(
        'What changes when, for Student, about Visa Rules, at the stage “In force” · Japan Immigration News',
      ),
    );
  });

  it('writes a chosen status into the URL, narrows the list, and goes back to all of it', async () => {
    const user = userEvent.setup();
    const forSsw = { statuses: ['specified-skilled-worker-i'] };
    const { router } = renderApp('/timeline', [
      upcoming({}, [newStatus, caps]),
      past({}, [older, recent]),
      options,
      upcoming(forSsw, [newStatus]),
      past(forSsw, []),
    ]);

    await screen.findByRole('region', { name: 'Coming up' });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status of residence' }),
      'specified-skilled-worker-i',
    );
    await withoutAct(async () => {
      await user.click(screen.getByRole('button', { name: 'Show changes' }));
      await screen.findByText('No earlier changes match these filters.');
    });
    expect(router.state.location.search).toBe('?status=specified-skilled-worker-i');
    expect(ids(screen.getByRole('region', { name: 'Coming up' }))).toEqual(['new-status']);

    await router.navigate(-1);
    await waitFor(() =>
      expect(ids(screen.getByRole('region', { name: 'Before today' }))).toEqual([
        'recent-proposal',
        'older-decision',
      ]),
    );
    expect(screen.getByRole('combobox', { name: 'Status of residence' })).toHaveValue('');
  });

  it('loads earlier changes below the later ones, and moves focus to the first of them', async () => {
    const user = userEvent.setup();
    const oldest = ruleChange('oldest-change', '2019-04-01');
    renderApp('/timeline', [
      upcoming({}, []),
      past({}, [older, recent], { hasPreviousPage: true, totalCount: 3 }),
      options,
      past({}, [oldest], {}, 'cursor-older-decision'),
    ]);

    const before = await screen.findByRole('region', { name: 'Before today' });
    expect(within(before).getByText('Showing 2 of 3 changes')).toBeInTheDocument();
    await withoutAct(async () => {
      await user.click(screen.getByRole('button', { name: 'Show earlier changes' }));
      await waitFor(() =>
        expect(ids(before)).toEqual(['recent-proposal', 'older-decision', 'oldest-change']),
      );
    });
    await waitFor(() => expect(document.getElementById('oldest-change')).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Show earlier changes' })).not.toBeInTheDocument();
  });
});
