import { useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Body1, Button, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Layout } from '../../shared/layout';
import { Notice } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';
import type { DevIdentity } from '../../shared/session';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' },
});

/** Local mode outside Teams: who am I? (sent as X-Justera-Dev-User, remembered for the browser tab). */
export function DevPicker(props: { identities: readonly DevIdentity[]; onChoose: (identity: DevIdentity) => void }): ReactNode {
  const s = useStrings();
  const { identities } = props;
  const shared = useSharedStyles();
  const styles = useStyles();
  const [chosen, setChosen] = useState<string>('');
  const identity = identities.find((i) => i.id === chosen);
  return (
    <Layout title={s.dev.title}>
      <Body1 as="p" className={shared.intro}>
        {s.dev.intro}
      </Body1>
      {identities.length === 0 ? (
        <Notice intent="info">{s.dev.none}</Notice>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (identity) props.onChoose(identity);
          }}
        >
          <Field label={s.dev.person}>
            <RadioGroup value={chosen} onChange={(_e, data) => setChosen(data.value)}>
              {identities.map((i) => (
                <Radio key={i.id} value={i.id} label={`${i.name} – ${i.municipality}, ${i.networkName}`} />
              ))}
            </RadioGroup>
          </Field>
          <Button type="submit" appearance="primary" disabled={!identity}>
            {s.dev.continue}
          </Button>
        </form>
      )}
    </Layout>
  );
}
