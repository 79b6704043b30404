import type { ErrorCode } from '../domain/errors';
import type { Locale, Meeting } from '../domain/meeting';
import { card, text, userText, type AdaptiveCard } from './elements';
import { meetingTitle, meetingWhen } from './format';
import { strings } from './strings';

export function helpCard(locale: Locale): AdaptiveCard {
  const s = strings(locale);
  return card([
    text(s.help.title, { size: 'Medium', weight: 'Bolder' }),
    text(s.help.intro, { spacing: 'Small' }),
    ...s.help.commands.map(([cmd, what]) => text(`**${cmd}**: ${what}`, { spacing: 'Small' })),
  ]);
}

export function errorCard(code: ErrorCode, locale: Locale): AdaptiveCard {
  const s = strings(locale);
  return card([
    text(s.errorTitle, { weight: 'Bolder', color: 'Attention' }),
    text(s.errors[code], { spacing: 'Small' }),
  ]);
}

export function meetingCreatedCard(meeting: Meeting, locale: Locale): AdaptiveCard {
  const s = strings(locale);
  return card([
    userText([s.created(meetingTitle(meeting))], { bold: true, color: 'Good' }),
    text(meetingWhen(meeting, locale), { spacing: 'Small' }),
    text(s.createdHint, { isSubtle: true, spacing: 'Small' }),
  ]);
}

/** A one-line notice, for text that may include what people typed. */
export function noticeCard(message: string): AdaptiveCard {
  return card([userText([message])]);
}
