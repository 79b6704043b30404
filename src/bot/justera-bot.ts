import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type InvokeResponse,
  type TeamsChannelAccount,
} from 'botbuilder';
import type { AttendanceService } from '../app/attendance';
import { callerOf, PERSONAL_CHAT, type Access, type Caller } from '../app/policy';
import type { MeetingService } from '../app/meetings';
import type { JusteringService } from '../app/justering';
import type { NetworkService } from '../app/networks';
import { ProposalInvalid, type ProposalService } from '../app/proposals';
import { SingleFlight } from '../app/single-flight';
import { proposalFormCard, proposalSentCard } from '../cards/proposal-cards';
import type { IdSource, Logger } from '../app/ports';
import { helpCard, meetingCreatedCard, meetingFormCard, noticeCard, localeFrom, strings, type AdaptiveCard } from '../cards';
import { meetingTitle } from '../cards/format';
import { intakeName } from '../domain/text';
import { DomainError, isDomainError, type ErrorCode } from '../domain/errors';
import type { Locale, Meeting } from '../domain/meeting';
import type { Channel, Network, PostingAddress, RosterEntry } from '../domain/network';
import { decodeCardAction, formInputsMissing, formValues, type CardAction } from './actions';
import { meetingEditCard, pastMeetingRecordedCard } from '../cards/meeting-life';
import { meetingLifeStrings } from '../cards/meeting-life-strings';
import { meetingTabUrl } from './meeting-places';
import type { TabLinkSettings } from '../domain/tab-links';
import { parseCommand } from './commands';
import { cardResponse, errorResponse, messageResponse } from './invoke-responses';
import { channelOf, personOf, teamContext, tenantOf, type TeamContext } from './teams-context';
import type { TeamsJusteringChannel } from './justering-channel';
import type { CardDelivery } from '../app/delivery';
import type { CheckinNotice } from '../cards/checkin-card';
import type { TeamsCheckinChannel } from './checkin-channel';
import type { PersonalCards } from './personal-cards';

export interface BotDeps {
  networks: NetworkService;
  proposals: ProposalService;
  meetings: MeetingService;
  attendance: AttendanceService;
  /** The justerare's answers. */
  minutes: JusteringService;
  /** The access policy: a card action's ids must belong to the conversation it came from. */
  access: Access;
  /** The justerare's cards in Teams. */
  justering: TeamsJusteringChannel;
  /** Each shared card as one person sees it (the answer to a card's refresh); the check-in card's also answers clicks on it. */
  personal: PersonalCards & { checkinCard: Pick<TeamsCheckinChannel, 'personalCard'> };
  /** Every card sent to Teams goes through the outbox. */
  delivery: Pick<CardDelivery, 'send'>;
  ids: IdSource;
  log: Logger;
  /** Where links into the tab point: a meeting recorded afterwards links to its minutes there. */
  tabLinks: TabLinkSettings;
}

/** Errors that leave the check-in card in place, with the message on it. */
const CARD_NOTICES: ReadonlySet<ErrorCode> = new Set(['attendance_closed', 'not_meeting_creator']);

/**
 * Whether a refused click leaves the check-in card in place with the reason: a closed attendance,
 * closing without being the creator or in the chair group, and moving or cancelling the meeting
 * without being in the chair group (buttons of the shared card that everyone sees).
 */
function refusedOnCheckinCard(action: CardAction, code: ErrorCode): boolean {
  if (CARD_NOTICES.has(code)) return true;
  return code === 'forbidden' && (action.action === 'editMeeting' || action.action === 'cancelMeeting');
}

/** The botbuilder edge: decodes what Teams sends and hands it to the use cases. */
export class JusteraBot extends TeamsActivityHandler {
  /** One full roster read per team at a time: a burst of clicks on a day-old roster reads it once. */
  private readonly rosterReads = new SingleFlight();

  constructor(private readonly deps: BotDeps) {
    super();
  }

