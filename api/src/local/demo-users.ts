import { Role } from '@yizhan/shared';
import { DEMO_ENTERPRISE_CREDIT_CODE } from './demo-data';

/** A local-only user of the dev issuer (README.md). Passwords are never stored in clear. */
export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly stationCodes: readonly string[];
  readonly enterpriseCreditCode: string | null;
}

export const demoUsers: readonly DemoUser[] = [
  { username: 'admin', displayName: '园区管理员', roles: [Role.ADMIN], stationCodes: [], enterpriseCreditCode: null },
  { username: 'officer', displayName: '审批专员', roles: [Role.OFFICER], stationCodes: [], enterpriseCreditCode: null },
  { username: 'operator', displayName: '12345 话务员', roles: [Role.OPERATOR], stationCodes: [], enterpriseCreditCode: null },
  { username: 'viewer', displayName: '领导查询', roles: [Role.VIEWER], stationCodes: [], enterpriseCreditCode: null },
  { username: 'staff-jr', displayName: '金荣驿站工作人员', roles: [Role.STAFF], stationCodes: ['JR'], enterpriseCreditCode: null },
  { username: 'staff-zn', displayName: '中南驿站工作人员', roles: [Role.STAFF], stationCodes: ['ZN'], enterpriseCreditCode: null },
  {
    username: 'enterprise-demo',
    displayName: '湘潭中天机电有限公司',
    roles: [Role.ENTERPRISE],
    stationCodes: [],
    enterpriseCreditCode: DEMO_ENTERPRISE_CREDIT_CODE,
  },
];

export const DEFAULT_DEV_PASSWORD = 'yizhan-dev';
