import { type ApprovalStage, addCalendarDays, type InvestmentType, type JointCheckType, type PauseReason, WorkingDayCalendar } from '@yizhan/shared';
import { demoEnterprises } from './demo-data';

/*
 * Demo construction projects and their approvals: the article's fast tracks as records. Up to the
 * article (2023-10-31): 32 projects accepted tolerantly (容缺), 16 started upon land acquisition
 * (拿地即开工), 14 joint completion acceptances all passed first time in 5 working days on average
 * against 10 promised, 中南高科湘潭智造产业园 through three stages in 13 working days, and approvals
 * decided about 40 % faster than their statutory limits. After it, a handful of approvals still
 * open on the day the data is loaded: owed materials, an overdue review, a pause, a 拿地即开工
 * pre-review waiting for its land contract, a joint acceptance under rectification.
 * Plain data, no I/O: the seeder plays each approval through the services on a simulated clock.
 */

/** A day: a date, or this many working days before the day the demo data is loaded. */
export type DemoDay = { readonly on: string } | { readonly workingDaysAgo: number };

/** One step of an approval's story, `day` working days after it was submitted. */
export type DemoApprovalStep =
  | { readonly day: number; readonly action: 'ACCEPT'; readonly mode?: 'COMMITMENT' }
  | { readonly day: number; readonly action: 'ACCEPT_TOLERANT'; readonly owed: readonly { readonly name: string; readonly promisedIn: number }[] }
  | { readonly day: number; readonly action: 'REQUEST_CORRECTION' | 'REFUSE' | 'REJECT' | 'TERMINATE'; readonly note: string }
  | { readonly day: number; readonly action: 'RESUBMIT' | 'START_REVIEW' | 'RESUME' | 'APPROVE' | 'ISSUE' | 'WITHDRAW' }
  | { readonly day: number; readonly action: 'PAUSE'; readonly reason: PauseReason }
  | { readonly day: number; readonly action: 'SUPPLY'; readonly materials: readonly string[] }
  | { readonly day: number; readonly action: 'CHECKS'; readonly rectify: readonly JointCheckType[] };

export interface DemoApproval {
  readonly stage: ApprovalStage;
  readonly itemName: string;
  readonly department: string;
  readonly statutoryWorkingDays: number;
  readonly promisedWorkingDays: number;
  readonly submittedMaterials: readonly string[];
  readonly submitted: DemoDay;
  readonly steps: readonly DemoApprovalStep[];
}

/** What happens to a project besides its approvals. */
interface DemoProjectEvent {
  readonly day: DemoDay;
  readonly kind: 'SIGN_LAND' | 'START_APPROVAL' | 'START_CONSTRUCTION' | 'COMPLETE';
}

export interface DemoProject {
  readonly code: string;
  readonly name: string;
  readonly enterpriseName: string;
  readonly landParcelNo: string;
  readonly investmentType: InvestmentType;
  readonly startUponLandAcquisition: boolean;
  readonly agentService: boolean;
  readonly promisedTotalWorkingDays: number | null;
  readonly recorded: DemoDay;
  readonly events: readonly DemoProjectEvent[];
  readonly approvals: readonly DemoApproval[];
}

const calendar = new WorkingDayCalendar();

/** The working day `days` working days after `date` (0: `date` itself, or the next working day). */
function workday(date: string, days = 0): string {
  const start = calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1).date;
  return calendar.addWorkingDays(start, days).date;
}

