import { CardFactory, MessageFactory, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { AdaptiveCard } from '../cards';
import type { CardRef } from '../domain/meeting';
import type { PostingAddress } from '../domain/network';
import type { SendQueue } from './send-queue';

/** Proactive sends into Teams conversations, through the rate-limited send queue. */
export class TeamsMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly queue: SendQueue,
  ) {}

  /** Posts a card as a new post in a channel (or a new message in a chat). */
  post(address: PostingAddress, tenantId: string, conversationId: string, card: AdaptiveCard): Promise<CardRef> {
    return this.queue.enqueue(conversationId, async () => {
      let activityId: string | undefined;
      const ref = reference(address, tenantId, conversationId);
      await this.adapter.continueConversationAsync(this.botAppId, ref, async (ctx) => {
        // sendToConversation, not sendActivity: a proactive sendActivity carries a made-up
        // replyToId, which would make the card a reply instead of a new post.
        const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
        const message = { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), from: ref.bot, conversation: ref.conversation };
        const res = await client.conversations.sendToConversation(conversationId, message);
        activityId = res.id;
      });
      if (!activityId) throw new Error('Teams returned no activity id for the post');
      return { conversationId, activityId };
    });
  }

  /** A card in the personal chat between the bot and one person (created when there is none). */
  sendPersonal(address: PostingAddress, tenantId: string, teamsUserId: string, card: AdaptiveCard): Promise<void> {
    return this.queue.enqueue(`personal/${teamsUserId}`, async () => {
      const ref = reference(address, tenantId, '');
      await this.adapter.continueConversationAsync(this.botAppId, ref, async (ctx) => {
        const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
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
    });
  }

  /** Replaces a posted card in place for everyone. */
  update(address: PostingAddress, tenantId: string, ref: CardRef, card: AdaptiveCard): Promise<void> {
    return this.queue.enqueue(ref.conversationId, async () => {
      await this.adapter.continueConversationAsync(this.botAppId, reference(address, tenantId, ref.conversationId), async (ctx) => {
        await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: ref.activityId });
      });
    });
  }
}

function reference(address: PostingAddress, tenantId: string, conversationId: string): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: address.serviceUrl,
    bot: { id: address.botId, name: address.botName },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
  };
}