  protected override async onMessageActivity(ctx: TurnContext): Promise<void> {
    const locale = localeFrom(ctx.activity.locale);
    const s = strings(locale);
    const command = parseCommand(TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '');
    this.deps.log.info({ kind: command.kind }, 'command');
    switch (command.kind) {
      case 'help':
        await this.reply(ctx, helpCard(locale));
        return;
      case 'unknown':
        await ctx.sendActivity(MessageFactory.text(s.unknownCommand));
        return;
      case 'newMeeting': {
        if (!(await this.networkOf(ctx))) return;
        await this.reply(ctx, meetingFormCard({ formId: this.deps.ids.newId() }, locale));
        return;
      }
      case 'municipality': {
        const team = await this.networkOf(ctx);
        if (!team) return;
        const result = await this.deps.networks.correctMunicipality(team.tenantId, team.teamId, personOf(ctx.activity).id, command.name);
        await this.reply(ctx, noticeCard(result.ok ? s.municipalitySet(result.municipality) : s.municipalityUnknown(result.known.join(', '))));
        return;
      }
    }
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(ctx);
    const locale = localeFrom(ctx.activity.locale);
    let action: CardAction | undefined;
    try {
      action = decodeCardAction(ctx.activity.value);
      this.deps.log.info({ action: action.action }, 'card action');
      return await this.dispatch(ctx, action, locale);
    } catch (err) {
      if (!isDomainError(err)) {
        this.deps.log.error({ err, action: action?.action }, 'card action failed');
        return errorResponse('internal', locale);
      }
      this.deps.log.warn({ code: err.code, action: action?.action }, 'card action refused');
      if (action && err.code === 'meeting_cancelled' && (action.action === 'checkin' || action.action === 'undo')) {
        // A click on a cancelled meeting's card not yet updated: the clicker gets the check-in card as it is now, saying why.
        const meeting = await this.deps.meetings.require(tenantOf(ctx.activity), action.meetingId);
        const fromAgenda = meeting.agendaCard && ctx.activity.replyToId === meeting.agendaCard.activityId;
        if (!fromAgenda) return cardResponse(await this.checkinAnswer(ctx, meeting, locale, err.code));
      }
      if (action && 'meetingId' in action && refusedOnCheckinCard(action, err.code)) {
        // The clicker keeps the check-in card, as they see it (without the buttons they may not press), with the reason.
        return cardResponse(await this.checkinAnswer(ctx, await this.deps.meetings.require(tenantOf(ctx.activity), action.meetingId), locale, err.code));
      }
      return errorResponse(err.code, locale);
    }
  }

