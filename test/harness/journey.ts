import path from 'node:path';
import { shortCode } from '../../src/domain/archive-names';
import { ConnectorEmulator, type Sent } from './connector-emulator';
import { eventually, startTestService } from './service';
import { botAdded, cardAction, channelMessage, devIdentity, makeRoster, postActivity, userFrom, CHANNEL_ID, TEAM_ID, TENANT, type BotReply, type TeamsUser } from './teams';
import type { Clock } from '../../src/app/ports';
import { localDate, meetingStartsAt } from '../../src/domain/meeting';
import { ShiftedClock } from './clock';
import type { MinutesContent } from '../../src/domain/minutes';
import type { Service, ServiceOverrides } from '../../src/service';
import { SharePointArchive } from '../../src/archive/sharepoint-archive';
import { GraphEmulator, fixedTokenCredential } from './graph-emulator';

export interface CardJson {
  body: unknown[];
  [k: string]: unknown;
}

/** The Adaptive Card in a sent activity. */
export function cardOf(sent: Sent): CardJson {
  const attachments = sent.activity.attachments as { content: CardJson }[] | undefined;
  const content = attachments?.[0]?.content;
  if (!content) throw new Error(`no card in ${sent.kind} ${sent.activityId}`);
  return content;
}

/** The card in an invoke response. */
export function invokeCard(reply: BotReply): CardJson {
  const body = reply.body as { type?: string; value?: CardJson } | undefined;
  if (body?.type !== 'application/vnd.microsoft.card.adaptive' || !body.value) throw new Error(`not a card response: ${JSON.stringify(reply)}`);
  return body.value;
}

/** A team with the bot installed, a connector emulator, and the real service. */
/**
 * The content with each justerare attending (a justerare must have attended the meeting): an
 * attendee present under the justerare's name takes their member id, anyone else is added as
 * present on site.
 */
export function withJusterareAttending<T extends Pick<MinutesContent, 'attendees' | 'justerare'>>(content: T): T {
  const attendees = [...content.attendees];
  for (const j of content.justerare) {
    if (attendees.some((a) => a.id === j.memberId)) continue;
    const i = attendees.findIndex((a) => a.name === j.name && (a.status === 'onsite' || a.status === 'online'));
    if (i >= 0) attendees[i] = { ...attendees[i]!, id: j.memberId };
    else attendees.push({ id: j.memberId, name: j.name, organisation: '', status: 'onsite', guest: false });
  }
  return { ...content, attendees };
}

export class Journey {
  readonly connector = new ConnectorEmulator();
  service!: Service & { dataDir: string };
  /** Where the bot listens: the in-process service, or a service process. */
  botUrl = '';
  serviceUrl = '';
  members: TeamsUser[] = [];
  /** The tenant the team is in; another than TENANT plays a second organisation on the same service. */
  tenantId = TENANT;
  /** The service's clock: the test's own, or real time that `afterStart` moves ahead. */
  clock: Clock = new ShiftedClock();
  /** The network's time zone, as the service reads it. */
  timeZone = 'Europe/Stockholm';
  /** The team's name as Teams sends it. */
  teamName = 'IM-nätverket';

  /** Starts the connector emulator with a team of `members`, without a service. */
  async startTeam(opts: { members?: number; pageSize?: number } = {}): Promise<this> {
    this.serviceUrl = await this.connector.start();
    this.connector.roster = makeRoster(opts.members ?? 10);
    this.connector.channels = [{ id: '19:general@thread.tacv2' }, { id: CHANNEL_ID, name: 'Träffar' }];
    this.connector.pageSize = opts.pageSize ?? 0;
    this.members = this.connector.roster.map(userFrom);
    return this;
  }

  /** The team plus the real service in this process. */
  async start(opts: { members?: number; env?: Record<string, string>; pageSize?: number; clock?: Clock; overrides?: ServiceOverrides } = {}): Promise<this> {
    await this.startTeam(opts);
    // Without a test's own clock, real time that sending minutes moves past the meeting's start.
    this.clock = opts.clock ?? new ShiftedClock();
    this.timeZone = opts.env?.TIME_ZONE ?? this.timeZone;
    this.service = await startTestService(opts.env, this.clock, opts.overrides);
    this.botUrl = this.service.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.connector.stop();
  }

