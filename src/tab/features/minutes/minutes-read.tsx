import { useEffect, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, makeStyles, Subtitle1, Subtitle2, Text, tokens, type BadgeProps } from '@fluentui/react-components';
import type { ApiMinutesContent, ApiMinutesStatus, ApiMinutesVersion, ApiPersonRef } from '../../../http/api-contract';
import { instantText, joinNames, shortDate, type TabStrings } from '../../strings';
import { DocumentLink } from '../../shared/document-link';
import { ownersText } from '../../../domain/action-owners';
import { protocolModelStrings } from './protocol-strings';
import { MarkupView } from '../../shared/markup-view';
import { useSharedStyles } from '../../shared/styles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60em' },
  h2: { margin: '0' },
  h3: { margin: '0' },
  p: { margin: '0', whiteSpace: 'pre-wrap' },
  list: { margin: '0', paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  items: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hash: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', margin: '0' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STATE_COLOUR: Readonly<Record<ApiMinutesVersion['state'], BadgeProps['color']>> = {
  pending: 'warning',
  changes_requested: 'danger',
  superseded: 'informative',
  approved: 'success',
  imported: 'subtle',
};

/** Where justering stands, in a line: "väntar på justering av Anna sedan 5 februari 2030 kl. 14:03". */
export function statusText(status: ApiMinutesStatus, versions: readonly Pick<ApiMinutesVersion, 'number' | 'approvals'>[], s: TabStrings): string {
  const t = s.minutes.status;
  switch (status.kind) {
    case 'draft':
      return t.draft;
    case 'pending':
      return t.pending(joinNames(status.waitingFor.map((w) => w.name), s), instantText(status.since, s));
    case 'changes_requested':
      return status.requests.map((r) => t.changesRequested(r.name, r.comment)).join(' · ');
    case 'approved': {
      const version = versions.find((v) => v.number === status.version);
      return t.approved(joinNames(version?.approvals.map((a) => a.name) ?? [], s), instantText(status.approvedAt, s));
    }
    case 'edited_after_send':
      return t.editedAfterSend(status.version);
    case 'edited_after_approval':
      return t.editedAfterApproval(status.approvedVersion);
    case 'imported':
      return t.imported;
  }
}

function person(p: ApiPersonRef | undefined): string {
  return p?.name ?? '–';
}