  private async dispatch(ctx: TurnContext, action: CardAction, locale: Locale): Promise<InvokeResponse> {
    const tenantId = tenantOf(ctx.activity);
    const person = personOf(ctx.activity);
    const team = teamContext(ctx.activity);
    // A card's refresh only reads: it neither registers the team nor reads its roster again.
    if (action.action === 'refreshCard') return this.refreshCard(callerOf(tenantId, person, team?.teamId ?? PERSONAL_CHAT), action, locale);
    if (team) await this.knownTeam(ctx, team);
    else if (action.action !== 'createMeeting') await this.knownChat(ctx, tenantId, action.meetingId);
    // Every id a card carries must belong to the conversation it came from: each use case asks
    // the policy with where the action came from (a team's channel, or a personal chat), which
    // refuses another network's meeting, or one of a network the person is not in now.
    const actingIn = team?.teamId ?? PERSONAL_CHAT;
    const caller = callerOf(tenantId, person, actingIn);
    switch (action.action) {
      case 'checkin':
      case 'undo': {
        const status = action.action === 'undo' ? 'undo' : action.status;
        const view = await this.deps.attendance.record({ tenantId, meetingId: action.meetingId, person, status, actingIn });
        // From the agenda card, the agenda stays in place; the clicker is told it was recorded.
        if (view.meeting.agendaCard && ctx.activity.replyToId === view.meeting.agendaCard.activityId) {
          return messageResponse(strings(locale).recorded(view.mine ?? 'none', meetingTitle(view.meeting, view.sameDate, locale)));
        }
        return cardResponse(await this.deps.personal.checkinCard.personalCard(view.meeting, view.read.actor, locale, undefined, view.read));
      }
      case 'close':
      case 'reopen': {
        const view = await this.deps.meetings.setAttendanceClosed(tenantId, action.meetingId, person, action.action === 'close', actingIn);
        return cardResponse(await this.checkinAnswer(ctx, view.meeting, locale));
      }
      case 'createMeeting':
        return cardResponse(await this.createMeeting(ctx, action, locale));
      case 'editMeeting': {
        if (formInputsMissing(action)) throw new DomainError('inputs_missing');
        const values = formValues(action);
        const result = await this.deps.meetings.edit(caller, action.meetingId, values);
        // The clicker keeps the check-in card (now moved), whichever of this answer and the
        // shared card's update reaches Teams last.
        if (result.ok) return cardResponse(await this.checkinAnswer(ctx, result.meeting, locale, { done: meetingLifeStrings(locale).changeSaved }));
        return cardResponse(meetingEditCard(await this.deps.meetings.require(tenantId, action.meetingId), values, result.errors, locale));
      }
      case 'cancelMeeting': {
        const cancelled = await this.deps.meetings.cancel(caller, action.meetingId);
        return cardResponse(await this.checkinAnswer(ctx, cancelled, locale, { done: meetingLifeStrings(locale).cancelSaved }));
      }
      case 'approveMinutes':
      case 'requestMinutesChange': {
        const number = Number(action.version);
        const outcome =
          action.action === 'approveMinutes'
            ? await this.deps.minutes.approve(caller, action.meetingId, number)
            : await this.deps.minutes.requestChange(caller, action.meetingId, number, action.comment ?? '');
        return cardResponse(this.deps.justering.answerCard(outcome, locale));
      }
      case 'proposeItem': {
        const meeting = await this.deps.proposals.meetingToPropose(caller, action.meetingId);
        return cardResponse(proposalFormCard(meeting, { proposalId: this.deps.ids.newId() }, locale));
      }
      case 'submitProposal': {
        const meeting = await this.deps.proposals.meetingToPropose(caller, action.meetingId);
        if (action.title === undefined && action.description === undefined) throw new DomainError('inputs_missing');
        const title = action.title ?? '';
        const description = action.description ?? '';
        try {
          const proposal = await this.deps.proposals.propose({
            tenantId,
            meetingId: meeting.id,
            proposalId: action.proposalId,
            title,
            description,
            by: { ...person, teamsUserId: ctx.activity.from.id },
            actingIn,
          });
          return cardResponse(proposalSentCard(proposal, locale));
        } catch (err) {
          if (!(err instanceof ProposalInvalid)) throw err;
          return cardResponse(proposalFormCard(meeting, { proposalId: action.proposalId, title, description, problems: err.problems }, locale));
        }
      }
    }
  }

  /**
   * A shared card's refresh (Universal Actions): the card as the person sees it. Read-only, so a
   * repeated refresh answers the same; someone the policy does not let read the meeting's cards
   * (another network, a former member) is refused with the reason.
   */
  private async refreshCard(caller: Caller, action: Extract<CardAction, { action: 'refreshCard' }>, locale: Locale): Promise<InvokeResponse> {
    const { meeting, actor } = await this.deps.access.meeting(caller, action.meetingId, 'readCard');
    const card = await this.deps.personal[action.card].personalCard(meeting, actor, locale);
    if (!card) throw new DomainError('meeting_not_found');
    return cardResponse(card);
  }

  /** The check-in card the clicker gets back: as they see it, with what their click did or why it was refused. */
  private async checkinAnswer(ctx: TurnContext, meeting: Meeting, locale: Locale, notice?: CheckinNotice): Promise<AdaptiveCard> {
    const caller = callerOf(tenantOf(ctx.activity), personOf(ctx.activity), teamContext(ctx.activity)?.teamId ?? PERSONAL_CHAT);
    const actor = await this.deps.access.actor(caller, meeting.networkId);
    return this.deps.personal.checkinCard.personalCard(meeting, actor, locale, notice);
  }

  private async createMeeting(
    ctx: TurnContext,
    action: Extract<CardAction, { action: 'createMeeting' }>,
    locale: Locale,
  ): Promise<AdaptiveCard> {
    const team = teamContext(ctx.activity);
    if (!team) throw new DomainError('not_in_channel');
    if (formInputsMissing(action)) throw new DomainError('inputs_missing');
    const values = formValues(action);
    const result = await this.deps.meetings.create({
      tenantId: team.tenantId,
      networkId: team.teamId,
      channelId: team.channelId,
      formId: action.formId,
      values,
      by: personOf(ctx.activity),
      locale,
      ...(action.past === 'yes' ? { past: true } : {}),
    });
    // A date gone by: the chair group is asked whether it is a meeting already held (to write its minutes).
    if (!result.ok) return meetingFormCard({ formId: action.formId, values, errors: result.errors, ...(result.confirmPast ? { confirmPast: true } : {}) }, locale);
    const done = result.meeting.recordedAfterwards
      ? pastMeetingRecordedCard(result.meeting, meetingTabUrl(this.deps.tabLinks, result.meeting, 'minutes'), locale)
      : meetingCreatedCard(result.meeting, locale);
    this.replaceFormForEveryone(ctx, team, done);
    return done;
  }

