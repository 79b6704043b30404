import { decodeCardAction, formInputsMissing } from '../../src/bot/actions';
import { parseCommand } from '../../src/bot/commands';
import { DomainError } from '../../src/domain/errors';

const execute = (data: unknown, verb = 'x'): unknown => ({ action: { type: 'Action.Execute', verb, data } });

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('card actions', () => {
  test('decodes each action into the typed union', () => {
    expect(decodeCardAction(execute({ action: 'checkin', meetingId: 'm-1', status: 'online' }))).toEqual({ action: 'checkin', meetingId: 'm-1', status: 'online' });
    expect(decodeCardAction(execute({ meetingId: 'm-1' }, 'undo'))).toEqual({ action: 'undo', meetingId: 'm-1' });
    expect(decodeCardAction(execute({ action: 'createMeeting', formId: 'f', date: '2030-01-01' }))).toEqual({ action: 'createMeeting', formId: 'f', date: '2030-01-01' });
    expect(decodeCardAction(execute({ meetingId: 'm-1', version: '3' }, 'approveMinutes'))).toEqual({ action: 'approveMinutes', meetingId: 'm-1', version: '3' });
    expect(decodeCardAction(execute({ action: 'requestMinutesChange', meetingId: 'm-1', version: '3', comment: 'Stavfel' }))).toEqual({
      action: 'requestMinutesChange',
      meetingId: 'm-1',
      version: '3',
      comment: 'Stavfel',
    });
    // A shared card's refresh, as Teams sends it on its own (trigger "automatic").
    expect(decodeCardAction({ ...(execute({ action: 'refreshCard', meetingId: 'm-1', card: 'agendaCard' }, 'refreshCard') as object), trigger: 'automatic' })).toEqual({
      action: 'refreshCard',
      meetingId: 'm-1',
      card: 'agendaCard',
    });
  });

  test.each([
    ['no value', undefined, 'bad_request'],
    ['no action', {}, 'bad_request'],
    ['Action.Submit', { action: { type: 'Action.Submit', data: {} } }, 'bad_request'],
    ['unknown action', execute({ action: 'launchRockets' }), 'unknown_action'],
    ['verb parsing is not a thing', execute({}, 'checkin_onsite'), 'unknown_action'],
    ['wrong status', execute({ action: 'checkin', meetingId: 'm', status: 'maybe' }), 'bad_request'],
    ['a refresh of a card that has none', execute({ action: 'refreshCard', meetingId: 'm', card: 'minutesCard' }), 'bad_request'],
    ['a refresh without the card', execute({ action: 'refreshCard', meetingId: 'm' }), 'bad_request'],
    ['number for id', execute({ action: 'checkin', meetingId: 42, status: 'onsite' }), 'bad_request'],
    ['approval without a version', execute({ action: 'approveMinutes', meetingId: 'm' }), 'bad_request'],
    ['approval of version 0', execute({ action: 'approveMinutes', meetingId: 'm', version: '0' }), 'bad_request'],
    ['approval of a version that is no number', execute({ action: 'approveMinutes', meetingId: 'm', version: '1; drop' }), 'bad_request'],
    ['a change request with a comment past its limit', execute({ action: 'requestMinutesChange', meetingId: 'm', version: '2', comment: 'x'.repeat(2001) }), 'field_too_long'],
    ['id with odd characters', execute({ action: 'undo', meetingId: '../../etc' }), 'bad_request'],
    ['oversized place', execute({ action: 'createMeeting', formId: 'f', place: 'x'.repeat(5000) }), 'field_too_long'],
    ['oversized id', execute({ action: 'undo', meetingId: 'x'.repeat(100) }), 'bad_request'],
  ])('%s → %s', (_name, value, code) => {
    expect(codeOf(() => decodeCardAction(value))).toBe(code);
  });

  test('a form whose inputs all went missing is told apart from an empty form', () => {
    expect(formInputsMissing({ action: 'createMeeting', formId: 'f' })).toBe(true);
    expect(formInputsMissing({ action: 'createMeeting', formId: 'f', place: '' })).toBe(false);
  });
});

describe('commands', () => {
  test.each([
    ['<at>Justera</at> ny träff', 'newMeeting'],
    ['  NY  TRÄFF ', 'newMeeting'],
    ['hjälp', 'help'],
    ['help', 'help'],
    ['', 'help'],
    ['kommun Skövde', 'municipality'],
    ['vad gör du?', 'unknown'],
  ])('%j → %s', (text, kind) => {
    expect(parseCommand(text).kind).toBe(kind);
  });

  test('keeps the municipality as typed', () => {
    expect(parseCommand('<at>Justera</at> kommun Götene')).toEqual({ kind: 'municipality', name: 'Götene' });
  });
});