/** The minutes as they read: for members who do not edit, and for my unsaved edits beside a newer version. */
export function MinutesRead(props: { content: ApiMinutesContent; headingLevel?: 2 | 3; idPrefix: string }): ReactNode {
  const s = useStrings();
  const { content, idPrefix } = props;
  const m = s.minutes;
  const p = protocolModelStrings(s.lang);
  const styles = useStyles();
  const shared = useSharedStyles();
  const h = props.headingLevel === 3 ? 'h3' : 'h2';
  const sub = props.headingLevel === 3 ? 'h4' : 'h3';
  // Opened from a search hit (`#item-<id>`): the item is brought into view once it is shown.
  useEffect(() => {
    if (!location.hash.startsWith('#item-')) return;
    const id = decodeURIComponent(location.hash.slice('#item-'.length));
    document.querySelector(`[data-item-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'start' });
  }, [content]);
  return (
    <div className={styles.section} data-minutes-read={idPrefix}>
      <Body1 as="p" className={styles.p}>
        {content.chair ? `${p.chair}: ${content.chair.name} · ` : ''}
        {m.roles.secretary}: {person(content.secretary)}
        {content.kind === 'protokoll' ? ` · ${m.roles.justerare(1)}: ${content.justerare.map((j) => j.name).join(', ') || '–'}` : ''}
      </Body1>
      <Subtitle1 as={h} id={`${idPrefix}-attendance`} className={styles.h2}>
        {m.attendance.title}
      </Subtitle1>
      {content.attendees.length === 0 ? (
        <Body1 as="p">{m.attendance.empty}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={`${idPrefix}-attendance`}>
          {content.attendees.map((a) => (
            <li key={a.id}>
              {[
                `${a.name}${a.role ? `, ${a.role}` : ''}${a.organisation ? `, ${a.organisation}` : ''}${a.guest ? ` (${m.attendance.guest})` : ''}`,
                p.status[a.status],
                a.substituteFor ? m.attendance.substitute(a.substituteFor) : '',
                a.arrivedAt ? m.attendance.arrived(a.arrivedAt) : '',
                a.leftAt ? p.left(a.leftAt) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <Subtitle1 as={h} id={`${idPrefix}-items`} className={styles.h2}>
        {m.items.title}
      </Subtitle1>
      <ol className={styles.items} aria-labelledby={`${idPrefix}-items`}>
        {content.items.map((item, n) => (
          <li key={item.id} className={shared.card} data-read-item={item.title} data-item-id={item.id}>
            <div className={styles.head}>
              <Subtitle2 as={sub} className={styles.h3}>
                {content.numbering === 'numbered' ? `${n + 1}. ` : ''}
                {item.title}
              </Subtitle2>
              {item.tabled && (
                <Badge appearance="tint" color="warning">
                  {m.items.tabled}
                </Badge>
              )}
            </div>
            {item.presenters.length > 0 && (
              <Body1 as="p" className={styles.p}>
                {p.presenters}: {item.presenters.map((x) => x.name).join(', ')}
              </Body1>
            )}
            {item.questions.map((q, k) => (
              <Body1 as="p" key={`q${k}`} className={styles.p}>
                <Text weight="semibold">{q}</Text>
              </Body1>
            ))}
            {item.responses.length > 0 && (
              <ul className={styles.list}>
                {item.responses.map((r, k) => (
                  <li key={k}>
                    {r.speaker ? <Text weight="semibold">{r.speaker}: </Text> : null}
                    {r.text}
                  </li>
                ))}
              </ul>
            )}
            <MarkupView source={item.notes} className={styles.p} heading={sub === 'h3' ? 'h4' : 'h5'} />
            {item.decisions.length > 0 && (
              <>
                <Text weight="semibold">{m.items.decisions}</Text>
                <ul className={styles.list}>
                  {item.decisions.map((d, k) => (
                    <li key={k}>{d}</li>
                  ))}
                </ul>
              </>
            )}
            {item.actions.length > 0 && (
              <>
                <Text weight="semibold">{m.items.actions}</Text>
                <ul className={styles.list}>
                  {item.actions.map((a) => (
                    <li key={a.id}>
                      {a.text} – {ownersText(a.owners)}
                      {a.due ? `, ${m.items.dueText(shortDate(a.due, s))}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
      <Subtitle1 as={h} className={styles.h2}>
        {m.next.title}
      </Subtitle1>
      {content.nextMeetings.length === 0 && !content.nextMeetingNote && <Body1 as="p">{m.next.none}</Body1>}
      {content.nextMeetings.length > 0 && (
        <ul className={styles.list}>
          {content.nextMeetings.map((x, i) => (
            <li key={i}>
              {[shortDate(x.date, s), x.start && `${x.start}${x.end ? `–${x.end}` : ''}`, x.place].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {content.nextMeetingNote && (
        <Body1 as="p" className={styles.p}>
          {content.nextMeetingNote}
        </Body1>
      )}
    </div>
  );
}

/** Every version sent for justering, newest first: hash, state, approvals, change requests and documents. */
export function VersionsList(props: {
  versions: readonly ApiMinutesVersion[];
  onRetryArchive?: (version: number) => void;
  /** Fetches a document the service serves (the local folder archive's), to open it. */
  openDocument?: (version: number, kind: ApiMinutesVersion['documents'][number]['kind']) => Promise<Blob>;
  /** The export of a justerat or imported version (its JSON), beside its documents. */
  exportVersion?: (version: number) => ReactNode;
}): ReactNode {
  const s = useStrings();
  const { openDocument } = props;
  const v = s.minutes.versions;
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <section className={styles.section} aria-labelledby="minutes-versions" data-minutes-versions>
      <Subtitle1 as="h2" id="minutes-versions" className={styles.h2}>
        {v.title}
      </Subtitle1>
      {props.versions.length === 0 && <Body1 as="p">{v.none}</Body1>}
      <ol className={styles.items} aria-labelledby="minutes-versions" reversed>
        {[...props.versions].reverse().map((version) => (
          <li key={version.number} className={shared.card} data-version={version.number} data-version-state={version.state}>
            <div className={styles.head}>
              <Subtitle2 as="h3" className={styles.h3}>
                {v.version(version.number)}
              </Subtitle2>
              <Badge appearance="tint" color={STATE_COLOUR[version.state]}>
                {v.state[version.state]}
              </Badge>
            </div>
            <Caption1>{v.sent(version.sentBy, instantText(version.sentAt, s))}</Caption1>
            <Caption1 as="p" className={styles.hash}>
              <span className={styles.muted}>{v.hash}: </span>
              <code>{version.hash}</code>
            </Caption1>
            {(version.approvals.length > 0 || version.changeRequests.length > 0) && (
              <ul className={styles.list}>
                {version.approvals.map((a) => (
                  <li key={`a ${a.memberId}`}>{v.approvedBy(a.name, instantText(a.at, s))}</li>
                ))}
                {version.changeRequests.map((c) => (
                  <li key={`c ${c.memberId} ${c.at}`}>{v.changeRequest(c.name, c.comment)}</li>
                ))}
              </ul>
            )}
            {version.state === 'approved' && version.archive === 'pending' && <Caption1>{v.archivePending}</Caption1>}
            {version.state === 'approved' && version.archive === 'failed' && (
              <div className={styles.head} data-archive-failed>
                <Caption1>
                  {v.archiveFailed}
                  {version.archiveError && <span className={styles.muted}> ({version.archiveError})</span>}
                </Caption1>
                {props.onRetryArchive && (
                  <Button size="small" onClick={() => props.onRetryArchive?.(version.number)}>
                    {v.archiveRetry}
                  </Button>
                )}
              </div>
            )}
            {(version.state === 'approved' || version.state === 'imported') && props.exportVersion?.(version.number)}
            {version.documents.length > 0 && (
              <div>
                <Text weight="semibold">{v.documents}</Text>
                <ul className={styles.list}>
                  {version.documents.map((d) => (
                    <li key={d.itemId} data-document={d.kind}>
                      <DocumentLink doc={d} {...(openDocument ? { open: () => openDocument(version.number, d.kind) } : {})} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