  /** The form stays in the thread for others; replace it so nobody submits it again. */
  private replaceFormForEveryone(ctx: TurnContext, team: TeamContext, card: AdaptiveCard): void {
    const formId = ctx.activity.replyToId;
    const conversationId = ctx.activity.conversation?.id;
    if (!formId || !conversationId) return;
    void this.deps.delivery
      .send({ tenantId: team.tenantId, networkId: team.teamId, meetingId: '', kind: 'replace', id: `form/${conversationId}/${formId}`, to: conversationId, activityId: formId, card })
      .catch((err: unknown) => this.deps.log.warn({ err }, 'could not replace the form card'));
  }

  protected override async onTeamsMembersAdded(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    if (!team) return;
    const added = ctx.activity.membersAdded ?? [];
    if (added.some((m) => m.id === ctx.activity.recipient?.id)) {
      const { name, members } = await this.register(ctx, team);
      await ctx.sendActivity(MessageFactory.text(strings(localeFrom(ctx.activity.locale)).welcome(name, members)));
      return;
    }
    const network = await this.deps.networks.get(team.tenantId, team.teamId);
    if (!network || network.removedAt) {
      await this.register(ctx, team);
      return;
    }
    const roster: RosterEntry[] = [];
    for (const m of added) {
      try {
        roster.push(rosterEntry(await TeamsInfo.getMember(ctx, m.id)));
      } catch (err) {
        this.deps.log.warn({ err }, 'could not read a new member from the roster');
      }
    }
    await this.deps.networks.addMembers(team.tenantId, team.teamId, roster);
  }

  /** The team a command was written in (registered if new), or undefined after telling the user it needs a channel. */
  private async networkOf(ctx: TurnContext): Promise<TeamContext | undefined> {
    const team = teamContext(ctx.activity);
    if (!team) {
      await ctx.sendActivity(MessageFactory.text(strings(localeFrom(ctx.activity.locale)).errors.not_in_channel));
      return undefined;
    }
    await this.knownTeam(ctx, team);
    return team;
  }

  /**
   * Before deciding on an action in a team: a team the bot meets for the first time (e.g.
   * installed before this version, or added back without the event reaching us) is registered;
   * otherwise its roster is brought up to date (freshRoster).
   */
  private async knownTeam(ctx: TurnContext, team: TeamContext): Promise<void> {
    const network = await this.deps.networks.get(team.tenantId, team.teamId);
    if (!network || network.removedAt) {
      await this.register(ctx, team);
      return;
    }
    await this.freshRoster(ctx, network, true);
  }

  /** Before deciding on a card from a chat (a justerare's, a proposer's): the roster of the meeting's network, if a day old. */
  private async knownChat(ctx: TurnContext, tenantId: string, meetingId: string): Promise<void> {
    const meeting = await this.deps.meetings.require(tenantId, meetingId);
    const network = await this.deps.networks.get(tenantId, meeting.networkId);
    if (network && !network.removedAt) await this.freshRoster(ctx, network, false);
  }

  /**
   * The whole roster is read again when it is older than a day (once per team at a time, however
   * many click); in a team, a person the store does not know as a member now is looked up (a
   * guest is not in the team). When Teams does not answer, the store's roster decides.
   */
  private async freshRoster(ctx: TurnContext, network: Network, lookUpPerson: boolean): Promise<void> {
    const need = await this.deps.networks.rosterNeed(network, personOf(ctx.activity).id);
    try {
      if (need === 'whole') {
        await this.rosterReads.run(`${network.tenantId}/${network.id}`, async () => this.deps.networks.rosterRead(network, await this.roster(ctx, network.id)));
      }
      if (need === 'person' && lookUpPerson) {
        const entry = await this.teamMember(ctx, network.id);
        if (entry) await this.deps.networks.addMembers(network.tenantId, network.id, [entry]);
      }
    } catch (err) {
      this.deps.log.warn({ err, need }, 'could not read the roster again');
    }
  }