/** How each stage is applied for: its item, department, limits and materials. */
const stages = {
  LAND_USE_PLANNING: {
    stage: 'LAND_USE_PLANNING',
    itemName: '建设用地规划许可证核发',
    department: '湘潭市自然资源和规划局高新分局',
    statutoryWorkingDays: 20,
    promisedWorkingDays: 15,
    submittedMaterials: ['建设用地规划许可申请表', '建设项目用地预审与选址意见书', '土地出让合同'],
    owed: '宗地图及界址点坐标',
  },
  ENGINEERING_PLANNING: {
    stage: 'ENGINEERING_PLANNING',
    itemName: '建设工程规划许可证核发',
    department: '湘潭市自然资源和规划局高新分局',
    statutoryWorkingDays: 20,
    promisedWorkingDays: 15,
    submittedMaterials: ['建设工程规划许可申请表', '建设工程设计方案总平面图', '不动产权证书'],
    owed: '建筑工程施工图（规划部分）',
  },
  CONSTRUCTION_PERMIT: {
    stage: 'CONSTRUCTION_PERMIT',
    itemName: '建筑工程施工许可证核发',
    department: '湘潭高新区住房和城乡建设局',
    statutoryWorkingDays: 15,
    promisedWorkingDays: 10,
    submittedMaterials: ['建筑工程施工许可申请表', '施工合同', '施工图设计文件审查合格书'],
    owed: '农民工工资保证金缴纳证明',
  },
  COMPLETION_ACCEPTANCE: {
    stage: 'COMPLETION_ACCEPTANCE',
    itemName: '竣工联合验收',
    department: '湘潭高新区住房和城乡建设局（联合验收专班）',
    statutoryWorkingDays: 20,
    promisedWorkingDays: 10,
    submittedMaterials: ['竣工联合验收申请表', '竣工图', '工程质量评估报告', '消防验收资料'],
    owed: '城建档案移交书',
  },
} as const satisfies Record<ApprovalStage, Omit<DemoApproval, 'submitted' | 'steps'> & { readonly owed: string }>;

type Mode = 'STANDARD' | 'TOLERANT' | 'COMMITMENT';

/** An approval of `stage` submitted on `submitted`, decided after `days` working days and issued. */
function issued(stage: ApprovalStage, submitted: DemoDay, days: number, mode: Mode = 'STANDARD'): DemoApproval {
  const { owed, ...application } = stages[stage];
  const promisedIn = Math.max(1, days - 1);
  const acceptance: DemoApprovalStep[] =
    mode === 'TOLERANT'
      ? [
          { day: 0, action: 'ACCEPT_TOLERANT', owed: [{ name: owed, promisedIn }] },
          { day: 0, action: 'START_REVIEW' },
          { day: promisedIn, action: 'SUPPLY', materials: [owed] },
        ]
      : [
          { day: 0, action: 'ACCEPT', ...(mode === 'COMMITMENT' ? { mode: 'COMMITMENT' as const } : {}) },
          { day: 0, action: 'START_REVIEW' },
        ];
  const checks: DemoApprovalStep[] = stage === 'COMPLETION_ACCEPTANCE' ? [{ day: days, action: 'CHECKS', rectify: [] }] : [];
  return {
    ...application,
    submitted,
    steps: [...acceptance, ...checks, { day: days, action: 'APPROVE' } as const, { day: days, action: 'ISSUE' } as const].sort((a, b) => a.day - b.day),
  };
}

/** The day `days` working days after an approval's submission. */
function after(approval: DemoApproval, days: number): string {
  if (!('on' in approval.submitted)) throw new Error('after() needs a dated submission');
  return workday(approval.submitted.on, days);
}

/** The working days an approval took from submission to its last step. */
function took(approval: DemoApproval): number {
  return Math.max(...approval.steps.map((step) => step.day));
}

const on = (date: string): DemoDay => ({ on: workday(date) });

let codeSequence = 0;
/** A national investment project code (投资项目统一代码) of the Xiangtan high-tech zone. */
function projectCode(year: string): string {
  codeSequence += 1;
  return `${year}-430371-38-03-${String(810_000 + codeSequence * 37).padStart(6, '0')}`;
}

interface ProjectPlan {
  readonly name: string;
  readonly enterpriseName: string;
  /** Started upon land acquisition: the permits are pre-reviewed before the land contract. */
  readonly landFirst: boolean;
  readonly agentService: boolean;
  approvals: DemoApproval[];
  /** When the project was completed, for projects with a joint acceptance. */
  readonly completes: boolean;
}

/**
 * A historical project from its approvals: recorded a week before the first, its land contract
 * signed before it (or, 拿地即开工, the day its first permit is issued, construction starting the
 * same day), built after its construction permit, completed after its joint acceptance.
 */
