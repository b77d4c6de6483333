import type { z } from 'zod';
import type { calendarEntrySchema, calendarQuerySchema } from '../../../shared/contract/change-requests';
import type { Store } from '../../store/types';
import { resolveEnvironment } from '../environments/environments-service';

type Entry = z.infer<typeof calendarEntrySchema>;

/** What is planned, by time: scheduled publishes of open change requests, and experiments' starts and ends. */
export async function calendar(store: Store, query: z.output<typeof calendarQuerySchema>): Promise<Entry[]> {
  const environmentId = query.environment ? (await resolveEnvironment(store, query.environment)).id : undefined;
  // Times may be written with any offset or precision: compare them as instants, in one form.
  const instant = (at: string) => new Date(at).toISOString();
  const from = query.from && instant(query.from);
  const to = query.to && instant(query.to);
  const inRange = (at: string | null): at is string => at !== null && (!from || instant(at) >= from) && (!to || instant(at) <= to);
  const entries: Entry[] = [];
  for (const request of await store.changeRequests.list({ environmentId, status: 'open' })) {
    if (inRange(request.publishAt)) entries.push({ kind: 'publish', at: instant(request.publishAt), title: request.title, objectId: request.id, environmentId: request.environmentId });
  }
  for (const experiment of await store.experiments.list(['scheduled', 'running', 'paused'], environmentId)) {
    if (experiment.status === 'scheduled' && inRange(experiment.startAt)) {
      entries.push({ kind: 'experimentStart', at: instant(experiment.startAt), title: experiment.name, objectId: experiment.id, environmentId: experiment.environmentId });
    }
    if (inRange(experiment.endAt)) entries.push({ kind: 'experimentEnd', at: instant(experiment.endAt), title: experiment.name, objectId: experiment.id, environmentId: experiment.environmentId });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
