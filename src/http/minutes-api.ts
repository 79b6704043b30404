import { MinutesInvalid, type MinutesUseCases, type MinutesView } from '../app/minutes';
import type { JusteringOutcome } from '../app/justering';
import { minutesProblemText } from '../cards/justering-cards';
import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/meeting';
import { currentContent, type MinutesVersion } from '../domain/minutes';
import type { ApiMinutesVersion, MinutesAnswerResponse, MinutesResponse, MyActionsResponse, NetworkActionsResponse, PastMeetingsResponse, Problem } from './api-contract';
import type { Serve } from './routing';

/** The tab's minutes routes: read, autosave under If-Match, send for justering, answer as justerare, action items. */
export function registerMinutesApi(serve: Serve, { drafting, justering, actions, past }: MinutesUseCases): void {
  serve('minutes', async (caller, { params: { meetingId } }) => minutesView(await drafting.read(caller, meetingId)));

  serve('saveMinutes', async (caller, { params: { meetingId }, body, ifMatch }) =>
    minutesView(await drafting.save(caller, meetingId, body.content, ifMatch)),
  );

  serve('sendMinutes', async (caller, { params: { meetingId }, ifMatch }) => minutesView(await drafting.send(caller, meetingId, ifMatch)));

  serve('minutesVersion', async (caller, { params: { meetingId, version } }) => {
    const found = await justering.versionFor(caller.tenantId, caller.userId, meetingId, version);
    return versionView(found.version);
  });

  serve('approveMinutes', async (caller, { params: { meetingId, version } }) =>
    answerView(await justering.approve(caller, meetingId, version)),
  );

  serve('requestMinutesChange', async (caller, { params: { meetingId, version }, body: { comment } }) =>
    answerView(await justering.requestChange(caller, meetingId, version, comment)),
  );

  serve('retryArchive', async (caller, { params: { meetingId, version } }) => versionView(await past.retryArchive(caller, meetingId, version)));

  serve('networkActions', async (caller, { params: { networkId } }) => {
    return { actions: await actions.networkActions(caller, networkId) } satisfies NetworkActionsResponse;
  });

  serve('myActions', async (caller) => ({ actions: await actions.myActions(caller) }) satisfies MyActionsResponse);

  serve('pastMeetings', async (caller, { params: { networkId }, query: { before } }) => {
    const { meetings, next } = await past.pastMeetings(caller, networkId, before);
    return {
      ...(next !== undefined ? { next } : {}),
      meetings: meetings.map((p) => ({
        id: p.meeting.id,
        date: p.meeting.date,
        start: p.meeting.start,
        end: p.meeting.end,
        place: p.meeting.place,
        started: p.started,
        status: p.status,
        versions: p.versions.map((v) => ({ number: v.number, state: v.state, approvals: v.approvals, hash: v.hash })),
        documents: p.approved?.archive?.documents ?? [],
        ...(p.approved?.imported
          ? {
              imported: {
                title: p.approved.imported.title,
                file: p.approved.imported.file,
                sha256: p.approved.imported.sha256,
                ...(p.approved.imported.approximateDate !== undefined ? { approximateDate: p.approved.imported.approximateDate } : {}),
              },
            }
          : {}),
      })),
    } satisfies PastMeetingsResponse;
  });

  serve('markAction', async (caller, { params: { networkId, actionId }, body: { done } }) => {
    await actions.markAction(caller, networkId, actionId, done);
    return { ok: true as const };
  });
}

export function versionView(v: MinutesVersion): ApiMinutesVersion {
  return {
    number: v.number,
    hash: v.hash,
    state: v.state,
    sentAt: v.sentAt,
    sentBy: v.sentBy.name,
    approvals: v.approvals,
    changeRequests: v.changeRequests,
    ...(v.approvedAt ? { approvedAt: v.approvedAt } : {}),
    documents: v.archive?.documents ?? [],
    archive: v.archive?.state ?? null,
    ...(v.archive?.state === 'failed' && v.archive.lastError ? { archiveError: v.archive.lastError } : {}),
    content: currentContent(v.content),
  };
}

function minutesView(v: MinutesView): MinutesResponse {
  return {
    meetingId: v.meeting.id,
    networkId: v.meeting.networkId,
    content: currentContent(v.minutes.content),
    etag: v.etag,
    status: v.status,
    canEdit: v.capabilities.editMinutes,
    capabilities: v.capabilities,
    versions: v.versions.map(versionView),
  };
}

function answerView(o: JusteringOutcome): MinutesAnswerResponse {
  if (o.kind === 'refused') {
    if (o.reason === 'not_justerare') throw new DomainError('forbidden');
    if (o.reason === 'already_approved') throw new DomainError('already_justerad');
    throw new DomainError('conflict', o.reason);
  }
  return { outcome: o.kind, version: versionView(o.version) };
}

/** The body of a 400 for invalid minutes: each problem at its field, in the reader's language. */
export function minutesProblemBody(err: unknown, locale: Locale): Pick<Problem, 'detail' | 'errors'> | undefined {
  if (!(err instanceof MinutesInvalid)) return undefined;
  const errors = err.problems.map((p) => ({ code: p.code, field: p.field, detail: minutesProblemText(p, locale) }));
  return { detail: errors[0]?.detail ?? '', errors };
}