function project(plan: ProjectPlan, index: number): DemoProject {
  const first = plan.approvals[0]!;
  const firstOn = (first.submitted as { on: string }).on;
  const permit = plan.approvals.find((approval) => approval.stage === 'CONSTRUCTION_PERMIT');
  const acceptance = plan.approvals.find((approval) => approval.stage === 'COMPLETION_ACCEPTANCE');
  const landSigned = plan.landFirst ? after(first, took(first)) : workday(addCalendarDays(firstOn, -60));
  const events: DemoProjectEvent[] = [
    { day: on(addCalendarDays(firstOn, -7)), kind: 'START_APPROVAL' },
    { day: { on: landSigned }, kind: 'SIGN_LAND' },
  ];
  if (plan.landFirst) events.push({ day: { on: landSigned }, kind: 'START_CONSTRUCTION' });
  else if (permit) events.push({ day: { on: after(permit, took(permit)) }, kind: 'START_CONSTRUCTION' });
  if (acceptance && plan.completes) events.push({ day: { on: after(acceptance, took(acceptance)) }, kind: 'COMPLETE' });
  return {
    code: projectCode(firstOn.slice(0, 4)),
    name: plan.name,
    enterpriseName: plan.enterpriseName,
    landParcelNo: `XTGX-${firstOn.slice(0, 4)}-${String(index + 11).padStart(3, '0')}`,
    investmentType: 'SOCIAL',
    startUponLandAcquisition: plan.landFirst,
    agentService: plan.agentService,
    promisedTotalWorkingDays: plan.approvals.reduce((sum, approval) => sum + approval.promisedWorkingDays, 0),
    recorded: on(addCalendarDays(firstOn, -10)),
    events,
    approvals: plan.approvals,
  };
}


/** A permit after `days` of review, whose successor stage is applied for the next working day. */
function next(previous: DemoApproval, stage: ApprovalStage, days: number, mode: Mode = 'STANDARD'): DemoApproval {
  return issued(stage, { on: after(previous, took(previous) + 1) }, days, mode);
}

/** Manufacturers of the parks that the zone courts (not 失信, not newly registered), for the generated projects. */
const builders = demoEnterprises
  .filter((enterprise) => !enterprise.registeredViaStation && enterprise.creditStatus !== 'DISHONEST' && !['现代物流', '商贸服务'].includes(enterprise.industry))
  .filter((enterprise) => enterprise.name !== '湘潭中南高科智造产业园发展有限公司')
  .filter((enterprise) => enterprise.tags.some((tag) => tag === 'HIGH_TECH' || tag === 'ABOVE_SCALE' || tag === 'KEY_PROJECT'))
  .map((enterprise) => enterprise.name);

const projectKinds = ['智能制造产业化项目', '扩产技改项目', '新建厂房项目', '研发中心及中试基地项目', '智能化生产线建设项目', '二期工程'];

function builderProject(index: number): { name: string; enterpriseName: string } {
  const enterpriseName = builders[index % builders.length]!;
  const brand = enterpriseName.replace(/^(湖南|湘潭)/, '').replace(/(股份)?有限公司$/, '');
  return { enterpriseName, name: `${brand}${projectKinds[index % projectKinds.length]}` };
}

/** Joint acceptances: working days each took (5 on average, against 10 promised). */
const acceptanceDays = [4, 5, 6, 5, 4, 6, 5, 5, 4, 6, 5, 5, 5, 5];

/** Permits reviewed in about 60 % of their statutory time: deviations around it, cycling. */
const spread = [0, -2, 2, 1, -1, 0];
function days(stage: ApprovalStage, index: number): number {
  const { statutoryWorkingDays, promisedWorkingDays } = stages[stage];
  return Math.min(promisedWorkingDays, Math.round(statutoryWorkingDays * 0.6) + (spread[index % spread.length] ?? 0));
}

const plans: ProjectPlan[] = [];

// 中南高科湘潭智造产业园: three stages in 3 + 4 + 6 = 13 working days, land and permits together.
{
  const land = issued('LAND_USE_PLANNING', on('2022-08-01'), 3, 'TOLERANT');
  const engineering = next(land, 'ENGINEERING_PLANNING', 4);
  const permit = next(engineering, 'CONSTRUCTION_PERMIT', 6);
  plans.push({ name: '中南高科湘潭智造产业园项目', enterpriseName: '湘潭中南高科智造产业园发展有限公司', landFirst: true, agentService: true, approvals: [land, engineering, permit], completes: false });
}

