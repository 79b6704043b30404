import type restify from 'restify';
import { AgendaInvalid } from '../app/agendas';
import { ProposalInvalid } from '../app/proposals';
import { MeetingInvalid } from '../app/meetings';
import { agendaStrings } from '../cards/agenda-strings';
import { proposalStrings } from '../cards/proposal-cards';
import { localeFrom, strings } from '../cards';
import { DomainError, isDomainError, type ErrorCode } from '../domain/errors';
import type { Locale } from '../domain/meeting';
import type { AppLogger } from '../log';
import type { Problem } from './api-contract';
import { minutesProblemBody } from './minutes-api';

/** The HTTP status of each error code the API answers with; anything else is a 500. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  unauthenticated: 401,
  tenant_not_allowed: 403,
  not_a_member: 403,
  forbidden: 403,
  conflict: 412,
  already_justerad: 409,
  meeting_not_started: 409,
  meeting_cancelled: 409,
  person_in_team: 409,
  import_date_missing: 400,
  import_invalid: 400,
  imported_protocol: 409,
  other_network: 403,
  precondition_required: 428,
  network_not_found: 404,
  meeting_not_found: 404,
  not_found: 404,
  bad_request: 400,
  invalid_json: 400,
  field_too_long: 400,
  method_not_allowed: 405,
  body_too_large: 413,
  unsupported_media_type: 415,
};

/** A request whose path, query or body does not have the route's shape: each problem at its field. */
export class InputInvalid extends DomainError {
  constructor(readonly fields: readonly { field: string; message: string }[]) {
    super('bad_request', `input invalid: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** zod's issues as fields (`items.1.title`, or `params.version` with a prefix); '' for the body itself. */
export function issueFields(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): { field: string; message: string }[] {
  return issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
}

/**
 * The error code of what restify refused before any route ran (restify-errors carry a
 * statusCode): malformed JSON, a body over the limit, no such route, a method the route does
 * not have. Anything else unknown is internal.
 */
function codeOf(err: unknown): ErrorCode {
  if (isDomainError(err)) return err.code;
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== 'number') return 'internal';
  if (status === 400) return (err as Error).name === 'InvalidContentError' ? 'invalid_json' : 'bad_request';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  return status >= 400 && status < 500 ? 'bad_request' : 'internal';
}

/** The problem+json body of an error, in the reader's language. */
export function problemOf(err: unknown, locale: Locale): Problem {
  const code = codeOf(err);
  const status = STATUS[code] ?? 500;
  const s = strings(locale);
  const body: Problem = { type: `urn:justera:problem:${code}`, title: s.errorTitle, status, detail: s.errors[code], code };
  if (err instanceof InputInvalid) {
    // A body that is no JSON object at all has no field to name.
    body.errors = err.fields.map((f) => ({ code: 'invalid_field', field: f.field, detail: f.field ? s.fieldInvalid(f.field) : s.errors.bad_request }));
    body.detail = body.errors[0]?.detail ?? body.detail;
  }
  if (err instanceof ProposalInvalid) {
    const p = proposalStrings(locale);
    body.detail = p.problems[err.problems[0] ?? 'title_required'];
    body.errors = err.problems.map((code) => ({ code, detail: p.problems[code] }));
  }
  if (err instanceof AgendaInvalid) {
    const a = agendaStrings(locale);
    body.detail = a.errors[err.problems[0]?.code ?? 'frame_broken'];
    body.errors = err.problems.map((p) => ({ code: p.code, ...(p.itemId ? { itemId: p.itemId } : {}), detail: a.errors[p.code] }));
  }
  if (err instanceof MeetingInvalid) {
    body.errors = Object.entries(err.errors).map(([field, code]) => ({ code, field, detail: s.fieldErrors[code] }));
    body.detail = body.errors[0]?.detail ?? body.detail;
  }
  Object.assign(body, minutesProblemBody(err, locale));
  return body;
}

/** The one place where errors become application/problem+json answers, for every route and for restify's own refusals. */
export function sendProblem(req: restify.Request, res: restify.Response, err: unknown, log: AppLogger): void {
  const body = problemOf(err, localeFrom(req.header('accept-language')));
  if (body.status >= 500) log.error({ err, url: req.url }, 'request failed');
  if (res.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  if (body.status === 401) headers['www-authenticate'] = 'Bearer';
  const allow = res.getHeader('allow');
  if (body.status === 405 && allow !== undefined) headers.allow = String(allow);
  res.sendRaw(body.status, JSON.stringify(body), headers);
}
