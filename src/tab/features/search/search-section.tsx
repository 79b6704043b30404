import { Fragment, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Input, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { SEARCH_FIELDS, type SearchField } from '../../../domain/search/query';
import { NetworkSelect } from '../../shared/network-select';
import type { SearchResponse } from '../../../http/api-contract';
import { channelTabPath } from '../../../domain/tab-links';
import type { Api } from '../../api';
import { Section } from '../../shared/section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useStrings } from '../../shared/strings-context';
import type { SearchFilters } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  query: { flexGrow: 1, minWidth: '16em' },
  results: { listStyleType: 'none', padding: '0', margin: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hit: { margin: '0' },
  passage: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold },
});

type Hit = SearchResponse['results'][number]['hits'][number];

/** A passage with its hits marked (`<mark>`), from the answer's offsets. */
function Passage(props: { hit: Hit; className: string }): ReactNode {
  const { text, highlights } = props.hit;
  const parts: ReactNode[] = [];
  let at = 0;
  highlights.forEach(([start, end], i) => {
    if (start < at) return;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>, <mark key={`m${i}`} className={props.className}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/** "Sök i protokoll": the query, its filters, and the protocols found with their passages, each opening the protocol at its item. */
export function SearchSection(props: { api: Api; networks: readonly { id: string; name: string }[] }): ReactNode {
  const s = useStrings();
  const t = s.search;
  const styles = useStyles();
  const formId = useId();
  const [q, setQ] = useState('');
  const [network, setNetwork] = useState('');
  const [year, setYear] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [person, setPerson] = useState('');
  const [openActions, setOpenActions] = useState(false);
  const [field, setField] = useState<SearchField>('all');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'ok'; data: SearchResponse } | { kind: 'error'; error: unknown }>({ kind: 'idle' });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (q.trim() === '') return;
    const filters: SearchFilters = {
      q,
      ...(network ? { network } : {}),
      ...(/^\d{4}$/.test(year) ? { year } : {}),
      ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      ...(person.trim() ? { person: person.trim() } : {}),
      ...(openActions ? { openActions: 'true' } : {}),
      ...(field !== 'all' ? { field } : {}),
    };
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ok', data: await props.api.search(filters) });
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };

  return (
    <Section id="search" title={t.title} intro={t.intro} data-search>
      <form id={formId} className={styles.form} role="search" onSubmit={(e) => void submit(e)}>
        <Field label={t.query} hint={t.queryHint} className={styles.query}>
          <Input value={q} onChange={(_e, d) => setQ(d.value)} data-search-query />
        </Field>
        {props.networks.length > 1 && <NetworkSelect label={t.network} networks={[{ id: '', name: t.anyNetwork }, ...props.networks]} value={network} onChange={setNetwork} />}
        <Field label={t.year}>
          <Input value={year} inputMode="numeric" maxLength={4} size="small" onChange={(_e, d) => setYear(d.value)} data-search-year />
        </Field>
        <Field label={t.organisation}>
          <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
        </Field>
        <Field label={t.person}>
          <Input value={person} onChange={(_e, d) => setPerson(d.value)} />
        </Field>
        <Field label={t.field}>
          <Select value={field} onChange={(_e, d) => setField(SEARCH_FIELDS.find((f) => f === d.value) ?? 'all')}>
            {SEARCH_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t.fields[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox label={t.openActions} checked={openActions} onChange={(_e, d) => setOpenActions(d.checked === true)} />
        <Button appearance="primary" type="submit" data-search-submit>
          {t.submit}
        </Button>
      </form>
      {state.kind === 'loading' && <Loading label={t.searching} />}
      {state.kind === 'error' && <ProblemBar error={state.error} />}
      {state.kind === 'ok' && (
        <>
          {Object.entries(state.data.variants).map(([word, found]) => (
            <Notice key={word} intent="info">
              {t.variants(word, found.join(', '))}
            </Notice>
          ))}
          {state.data.results.length === 0 && <Notice intent="info">{t.none}</Notice>}
          <ol className={styles.results} aria-label={t.title}>
            {state.data.results.map((r) => (
              <li key={r.meetingId} className={styles.result} data-search-result={r.meetingId}>
                <Body1 as="h3" className={styles.hit}>
                  <strong>{r.title}</strong>
                </Body1>
                <Caption1>
                  {r.networkName}
                  {r.imported ? ` · ${t.imported}` : ''}
                  {r.openActions > 0 ? ` · ${t.openActionsCount(r.openActions)}` : ''}
                </Caption1>
                {r.hits.map((h, i) => (
                  <div key={i} className={styles.passage} data-search-hit={h.itemId ?? ''}>
                    <Caption1>{t.item(h.itemNumber, h.itemTitle)}</Caption1>
                    <Body1 as="p" className={styles.hit} data-search-passage>
                      <Passage hit={h} className={styles.mark} />
                    </Body1>
                    <Link href={`${channelTabPath({ meetingId: r.meetingId, view: 'minutes' }, r.networkId)}${h.itemId ? `#item-${encodeURIComponent(h.itemId)}` : ''}`}>{t.openAt}</Link>
                  </div>
                ))}
              </li>
            ))}
          </ol>
          {state.data.more > 0 && <Caption1>{t.more(state.data.more)}</Caption1>}
        </>
      )}
    </Section>
  );
}