// Fourteen joint acceptances, the article's first: a construction permit, then the acceptance months later.
const acceptanceProjects = [
  { name: '伊索尔新材料生产基地项目', enterpriseName: '湘潭伊索尔新材料科技有限公司', mode: 'STANDARD' as Mode },
  { name: '金荣二期奥托斯智能装备产业园项目', enterpriseName: '湖南奥托斯智能装备有限公司', mode: 'STANDARD' as Mode },
  ...Array.from({ length: 12 }, (_, index) => ({ ...builderProject(index), mode: (index % 6 === 5 ? 'COMMITMENT' : 'TOLERANT') as Mode })),
];
acceptanceProjects.forEach((plan, index) => {
  const permit = issued('CONSTRUCTION_PERMIT', on(addCalendarDays('2022-07-04', index * 21)), days('CONSTRUCTION_PERMIT', index), plan.mode);
  const acceptance = issued('COMPLETION_ACCEPTANCE', on(addCalendarDays((permit.submitted as { on: string }).on, 180 + (index % 4) * 20)), acceptanceDays[index]!);
  plans.push({ ...plan, landFirst: index % 3 === 0, agentService: index % 2 === 0, approvals: [permit, acceptance], completes: true });
});

// Tolerant approvals of the article's enterprises and of the parks' other manufacturers.
const tolerantProjects = [
  { name: '第二期综合产能扩充项目（漆包线智能化生产车间）', enterpriseName: '金杯电工电磁线有限公司', landFirst: true },
  { name: '特种电缆智能制造基地项目', enterpriseName: '湖南华菱线缆股份有限公司', landFirst: true },
  { name: '体外诊断试剂及仪器产业化项目', enterpriseName: '湖南卓润生物科技有限公司', landFirst: false },
  { name: '化学发光诊断产品产业园项目', enterpriseName: '湖南亚辉龙生物科技有限公司', landFirst: false },
  ...Array.from({ length: 17 }, (_, index) => ({ ...builderProject(index + 12), landFirst: index < 8 })),
];
tolerantProjects.forEach((plan, index) => {
  const stage = index % 2 === 0 ? 'ENGINEERING_PLANNING' : 'CONSTRUCTION_PERMIT';
  const first = issued(stage, on(addCalendarDays('2022-09-05', index * 18)), days(stage, index), 'TOLERANT');
  const approvals = first.stage === 'ENGINEERING_PLANNING' ? [first, next(first, 'CONSTRUCTION_PERMIT', days('CONSTRUCTION_PERMIT', index))] : [first];
  plans.push({ ...plan, agentService: index % 3 === 0, approvals, completes: false });
});

/** Working days from acceptance to the decision, pauses excluded; undefined while undecided. */
function demoElapsed(approval: DemoApproval): number | undefined {
  const decided = approval.steps.find((step) => step.action === 'APPROVE' || step.action === 'REJECT');
  const accepted = approval.steps.find((step) => step.action === 'ACCEPT' || step.action === 'ACCEPT_TOLERANT');
  if (!decided || !accepted) return undefined;
  let paused = 0;
  approval.steps.forEach((step, index) => {
    if (step.action !== 'PAUSE') return;
    const resumed = approval.steps.slice(index).find((later) => later.action === 'RESUME');
    paused += (resumed?.day ?? decided.day) - step.day;
  });
  return decided.day - accepted.day - paused;
}

/** The same approval decided a working day later or earlier (never before its other steps). */
function moveDecision(approval: DemoApproval, by: 1 | -1): DemoApproval | undefined {
  const last = took(approval);
  const earlier = Math.max(0, ...approval.steps.filter((step) => step.day < last).map((step) => step.day));
  if (by < 0 && last - 1 <= earlier) return undefined;
  if (by > 0 && last + 1 > approval.promisedWorkingDays) return undefined;
  const steps = approval.steps.map((step): DemoApprovalStep => (step.day === last ? ({ ...step, day: last + by } as DemoApprovalStep) : step));
  return { ...approval, steps };
}

/**
 * The decided permits of the period took 60 % of their statutory time in total (提速40%): the
 * first approval of each generated project is decided a day later or earlier, in turn, within
 * its promised limit, until they do.
 */
