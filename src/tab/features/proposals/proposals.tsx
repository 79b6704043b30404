import { useState, type FormEvent, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, Field, makeStyles, Subtitle1, Subtitle2, Textarea, tokens, type BadgeProps } from '@fluentui/react-components';
import type { ApiProposal } from '../../../http/api-contract';
import { PROPOSAL_LIMITS } from '../../../domain/proposal';
import type { Api } from '../../api';
import { useLoad } from '../../shared/use-load';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';

const COLOUR: Readonly<Record<ApiProposal['status'], BadgeProps['color']>> = { pending: 'warning', accepted: 'success', declined: 'subtle' };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  h2: { margin: '0' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  h3: { margin: '0' },
  p: { margin: '0', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  decline: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '36em' },
});

/** The members' proposed items: listed for everyone; accepted or declined (with a reason) by editors. */
export function ProposalsSection(props: { api: Api; meetingId: string; canDecide: boolean; onAccepted: (proposalId: string, publish: boolean) => void }): ReactNode {
  const s = useStrings();
  const { api, meetingId } = props;
  const p = s.agenda.proposals;
  const styles = useStyles();
  const [loaded, retry] = useLoad(() => api.proposals(meetingId), `proposals ${meetingId}`);
  return (
    <section className={styles.section} aria-labelledby="agenda-proposals" data-proposals>
      <Subtitle1 as="h2" id="agenda-proposals" className={styles.h2}>
        {p.title}
      </Subtitle1>
      {loaded.state === 'loading' && <Loading label={p.loading} />}
      {loaded.state === 'error' && <ProblemBar error={loaded.error} onRetry={retry} />}
      {loaded.state === 'ok' &&
        (loaded.data.proposals.length === 0 ? (
          <Notice intent="info">{p.empty}</Notice>
        ) : (
          <ul className={styles.list}>
            {loaded.data.proposals.map((proposal) => (
              <ProposalRow key={proposal.id} {...props} proposal={proposal} onDecided={retry} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function ProposalRow(props: {
  api: Api;
  meetingId: string;
  canDecide: boolean;
  proposal: ApiProposal;
  onAccepted: (proposalId: string, publish: boolean) => void;
  onDecided: () => void;
}): ReactNode {
  const s = useStrings();
  const { api, meetingId, proposal } = props;
  const p = s.agenda.proposals;
  const styles = useStyles();
  const shared = useSharedStyles();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Into the draft; with `publish`, the page then shows the schedule to publish (the card changes only then). */
  const accept = async (publish: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.acceptProposal(meetingId, proposal.id);
      props.onAccepted(proposal.id, publish);
      props.onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const decline = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.declineProposal(meetingId, proposal.id, reason.trim());
      setDeclining(false);
      props.onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item} data-proposal={proposal.title}>
      <div className={styles.head}>
        <Subtitle2 as="h3" className={styles.h3}>
          {proposal.title}
        </Subtitle2>
        <Badge appearance="tint" color={COLOUR[proposal.status]} data-proposal-status={proposal.status}>
          {p.status[proposal.status]}
        </Badge>
      </div>
      <Caption1>{p.by(proposal.proposedBy.name)}</Caption1>
      {proposal.description && (
        <Body1 as="p" className={styles.p}>
          {proposal.description}
        </Body1>
      )}
      {proposal.reason && (
        <Body1 as="p" className={styles.p}>
          {p.reasonLabel(proposal.reason)}
        </Body1>
      )}
      {error !== null && <ProblemBar error={error} />}
      {props.canDecide && proposal.status === 'pending' && !declining && (
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={busy} onClick={() => void accept(false)}>
            {p.accept}
            <span className={shared.visuallyHidden}>: {proposal.title}</span>
          </Button>
          <Button size="small" disabled={busy} onClick={() => void accept(true)}>
            {p.acceptAndPublish}
            <span className={shared.visuallyHidden}>: {proposal.title}</span>
          </Button>
          <Button size="small" disabled={busy} onClick={() => setDeclining(true)}>
            {p.decline}
            <span className={shared.visuallyHidden}>: {proposal.title}</span>
          </Button>
        </div>
      )}
      {props.canDecide && proposal.status === 'pending' && declining && (
        <form className={styles.decline} onSubmit={(e) => void decline(e)} noValidate>
          <Field label={p.reason} required validationMessage={tried && !reason.trim() ? p.reasonRequired : undefined}>
            <Textarea value={reason} maxLength={PROPOSAL_LIMITS.reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" size="small" disabled={busy}>
              {p.confirmDecline}
            </Button>
            <Button type="button" size="small" onClick={() => setDeclining(false)}>
              {s.agenda.cancel}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
