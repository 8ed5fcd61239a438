// The timeline for subscribers: iCalendar files (all changes, and per tag) and an Atom feed of
// the changes' stages, each with an ETag on the dataset version like the article feeds.

import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync } from 'fastify';
import { CALENDAR_TYPE, renderCalendar, timelineChanges } from '../calendar.ts';
import { FEED_TYPES, renderTimelineFeed } from '../feeds.ts';
import { notFound } from './errors.ts';
import type { Guard } from './guard.ts';
import { sendVersioned } from './versioned-answer.ts';

export interface CalendarOptions {
  store: Store;
  publicUrl: string;
  guard: Guard;
}

export const calendarPlugin: FastifyPluginAsync<CalendarOptions> = async (
  app,
  { store, publicUrl, guard },
) => {
  app.get(`${SERVER_PATHS.calendar}.ics`, { preHandler: guard }, (request, reply) =>
    sendVersioned(store, request, reply, {
      key: 'calendar',
      type: CALENDAR_TYPE,
      render: () => renderCalendar(store, publicUrl, {}),
    }),
  );
  app.get<{ Params: { file: string } }>(
    `${SERVER_PATHS.calendar}/tags/:file`,
    { preHandler: guard },
    (request, reply) => {
      const slug = /^([a-z0-9-]{1,120})\.ics$/.exec(request.params.file)?.[1];
      if (!slug) return notFound(reply);
      return sendVersioned(store, request, reply, {
        key: `calendar-${slug}`,
        type: CALENDAR_TYPE,
        render: () => renderCalendar(store, publicUrl, { tag: slug }),
        missing: `No tag "${slug}".`,
      });
    },
  );
  app.get(`${SERVER_PATHS.feeds}/timeline/atom.xml`, { preHandler: guard }, (request, reply) =>
    sendVersioned(store, request, reply, {
      key: 'timeline-atom',
      type: FEED_TYPES.atom,
      render: async () => renderTimelineFeed(store, publicUrl, await timelineChanges(store)),
    }),
  );
};
