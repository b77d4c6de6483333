import { Button, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { auditObjectTypes, type AuditObjectType } from '../../../../shared/contract/audit';
import { objectTypeLabels } from './audit-labels';

export interface AuditFilterValues {
  objectType: AuditObjectType | '';
  objectId: string;
  actorId: string;
  /** yyyy-mm-dd (local days). */
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterValues = { objectType: '', objectId: '', actorId: '', from: '', to: '' };

export interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  /** People to filter by (admins see everyone); without it there is no person filter. */
  people?: readonly { id: string; name: string }[];
}

const typeOptions = [{ value: '', label: 'All object types' }, ...auditObjectTypes.map((type) => ({ value: type, label: objectTypeLabels[type] }))];

export function AuditFilters({ value, onChange, people }: AuditFiltersProps) {
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some(Boolean);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: people ? 6 : 5 }} spacing="sm" role="search" aria-label="Filter the audit log">
      <NativeSelect label="Object type" data={typeOptions} value={value.objectType} onChange={(event) => set({ objectType: event.currentTarget.value as AuditObjectType | '' })} />
      <TextInput label="Object id" placeholder="e.g. seg_…" value={value.objectId} onChange={(event) => set({ objectId: event.currentTarget.value.trim() })} />
      {people && (
        <NativeSelect
          label="Person"
          data={[{ value: '', label: 'Everyone' }, ...people.map((person) => ({ value: person.id, label: person.name }))]}
          value={value.actorId}
          onChange={(event) => set({ actorId: event.currentTarget.value })}
        />
      )}
      <TextInput type="date" label="From" value={value.from} onChange={(event) => set({ from: event.currentTarget.value })} />
      <TextInput type="date" label="To" value={value.to} onChange={(event) => set({ to: event.currentTarget.value })} />
      <Button variant="default" mt={{ base: 0, lg: 24 }} onClick={() => onChange(emptyAuditFilters)} disabled={!active}>
        Clear filters
      </Button>
    </SimpleGrid>
  );
}
