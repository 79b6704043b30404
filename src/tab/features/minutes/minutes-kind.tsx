import { useState, type ReactNode } from 'react';
import { Body1, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { MINUTES_KINDS, type MinutesKind } from '../../../domain/minutes-model';
import type { NetworkResponse } from '../../../http/api-contract';
import type { Api } from '../../api';
import { Section } from '../../shared/section';
import { Notice, ProblemBar } from '../../shared/status';
import { useStrings } from '../../shared/strings-context';

const useStyles = makeStyles({
  label: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  p: { margin: '0' },
});

/**
 * "Protokoll eller minnesanteckningar": the network's choice of record. The chair group and
 * admins (`capabilities.setMinutesKind`) choose, saved at once; everyone else reads it. A draft
 * not yet sent follows the choice (the server's doing).
 */
export function MinutesKindSection(props: { api: Api; network: NetworkResponse }): ReactNode {
  const s = useStrings();
  const k = s.minutesKind;
  const styles = useStyles();
  const { api, network } = props;
  const [kind, setKind] = useState<MinutesKind>(network.minutesKind);
  const [saving, setSaving] = useState(false);
  const [changed, setChanged] = useState<MinutesKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canChoose = network.capabilities.setMinutesKind;

  const choose = async (next: MinutesKind): Promise<void> => {
    const before = kind;
    setKind(next);
    setSaving(true);
    setChanged(null);
    setError(null);
    try {
      const answered = await api.setMinutesKind(network.id, next);
      setKind(answered.minutesKind);
      setChanged(answered.minutesKind);
    } catch (e) {
      setKind(before);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section id="minutes-kind" title={k.title} intro={k.intro} data-minutes-kind-section>
      {canChoose ? (
        <Field label={k.choice}>
          <RadioGroup value={kind} disabled={saving} onChange={(_e, d) => void choose(d.value === 'minnesanteckningar' ? 'minnesanteckningar' : 'protokoll')}>
            {MINUTES_KINDS.map((x) => (
              <Radio
                key={x}
                value={x}
                data-kind={x}
                label={
                  <span className={styles.label}>
                    <span>{k.name[x]}</span>
                    <Caption1>{k.explain[x]}</Caption1>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      ) : (
        <>
          <Body1 as="p" className={styles.p} data-network-kind={kind}>
            {k.current(k.name[kind])} {k.explain[kind]}
          </Body1>
          <Notice intent="info">{k.readOnly}</Notice>
        </>
      )}
      <div role="status" aria-live="polite">
        {saving && <Body1>{k.saving}</Body1>}
        {changed && (
          <MessageBar intent="success" data-kind-changed={changed}>
            <MessageBarBody>{k.changed(k.name[changed])}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error !== null && <ProblemBar error={error} />}
    </Section>
  );
}
