import type { InvokeResponse } from 'botbuilder';
import { errorCard, type AdaptiveCard } from '../cards';
import { strings } from '../cards/strings';
import type { ErrorCode } from '../domain/errors';
import type { Locale } from '../domain/meeting';

/** The one place where error codes become invoke responses. */
const BAD_REQUEST: ReadonlySet<ErrorCode> = new Set(['bad_request', 'unknown_action', 'field_too_long']);

export function cardResponse(card: AdaptiveCard): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

/** A short message shown to the clicker; the card stays as it is. */
export function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}

export function errorResponse(code: ErrorCode, locale: Locale): InvokeResponse {
  if (BAD_REQUEST.has(code)) return problem(400, 'BadRequest', strings(locale).errors[code]);
  if (code === 'internal') return problem(500, 'InternalError', strings(locale).errors.internal);
  return cardResponse(errorCard(code, locale));
}

function problem(status: number, code: string, message: string): InvokeResponse {
  return { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } };
}
