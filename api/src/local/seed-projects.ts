import { addCalendarDays, JointCheckResult, JointCheckType, type RecordMeta, shanghaiDate, shanghaiTime, type WorkingDayCalendar } from '@yizhan/shared';
import type { Backend } from '../backend';
import { RequestScope } from '../request-scope';
import { createServices, type Services } from '../services';
import { type DemoApproval, type DemoApprovalStep, type DemoDay, type DemoProject, demoProjects } from './demo-approvals';
import { demoEnterprises } from './demo-data';
import { inParallel } from './in-parallel';
import { SEED_VIEWER } from './seed-viewer';


/** Approvals played at once while seeding. */
const PARALLEL_APPROVALS = 6;

/** A Shanghai local time on a day, as an instant. */
function at(day: string, minutes: number): Date {
  return new Date(shanghaiTime(day, '00:00').getTime() + minutes * 60_000);
}

/** The working day `count` working days before `day`. */
function workingDaysBefore(calendar: WorkingDayCalendar, day: string, count: number): string {
  let date = day;
  for (let remaining = count; remaining > 0; ) {
    date = addCalendarDays(date, -1);
    if (calendar.isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** One write of the first phase: the projects and the approvals' submissions, in the order they happened. */
interface Submission {
  readonly day: string;
  readonly rank: number;
  readonly write: (services: Services) => Promise<void>;
}

/**
 * Plays the demo projects (demo-approvals.ts) through the services on a simulated clock: first
 * every project, project change and approval submission in the order they happened (so numbers
 * follow submission), then each approval's steps on a clock of its own, several at a time.
 */
export async function seedProjects(backend: Backend, today: Date, enterpriseIds: ReadonlyMap<string, string>): Promise<{ projects: number; approvals: number }> {
  // Services of one write at an instant (a request's services cache what they read).
  const servicesAt = (instant: Date) => createServices(backend.stores, backend.cursors, new RequestScope(SEED_VIEWER, 'seed', () => instant), backend.config);
  const calendar = await servicesAt(today).calendar.calendar();
  const todayDay = shanghaiDate(today);
  const dayOf = (day: DemoDay): string => ('on' in day ? day.on : workingDaysBefore(calendar, todayDay, day.workingDaysAgo));

  const submissions: Submission[] = [];
  const played: { approval: DemoApproval; project: DemoProject; record: () => RecordMeta }[] = [];
  for (const project of demoProjects) {
    let record: RecordMeta & { readonly id: string } = { id: '', version: 0, createdAt: '', updatedAt: '' };
    const recorded = dayOf(project.recorded);
    const signed = project.events.find((event) => event.kind === 'SIGN_LAND');
    const signedAtCreation = signed && dayOf(signed.day) <= recorded ? dayOf(signed.day) : null;
    const enterpriseId = enterpriseIds.get(project.enterpriseName);
    if (!enterpriseId) throw new Error(`The demo projects name ${project.enterpriseName}, which the demo data lacks`);
    submissions.push({
      day: recorded,
      rank: 0,
      write: async (writer) => {
        const { recorded: _recorded, events: _events, approvals: _approvals, enterpriseName: _name, ...fields } = project;
        record = await writer.projects.create({ ...fields, enterpriseId, landContractSignedOn: signedAtCreation });
      },
    });
    for (const event of project.events) {
      const day = dayOf(event.day);
      if (event.kind === 'SIGN_LAND' && signedAtCreation) continue;
      const change = { SIGN_LAND: { landContractSignedOn: day }, START_CONSTRUCTION: { actualStartOn: day }, COMPLETE: { completedOn: day }, START_APPROVAL: null }[event.kind];
      submissions.push({
        day,
        rank: 1,
        write: async (writer) => {
          if (change) record = await writer.projects.update({ id: record.id, expectedVersion: record.version, ...change });
          if (event.kind !== 'SIGN_LAND') record = await writer.projects.transition({ id: record.id, expectedVersion: record.version, action: event.kind });
        },
      });
    }
    for (const approval of project.approvals) {
      let submitted: RecordMeta & { readonly id: string } = { id: '', version: 0, createdAt: '', updatedAt: '' };
      submissions.push({
        day: dayOf(approval.submitted),
        rank: 2,
        write: async (writer) => {
          const { submitted: _day, steps: _steps, submittedMaterials, ...fields } = approval;
          submitted = await writer.approvals.create({ ...fields, projectId: record.id, submittedMaterials: submittedMaterials.map((name) => ({ name })) });
        },
      });
      played.push({ approval, project, record: () => submitted });
    }
  }

  // First phase: in the order things happened, from 08:00 on their day, a minute apart.
  submissions.sort((a, b) => a.day.localeCompare(b.day) || a.rank - b.rank);
  let previousDay = '';
  let minute = 0;
  for (const submission of submissions) {
    minute = submission.day === previousDay ? minute + 1 : 0;
    previousDay = submission.day;
    await submission.write(servicesAt(at(submission.day, 8 * 60 + minute)));
  }

  // Second phase: each approval's steps from 10:00 on their working day, a quarter of an hour apart.
  await inParallel(PARALLEL_APPROVALS, played, async ({ approval, project, record }) => {
    const submittedOn = dayOf(approval.submitted);
    let current = record();
    for (const [index, step] of approval.steps.entries()) {
      const day = calendar.addWorkingDays(submittedOn, step.day).date;
      if (day >= todayDay) throw new Error(`A step of the demo approval ${approval.itemName} of ${project.name} falls on ${day}, not before the day the demo data is loaded`);
      current = await take(servicesAt(at(day, 10 * 60 + index * 15)), current, step, day, project.enterpriseName);
    }
  });
  return { projects: demoProjects.length, approvals: played.length };
}

/** One step of an approval's story, taken on `day`. */
async function take(services: Services, approval: RecordMeta & { readonly id: string }, step: DemoApprovalStep, day: string, enterpriseName: string) {
  const target = { id: approval.id, expectedVersion: approval.version };
  const signatory = demoEnterprises.find((enterprise) => enterprise.name === enterpriseName)?.legalRepresentative ?? '';
  const commitment = { signatory, signedOn: day };
  switch (step.action) {
    case 'SUPPLY':
      return services.approvals.supplyMaterials({ ...target, materials: step.materials.map((name) => ({ name, suppliedOn: day })) });
    case 'CHECKS':
      return services.approvals.recordJointAcceptance({
        ...target,
        checks: Object.values(JointCheckType).map((type) =>
          step.rectify.includes(type) ? { type, result: JointCheckResult.RECTIFY, note: '现场查验发现问题，限期整改后复验。' } : { type, result: JointCheckResult.PASSED },
        ),
      });
    case 'ACCEPT':
      return services.approvals.transition({ ...target, action: step.action, ...(step.mode ? { mode: step.mode, commitment } : {}) });
    case 'ACCEPT_TOLERANT': {
      const calendar = await services.calendar.calendar();
      const outstandingMaterials = step.owed.map((owed) => ({ name: owed.name, promisedBy: calendar.addWorkingDays(day, owed.promisedIn).date }));
      return services.approvals.transition({ ...target, action: step.action, commitment, outstandingMaterials });
    }
    default: {
      const { day: _day, action, ...fields } = step;
      return services.approvals.transition({ ...target, action, ...fields });
    }
  }
}
