import { supplyMaterialsFields } from '@yizhan/shared';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { DeclaredActionButton } from '../actions/DeclaredActionButton';
import type { YizhanDataProvider } from '../dataProvider/dataProvider';

/** Materials an applicant still owes (容缺): promised and not yet in, or past the promise. */
const OWED = ['OUTSTANDING', 'OVERDUE'];

/** 补齐材料: marks owed materials supplied (or waived, by an officer); the dialog starts with every material still owed. */
export function SupplyMaterialsButton() {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const owed = ((record?.materials ?? []) as { name: string; status: string }[]).filter((material) => OWED.includes(material.status));
  if (!record || owed.length === 0) return null;
  const send = (input: Record<string, unknown>) => dataProvider.command(resource, 'supplyApprovalMaterials', { ...input, id: record.id, expectedVersion: record.version });
  return (
    <DeclaredActionButton
      id="supply-materials"
      label={translate('yizhan.approvals.supply')}
      fields={supplyMaterialsFields}
      initial={{ materials: owed.map((material) => ({ name: material.name, waived: false })) }}
      send={send}
    />
  );
}
