import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';

/** A choice among my networks, by name. */
export function NetworkSelect(props: { label: string; networks: readonly { id: string; name: string }[]; value: string; onChange: (id: string) => void }): ReactNode {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_e, data) => props.onChange(data.value)}>
        {props.networks.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