function settleSpeedUp(adjustable: readonly ProjectPlan[], all: readonly DemoApproval[]): void {
  const permits = all.filter((approval) => approval.stage !== 'COMPLETION_ACCEPTANCE' && demoElapsed(approval) !== undefined);
  const target = Math.round(permits.reduce((sum, approval) => sum + approval.statutoryWorkingDays, 0) * 0.6);
  let actual = permits.reduce((sum, approval) => sum + demoElapsed(approval)!, 0);
  for (let index = 0; actual !== target; index += 1) {
    if (index > 100 * adjustable.length) throw new Error('The demo permits cannot take 60 % of their statutory time within their promised limits');
    const plan = adjustable[index % adjustable.length]!;
    const moved = moveDecision(plan.approvals[0]!, actual < target ? 1 : -1);
    if (moved) {
      plan.approvals[0] = moved;
      actual += actual < target ? 1 : -1;
    }
  }
}

/** Other outcomes of the same period: refused, corrected once, paused over National Day, rejected, withdrawn. */
function outcomes(): DemoProject {
  const land = stages.LAND_USE_PLANNING;
  const base = { itemName: land.itemName, department: land.department, statutoryWorkingDays: 20, promisedWorkingDays: 15 };
  const { owed: _owed, ...application } = stages.ENGINEERING_PLANNING;
  const approvals: DemoApproval[] = [
    {
      ...base,
      stage: 'LAND_USE_PLANNING',
      submittedMaterials: ['建设用地规划许可申请表'],
      submitted: on('2022-08-15'),
      steps: [{ day: 1, action: 'REFUSE', note: '申请地块不在本次供地范围内，请向市自然资源和规划局咨询。' }],
    },
    {
      ...base,
      stage: 'LAND_USE_PLANNING',
      submittedMaterials: land.submittedMaterials,
      submitted: on('2022-08-22'),
      steps: [
        { day: 1, action: 'REQUEST_CORRECTION', note: '一次性告知：请补充建设项目用地预审与选址意见书原件及红线图。' },
        { day: 4, action: 'RESUBMIT' },
        { day: 4, action: 'ACCEPT' },
        { day: 4, action: 'START_REVIEW' },
        { day: 15, action: 'APPROVE' },
        { day: 15, action: 'ISSUE' },
      ],
    },
    {
      ...application,
      stage: 'ENGINEERING_PLANNING',
      submitted: on('2022-09-26'),
      steps: [
        { day: 0, action: 'ACCEPT' },
        { day: 0, action: 'START_REVIEW' },
        { day: 2, action: 'PAUSE', reason: 'EXPERT_REVIEW' },
        { day: 6, action: 'RESUME' },
        { day: 13, action: 'APPROVE' },
        { day: 13, action: 'ISSUE' },
      ],
    },
    {
      ...application,
      stage: 'ENGINEERING_PLANNING',
      submitted: on('2023-03-06'),
      steps: [
        { day: 0, action: 'ACCEPT' },
        { day: 0, action: 'START_REVIEW' },
        { day: 9, action: 'REJECT', note: '建筑退界不满足控制性详细规划要求。' },
      ],
    },
    { ...application, stage: 'ENGINEERING_PLANNING', submitted: on('2023-05-08'), steps: [{ day: 0, action: 'ACCEPT' }, { day: 3, action: 'WITHDRAW' }] },
  ];
  return project({ ...builderProject(29), landFirst: false, agentService: false, approvals, completes: false }, 90);
}

const ago = (workingDaysAgo: number): DemoDay => ({ workingDaysAgo });