  get secretary(): TeamsUser {
    const m = this.members[0];
    if (!m) throw new Error('no members');
    return m;
  }

  install(): Promise<BotReply> {
    return this.post(botAdded(this.serviceUrl, this.secretary));
  }

  /** Posts an activity to the bot, from this journey's tenant. */
  post(activity: Record<string, unknown>): Promise<BotReply> {
    if (this.tenantId === TENANT && this.teamName === 'IM-nätverket') return postActivity(this.botUrl, activity);
    const conversation = activity.conversation as Record<string, unknown>;
    const channelData = activity.channelData as Record<string, Record<string, unknown>>;
    return postActivity(this.botUrl, {
      ...activity,
      conversation: { ...conversation, tenantId: this.tenantId },
      channelData: { ...channelData, tenant: { id: this.tenantId }, team: { ...channelData.team, name: this.teamName } },
    });
  }

  /** Writes "@Justera <text>" in the channel and returns what the bot answered. */
  async say(text: string, user = this.secretary, locale = 'sv-SE'): Promise<Sent> {
    const before = this.connector.sent.length;
    const reply = await this.post(channelMessage(this.serviceUrl, user, text, locale));
    if (reply.status !== 200) throw new Error(`message answered ${reply.status}`);
    return eventually(() => this.connector.sent.slice(before).find((s) => s.kind === 'reply'), 5000, `a reply to "${text}"`);
  }

  click(user: TeamsUser, cardActivityId: string, data: Record<string, unknown>, locale = 'sv-SE'): Promise<BotReply> {
    return this.post(cardAction(this.serviceUrl, user, cardActivityId, data, locale));
  }

