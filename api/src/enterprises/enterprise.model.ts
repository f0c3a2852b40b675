import type { CreditStatus, EnterpriseStatus, EnterpriseTag, EntityType } from '@yizhan/shared';
import type { PersonValue } from '../common/values';
import type { RecordMeta } from '../store/entity-store';

/** A 经营主体 as stored. */
export interface EnterpriseRecord extends RecordMeta {
  readonly creditCode: string;
  readonly name: string;
  readonly legalRepresentative: string;
  /** Derived from the credit code's first two characters. */
  readonly entityType: EntityType;
  readonly industry: string;
  readonly stationId: string;
  readonly address: string;
  readonly establishedOn: string;
  /** 万元. */
  readonly registeredCapital: number;
  readonly employees: number;
  readonly tags: readonly EnterpriseTag[];
  readonly creditStatus: CreditStatus;
  readonly status: EnterpriseStatus;
  readonly registeredViaStation: boolean;
  readonly steward: PersonValue | null;
  readonly contact: PersonValue | null;
}

export const ENTERPRISE = 'Enterprise';

/** Records that keep an enterprise from being deleted; their stores count them per enterprise. */
export const ENTERPRISE_DEPENDENT_TYPES = ['ServiceRequest', 'Project', 'Approval'] as const;

/** Counter dimension under which a dependent type counts the records of one enterprise. */
export function perEnterpriseDimension(enterpriseId: string): string {
  return `enterprise=${enterpriseId}`;
}
