import { useId, useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Button } from '@fluentui/react-components';
import type { Api } from '../../api';
import { Section } from '../../shared/section';
import { ProblemBar } from '../../shared/status';
import { MeetingForm } from './meeting-form';
import { meetingLifeTabStrings } from './strings';

/** An id for one recording: a retried request records the meeting once. */
function newFormId(): string {
  return `tab-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * "Registrera genomförd träff", for the chair group: a meeting already held is recorded (no
 * check-in card) and its minutes open at once (`onRecorded`).
 */
export function RecordPastMeeting(props: { api: Api; networkId: string; onRecorded: (meetingId: string) => void }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const t = meetingLifeTabStrings(s.lang);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [formId] = useState(newFormId);
  const [error, setError] = useState<unknown>(null);
  return (
    <Section id="record-past-meeting" title={t.past.title} intro={t.past.intro} data-record-past>
      {!open && (
        <div>
          <Button onClick={() => setOpen(true)}>{t.past.open}</Button>
        </div>
      )}
      {open && (
        <MeetingForm
          t={t}
          labelledBy={headingId || 'record-past-meeting'}
          initial={{ date: '', start: '', end: '', place: '', mode: 'onsite', teamsLink: '' }}
          submit={t.past.submit}
          submitting={t.past.submitting}
          onSubmit={async (values) => {
            setError(null);
            const answer = await api.createMeeting(networkId, { formId, past: true, ...values });
            props.onRecorded(answer.meeting.id);
          }}
          onError={setError}
          extra={<Button onClick={() => setOpen(false)}>{t.close}</Button>}
        />
      )}
      {error !== null && <ProblemBar error={error} />}
    </Section>
  );
}