/** Approvals still open on the day the demo data is loaded. */
function openProjects(): DemoProject[] {
  const { owed: owedDrawings, ...engineering } = stages.ENGINEERING_PLANNING;
  const { owed: _permitOwed, ...permit } = stages.CONSTRUCTION_PERMIT;
  const { owed: _landOwed, ...land } = stages.LAND_USE_PLANNING;
  const { owed: _archives, ...acceptance } = stages.COMPLETION_ACCEPTANCE;
  const review = (day: number): DemoApprovalStep[] => [
    { day, action: 'ACCEPT' },
    { day, action: 'START_REVIEW' },
  ];
  return [
    {
      code: projectCode('2026'),
      name: '中天机电智能装备扩产项目',
      enterpriseName: '湘潭中天机电有限公司',
      landParcelNo: 'XTGX-2026-004',
      investmentType: 'SOCIAL',
      startUponLandAcquisition: false,
      agentService: true,
      promisedTotalWorkingDays: 40,
      recorded: ago(45),
      events: [
        { day: { on: '2026-05-18' }, kind: 'SIGN_LAND' },
        { day: ago(44), kind: 'START_APPROVAL' },
      ],
      approvals: [
        { ...land, submitted: ago(40), steps: [...review(0), { day: 9, action: 'APPROVE' }, { day: 9, action: 'ISSUE' }] },
        {
          ...engineering,
          submitted: ago(6),
          steps: [
            { day: 0, action: 'ACCEPT_TOLERANT', owed: [{ name: owedDrawings, promisedIn: 8 }] },
            { day: 1, action: 'START_REVIEW' },
          ],
        },
        { ...permit, submitted: ago(2), steps: [{ day: 1, action: 'REQUEST_CORRECTION', note: '一次性告知：施工合同缺少发包方盖章页，请补正后重新申报。' }] },
      ],
    },
    {
      code: projectCode('2026'),
      name: '第三期综合产能扩充项目（腾笼换鸟）',
      enterpriseName: '金杯电工电磁线有限公司',
      landParcelNo: 'XTGX-2026-019',
      investmentType: 'SOCIAL',
      startUponLandAcquisition: true,
      agentService: true,
      promisedTotalWorkingDays: 35,
      recorded: ago(15),
      events: [{ day: ago(14), kind: 'START_APPROVAL' }],
      approvals: [
        { ...land, submitted: ago(10), steps: [...review(0), { day: 4, action: 'APPROVE' }] },
        { ...engineering, submitted: ago(3), steps: [] },
      ],
    },
    {
      code: projectCode('2026'),
      name: `${builderProject(30).name}（在审）`,
      enterpriseName: builderProject(30).enterpriseName,
      landParcelNo: 'XTGX-2026-027',
      investmentType: 'SOCIAL',
      startUponLandAcquisition: false,
      agentService: false,
      promisedTotalWorkingDays: 40,
      recorded: ago(30),
      events: [
        { day: { on: '2026-03-16' }, kind: 'SIGN_LAND' },
        { day: ago(29), kind: 'START_APPROVAL' },
      ],
      approvals: [
        { ...land, submitted: ago(20), steps: review(0) },
        {
          ...engineering,
          submitted: ago(12),
          steps: [
            { day: 0, action: 'ACCEPT_TOLERANT', owed: [{ name: owedDrawings, promisedIn: 4 }] },
            { day: 0, action: 'START_REVIEW' },
          ],
        },
        {
          ...engineering,
          itemName: '人防工程设计审查',
          department: '湘潭高新区人民防空办公室',
          promisedWorkingDays: 10,
          submittedMaterials: ['人防工程设计文件', '人防工程审查申请表'],
          submitted: ago(8),
          steps: [...review(0), { day: 5, action: 'PAUSE', reason: 'EXPERT_REVIEW' }],
        },
      ],
    },
    {
      code: projectCode('2025'),
      name: `${builderProject(31).name}（竣工）`,
      enterpriseName: builderProject(31).enterpriseName,
      landParcelNo: 'XTGX-2025-008',
      investmentType: 'SOCIAL',
      startUponLandAcquisition: false,
      agentService: true,
      promisedTotalWorkingDays: 10,
      recorded: { on: '2025-03-03' },
      events: [
        { day: { on: '2025-02-10' }, kind: 'SIGN_LAND' },
        { day: { on: '2025-03-04' }, kind: 'START_APPROVAL' },
        { day: { on: '2025-05-06' }, kind: 'START_CONSTRUCTION' },
      ],
      approvals: [{ ...acceptance, submitted: ago(4), steps: [...review(0), { day: 2, action: 'CHECKS', rectify: ['FIRE'] }] }],
    },
  ];
}

const otherOutcomes = outcomes();
// Not 中南高科 (its 13 days are the article's): the generated projects only.
settleSpeedUp(plans.slice(1), [...plans.flatMap((plan) => plan.approvals), ...otherOutcomes.approvals]);

export const demoProjects: readonly DemoProject[] = [...plans.map(project), otherOutcomes, ...openProjects()];