  /** The acting person as the team's roster has them, or undefined when they are not in the team. */
  private async teamMember(ctx: TurnContext, teamId: string): Promise<RosterEntry | undefined> {
    try {
      return rosterEntry(await TeamsInfo.getTeamMember(ctx, teamId, ctx.activity.from.id));
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  protected override async onTeamsMembersRemoved(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    if (!team) return;
    const removed = ctx.activity.membersRemoved ?? [];
    if (removed.some((m) => m.id === ctx.activity.recipient?.id)) {
      await this.deps.networks.removed(team.tenantId, team.teamId);
      this.deps.log.info({ networkId: team.teamId }, 'bot removed from the team');
      return;
    }
    await this.deps.networks.removeMembers(
      team.tenantId,
      team.teamId,
      removed.map((m) => ({ teamsUserId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) })),
    );
  }

  protected override async onTeamsTeamDeleted(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    if (team) await this.deps.networks.removed(team.tenantId, team.teamId);
  }

  protected override async onTeamsTeamHardDeleted(ctx: TurnContext): Promise<void> {
    await this.onTeamsTeamDeleted(ctx);
  }

  protected override async onTeamsTeamRenamed(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    // teamContext falls back to the id when Teams leaves the name out: nothing to rename to then.
    if (team && team.teamName !== team.teamId) await this.deps.networks.renamed(team.tenantId, team.teamId, team.teamName);
  }

  protected override async onTeamsChannelCreated(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    const channel = channelOf(ctx.activity);
    if (team && channel) await this.deps.networks.channelChanged(team.tenantId, team.teamId, channel);
  }

  protected override async onTeamsChannelRenamed(ctx: TurnContext): Promise<void> {
    await this.onTeamsChannelCreated(ctx);
  }

  protected override async onTeamsChannelRestored(ctx: TurnContext): Promise<void> {
    await this.onTeamsChannelCreated(ctx);
  }

  protected override async onTeamsChannelDeleted(ctx: TurnContext): Promise<void> {
    const team = teamContext(ctx.activity);
    const channel = channelOf(ctx.activity);
    if (team && channel) await this.deps.networks.channelDeleted(team.tenantId, team.teamId, channel.id);
  }

  private async register(ctx: TurnContext, team: TeamContext): Promise<{ name: string; members: number }> {
    const { activity } = ctx;
    const address: PostingAddress = {
      serviceUrl: activity.serviceUrl,
      botId: activity.recipient?.id ?? '',
      botName: activity.recipient?.name ?? 'Justera',
    };
    const [channels, roster] = await Promise.all([this.channels(ctx, team), this.roster(ctx, team.teamId)]);
    const network = await this.deps.networks.register(
      { tenantId: team.tenantId, id: team.teamId, name: team.teamName, ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}), channels, address },
      roster,
    );
    this.deps.log.info({ networkId: network.id, channels: channels.length, members: roster.length }, 'network registered');
    return { name: network.name, members: roster.length };
  }

  private async channels(ctx: TurnContext, team: TeamContext): Promise<Channel[]> {
    try {
      const list = await TeamsInfo.getTeamChannels(ctx, team.teamId);
      return list.filter((c) => c.id).map((c) => ({ id: c.id ?? '', name: intakeName(c.name) || 'General' }));
    } catch (err) {
      this.deps.log.warn({ err }, 'could not list the team channels');
      return [{ id: team.channelId, name: 'General' }];
    }
  }

  /** The team's whole roster, page by page. */
  private async roster(ctx: TurnContext, teamId: string): Promise<RosterEntry[]> {
    const all: RosterEntry[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(ctx, teamId, 500, token);
      all.push(...page.members.map(rosterEntry));
      token = page.continuationToken || undefined;
    } while (token);
    return all;
  }

  private async reply(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}

function rosterEntry(m: TeamsChannelAccount): RosterEntry {
  return {
    teamsUserId: m.id,
    name: m.name || m.givenName || m.id,
    ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
    ...(m.email || m.userPrincipalName ? { email: m.email || m.userPrincipalName } : {}),
    ...(m.userRole ? { userRole: m.userRole } : {}),
  };
}