  /** Asks for the form, submits it, and returns the check-in card's post and the meeting id. */
  async createMeeting(values: Record<string, string> = {}): Promise<{ post: Sent; meetingId: string; formReply: BotReply }> {
    const form = await this.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.activity))?.[1] ?? '';
    const formReply = await this.click(this.secretary, form.activityId, {
      action: 'createMeeting',
      formId,
      date: '2030-02-04',
      start: '13:00',
      end: '15:00',
      place: 'Rudbecksgymnasiet, Tidaholm',
      mode: 'hybrid',
      teamsLink: 'https://teams.microsoft.com/l/meetup-join/abc',
      ...values,
    });
    const post = await eventually(() => this.connector.sent.filter((s) => s.kind === 'post').at(-1), 5000, 'the check-in card post');
    const meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(post.activity))?.[1] ?? '';
    return { post, meetingId, formReply };
  }

  /** Headers that sign in to the tab API as member i, through the local dev identity. */
  devHeaders(i: number): Record<string, string> {
    const m = this.members[i];
    if (!m) throw new Error(`no member ${i}`);
    return { 'x-justera-dev-user': devIdentity(this.tenantId, m.aadObjectId), 'content-type': 'application/json' };
  }

  /** Calls the tab API (/api/v1…) as member i. */
  async api(method: string, path: string, who: number, opts: { body?: unknown; ifMatch?: string } = {}): Promise<ApiReply> {
    const res = await fetch(`${this.botUrl}/api/v1${path}`, {
      method,
      headers: { ...this.devHeaders(who), ...(opts.ifMatch ? { 'if-match': opts.ifMatch } : {}) },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    return { status: res.status, etag: res.headers.get('etag') ?? '', body: (await res.json()) as Record<string, unknown> };
  }

  /** Member `by`, an admin (medlem 0 owns the team), gives member `target` a role. */
  async assignRole(by: number, target: number, role: string): Promise<void> {
    const res = await this.api('PUT', `/networks/${encodeURIComponent(TEAM_ID)}/members/${this.members[target]?.aadObjectId ?? ''}/role`, by, { body: { role } });
    if (res.status !== 200) throw new Error(`role not assigned: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Member `who`, an editor, publishes the meeting's agenda as it stands. */
  async publishAgenda(who: number, meetingId: string): Promise<ApiReply> {
    const draft = await this.api('GET', `/meetings/${meetingId}/agenda`, who);
    return this.api('POST', `/meetings/${meetingId}/agenda/publish`, who, { ifMatch: draft.etag });
  }

  /**
   * Member `secretary` writes the meeting's minutes (themself as secretary, the given justerare,
   * who attended on site unless the attendance already has them, one item unless told) and
   * sends them for justering; fails the test unless both succeed.
   */
  async sendMinutes(meetingId: string, secretary: number, justerare: number[], items?: MinutesContent['items']): Promise<ApiReply> {
    const person = (i: number) => ({ kind: 'member' as const, memberId: this.members[i]?.aadObjectId ?? '', name: this.members[i]?.name ?? '' });
    const draft = await this.api('GET', `/meetings/${meetingId}/minutes`, secretary);
    const content: MinutesContent = withJusterareAttending({
      ...(draft.body.content as MinutesContent),
      secretary: person(secretary),
      justerare: justerare.map(person),
      items: items ?? [{ id: 'i-1', title: 'Föregående protokoll', notes: 'Genomgånget.', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []}],
    });
    const saved = await this.api('PUT', `/meetings/${meetingId}/minutes`, secretary, { body: { content }, ifMatch: draft.etag });
    if (saved.status !== 200) throw new Error(`minutes not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
    await this.afterStart(meetingId);
    const sent = await this.api('POST', `/meetings/${meetingId}/minutes/send`, secretary, { ifMatch: saved.etag });
    if (sent.status !== 200) throw new Error(`minutes not sent: ${sent.status} ${JSON.stringify(sent.body)}`);
    return sent;
  }

  /**
   * Minutes are sent only once the meeting has started: the journey's own clock (real time)
   * moves to the meeting's start; a test's own clock is the test's to set.
   */
  async afterStart(meetingId: string): Promise<void> {
    // A service in another process runs on its own (real) clock.
    if (!this.service) return;
    const meeting = await this.service.store.getMeeting(this.tenantId, meetingId);
    if (meeting && this.clock instanceof ShiftedClock) this.clock.atLeast(meetingStartsAt(meeting, this.timeZone).toISOString());
  }

  /** The folder archive's folder of the test team's protocols of a year: "Protokoll/IM-nätverket (k3f9a2)/2030". */
  archiveFolder(year: string): string {
    return path.join(this.service.dataDir, 'arkiv', 'Protokoll', `IM-nätverket (${shortCode(this.tenantId, TEAM_ID)})`, year);
  }

  /** The cards the bot sent member i in their personal chat (it creates the chat, then posts), oldest first. */
  personalCards(i: number): CardJson[] {
    const id = this.members[i]?.id ?? '';
    const chats = this.connector.sent.filter((s) => s.kind === 'create' && texts(s.activity).includes(id)).map((s) => s.conversationId);
    return this.connector.sent.filter((s) => s.kind === 'post' && chats.includes(s.conversationId)).map((s) => cardOf(s));
  }

  /** The newest version of a posted card that everyone sees. */
  sharedCard(post: Sent): CardJson {
    const updates = this.connector.updatesOf(post.activityId);
    return cardOf(updates.at(-1) ?? post);
  }
}

export interface ApiReply {
  status: number;
  etag: string;
  body: Record<string, unknown>;
}

export function texts(card: unknown): string {
  return JSON.stringify(card);
}

/**
 * Today's date in Stockholm, YYYY-MM-DD: for a service on real time (a process) whose meeting
 * must have started for its minutes to be sent, a meeting today from midnight.
 */
export function stockholmToday(): string {
  return localDate(new Date(), 'Europe/Stockholm');
}

/**
 * A journey whose service archives to SharePoint through the real Graph client, against a Graph
 * emulator on 127.0.0.1; member `secretary` given `role` by the owner (member 0).
 */
export async function sharePointJourney(opts: { members: number; secretary: number; role: string }): Promise<{ j: Journey; graph: GraphEmulator; stop(): Promise<void> }> {
  const graph = new GraphEmulator();
  await graph.start();
  const archive = new SharePointArchive({ credential: fixedTokenCredential(), baseUrl: graph.baseUrl, driveId: graph.driveId });
  const j = await new Journey().start({ members: opts.members, overrides: { archive } });
  await j.install();
  await j.assignRole(0, opts.secretary, opts.role);
  return {
    j,
    graph,
    stop: async () => {
      await j.stop();
      await graph.stop();
    },
  };
}
