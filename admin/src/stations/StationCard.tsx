import { stationEntity } from '@yizhan/shared';
import { Labeled, ReferenceField, SimpleShowLayout } from 'react-admin';
import { DeclaredField } from '../declared/DeclaredField';

/** The station a record refers to, with what people need to reach it. */
export function StationCard({ source }: { source: string }) {
  return (
    <ReferenceField source={source} reference={stationEntity.plural} link="show">
      <SimpleShowLayout>
        {['code', 'name', 'park', 'address', 'phone', 'openingHours', 'status'].map((name) => (
          <Labeled key={name} resource={stationEntity.plural}>
            <DeclaredField entity={stationEntity} source={name} />
          </Labeled>
        ))}
      </SimpleShowLayout>
    </ReferenceField>
  );
}
