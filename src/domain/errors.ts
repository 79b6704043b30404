/** Stable error codes; each is mapped to a Swedish/English message in one place (cards/strings). */
export type ErrorCode =
  | 'bad_request'
  | 'unknown_action'
  | 'inputs_missing'
  | 'meeting_not_found'
  | 'network_not_found'
  | 'attendance_closed'
  | 'not_meeting_creator'
  | 'field_too_long'
  | 'not_in_channel'
  | 'not_a_member'
  /** A card action names a meeting (or proposal) of another network than the conversation it came from. */
  | 'other_network'
  | 'forbidden'
  | 'conflict'
  | 'already_justerad'
  /** Minutes are sent for justering only once the meeting has started. */
  | 'meeting_not_started'
  /** The meeting was cancelled: no check-in, proposals or edits any more. */
  | 'meeting_cancelled'
  /** Erasing a person's data while they are still in the network's team (the roster would store them again). */
  | 'person_in_team'
  /** An imported protocol is saved only with its date or an approximate period ("hösten 2023") that names a year. */
  | 'import_date_missing'
  /** A document to import that is not justera-protokoll/1, or an original file that is not the one read. */
  | 'import_invalid'
  /** An imported protocol (importerat) is not edited in Justera nor sent for justering. */
  | 'imported_protocol'
  | 'precondition_required'
  | 'unauthenticated'
  /** An activity from a tenant that is not in ALLOWED_TENANTS. */
  | 'tenant_not_allowed'
  | 'not_found'
  | 'invalid_json'
  | 'method_not_allowed'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'internal';

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
