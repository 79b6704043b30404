import { CardFactory, MessageFactory, type CloudAdapter, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { AdaptiveCard } from '../cards';
import type { CardRef } from '../domain/meeting';
import type { PostingAddress } from '../domain/network';

/**
 * Proactive sends into Teams conversations: one call each, no queue and no retry. Only the
 * outbox's transport (delivery.ts) calls it; it paces and retries.
 */
export class TeamsMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Posts a card as a new post in a channel (or a new message in a chat). */
  async post(address: PostingAddress, tenantId: string, conversationId: string, card: AdaptiveCard): Promise<CardRef> {
    let activityId: string | undefined;
    const ref = reference(address, tenantId, conversationId);
    await this.inTurn(ref, async (ctx) => {
      // sendToConversation, not sendActivity: a proactive sendActivity carries a made-up
      // replyToId, which would make the card a reply instead of a new post.
      const client = connectorOf(ctx);
      const message = { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), from: ref.bot, conversation: ref.conversation };
      const res = await client.conversations.sendToConversation(conversationId, message);
      activityId = res.id;
    });
    if (!activityId) throw new Error('Teams returned no activity id for the post');
    return { conversationId, activityId };
  }

  /** A card in the personal chat between the bot and one person (created when there is none). */
  async sendPersonal(address: PostingAddress, tenantId: string, teamsUserId: string, card: AdaptiveCard): Promise<void> {
    const ref = reference(address, tenantId, '');
    await this.inTurn(ref, async (ctx) => {
      const client = connectorOf(ctx);
      // The typings require an initial activity; on the wire it is optional, and the card
      // is sent next so that the send goes through the same path as every other.
      const params = { isGroup: false, bot: ref.bot, members: [{ id: teamsUserId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } };
      const chat = await client.conversations.createConversation(params as ConversationParameters);
      await client.conversations.sendToConversation(chat.id, {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        from: ref.bot,
        conversation: { id: chat.id, isGroup: false, conversationType: 'personal', tenantId, name: '' },
      });
    });
  }

  /** Replaces a posted card in place for everyone. */
  async update(address: PostingAddress, tenantId: string, ref: CardRef, card: AdaptiveCard): Promise<void> {
    await this.inTurn(reference(address, tenantId, ref.conversationId), async (ctx) => {
      connectorOf(ctx);
      await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: ref.activityId });
    });
  }

  /**
   * Runs `work` in a proactive turn and rejects when it failed. The adapter hands a failing
   * turn to onTurnError and resolves, which would make a refused send look delivered.
   */
  private async inTurn(ref: ConversationReference, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: { err: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, ref, async (ctx) => {
      try {
        await work(ctx);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw failure.err;
  }
}

/** Clients whose own retries are off. */
const withoutRetries = new WeakSet<object>();

/**
 * The turn's Bot Connector client, with the HTTP pipeline's retry policies removed: they would
 * sleep out any Retry-After inside the call (86,400 s is a day) and retry 5xx unseen. The
 * outbox retries instead, with the wait capped, and records every attempt.
 */
function connectorOf(ctx: TurnContext): ConnectorClient {
  const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
  if (!withoutRetries.has(client)) {
    const inner = (client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } }).client;
    inner?.pipeline?.removePolicy({ phase: 'Retry' });
    withoutRetries.add(client);
  }
  return client;
}

function reference(address: PostingAddress, tenantId: string, conversationId: string): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: address.serviceUrl,
    bot: { id: address.botId, name: address.botName },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
  };
}
