import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../support/api';
import { act as actOnApproval, createApproval, createProject, shanghaiToday } from '../support/approvals';
import { type ServedConsole, screenshotsInto, seriousAccessibilityViolations, signIn } from '../support/console';
import { type ConsoleStack, startConsoleStack } from '../support/console-stack';
import { root } from '../support/local-stack';
import { act as actOnRequest, createRequest } from '../support/service-requests';

/**
 * The console's workflows in a real browser, each role in a profile of its own: a hotline
 * ticket from received to closed and a dissatisfied callback (operator), a 容缺 approval and a
 * joint acceptance (officer), what an operator may not do to an approval. The built bundle is
 * served statically with a `config.json` for a test API on DynamoDB Local with the demo directory.
 */

const shoot = screenshotsInto(process.env.YIZHAN_SCREENSHOTS ? join(root, process.env.YIZHAN_SCREENSHOTS) : undefined);

let api: TestApi;
let served: ServedConsole;
let stack: ConsoleStack;
let operator: Page;
let officer: Page;
/** Uncaught errors in any page, which no step may cause. */
const pageErrors: string[] = [];

/** The open dialog. */
function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}

/** Takes a status action (or another write) through its dialog: `fill` fills the dialog, then it is confirmed and closes. */
async function takeAction(page: Page, action: string, fill: (open: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  await fill(dialog(page));
  await dialog(page).getByRole('button', { name: `确认${action}` }).click();
  await dialog(page).waitFor({ state: 'hidden' });
}

/** Chooses `option` in the select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The status the show page displays, waited for. */
async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator('.MuiChip-label').filter({ hasText: new RegExp(`^${status}$`) }).first().waitFor();
}

/** The titles of the timeline's steps, oldest first. */
async function timelineSteps(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: '工单办理经过' }).locator('li h3').allTextContents();
}

async function openRecord(page: Page, resource: string, id: string, tab = ''): Promise<void> {
  await page.goto(`${served.url}/#/${resource}/${id}/show${tab ? `/${tab}` : ''}`);
}

beforeAll(async () => {
  stack = await startConsoleStack((environment) => TestApi.startWithDemoDirectory(environment));
  ({ api, served } = stack);
  [operator, officer] = await Promise.all([stack.browser.profile().then((profile) => profile.newPage()), stack.browser.profile().then((profile) => profile.newPage())]);
  for (const page of [operator, officer]) page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(operator, served.url, 'operator');
  await signIn(officer, served.url, 'officer');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('12345 tickets in the console', () => {
  it('starts the operator on the hotline queue', async () => {
    // Assess
    await operator.getByRole('button', { name: '12345 待办', pressed: true }).waitFor();
    expect(operator.url()).toContain('#/serviceRequests');
    expect(decodeURIComponent(operator.url())).toContain('"channel":["HOTLINE"]');
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
  });

  it('takes a hotline ticket from received to closed through the dialogs, telling each step in its timeline', async () => {
    // Prepare
    await operator.goto(`${served.url}/#/serviceRequests/create`);
    await operator.getByLabel('标题').fill('浏览器测试：园区路灯不亮');
    await choose(operator, operator.locator('form'), '事项类别', '咨询');
    await operator.getByLabel('诉求人', { exact: true }).fill('周先生');
    await operator.getByLabel('联系电话').fill('13907321234');
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
    await operator.getByRole('button', { name: '保存' }).click();
    await waitForStatus(operator, '已登记');

    // Act
    await takeAction(operator, '派单', (open) => open.getByLabel('承办单位').fill('高新区城市管理局'));
    await waitForStatus(operator, '已派单');
    await takeAction(operator, '签收');
    await waitForStatus(operator, '已签收');
    await takeAction(operator, '开始办理');
    await waitForStatus(operator, '办理中');
    await takeAction(operator, '答复', (open) => open.getByLabel('答复内容').fill('路灯已于当日修复。'));
    await waitForStatus(operator, '已答复');
    await operator.getByRole('button', { name: '回访', exact: true }).click();
    await dialog(operator).getByLabel('已联系上').check();
    await choose(operator, dialog(operator), '满意度', '满意');
    await dialog(operator).getByLabel('问题已解决').check();
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
    await dialog(operator).getByRole('button', { name: '确认回访' }).click();
    await dialog(operator).waitFor({ state: 'hidden' });
    await takeAction(operator, '办结');

    // Assess
    await waitForStatus(operator, '已办结');
    await operator.getByRole('tab', { name: '办理经过' }).click();
    await expect.poll(() => timelineSteps(operator)).toEqual(['受理登记', '派单', '签收', '开始办理', '答复', '回访', '办结']);
    await operator.getByText('承办单位：— → 高新区城市管理局').waitFor();
    await operator.getByText(/满意度：满意/).waitFor();
    expect(await operator.getByRole('button', { name: '回访', exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
    await shoot(operator, 'service-request-timeline');
  });

  it('reopens a ticket whose callback found the requester dissatisfied and the problem unresolved', async () => {
    // Prepare
    let ticket = await createRequest(api, 'operator', { title: '浏览器测试：噪音扰民' });
    ticket = await actOnRequest(api, 'operator', ticket, 'DISPATCH', { assignedUnit: '高新区生态环境分局' });
    ticket = await actOnRequest(api, 'operator', ticket, 'SIGN');
    ticket = await actOnRequest(api, 'operator', ticket, 'START');
    ticket = await actOnRequest(api, 'operator', ticket, 'REPLY', { reply: '已约谈施工方。' });
    await openRecord(operator, 'serviceRequests', ticket.id);
    await waitForStatus(operator, '已答复');

    // Act
    await operator.getByRole('button', { name: '回访', exact: true }).click();
    await dialog(operator).getByLabel('已联系上').check();
    await choose(operator, dialog(operator), '满意度', '不满意');
    await dialog(operator).getByRole('button', { name: '确认回访' }).click();
    await dialog(operator).waitFor({ state: 'hidden' });
    const offeredAfterCallback = await operator.getByRole('button', { name: '办结', exact: true }).count();
    await takeAction(operator, '发回重办', (open) => open.getByLabel('备注').fill('噪音仍未解决'));

    // Assess
    expect(offeredAfterCallback).toBe(0);
    await waitForStatus(operator, '发回重办');
    await operator.getByRole('tab', { name: '办理经过' }).click();
    await expect.poll(async () => (await timelineSteps(operator)).slice(-2)).toEqual(['回访', '发回重办']);
    await operator.getByText('备注：噪音仍未解决').waitFor();
    const stored = await api.data('admin', `{ serviceRequest(id: "${ticket.id}") { status reopenCount } }`);
    expect(stored.serviceRequest).toEqual({ status: 'REOPENED', reopenCount: 1 });
  });
});

describe('approvals in the console', () => {
  let enterpriseId: string;

  beforeAll(async () => {
    [{ id: enterpriseId }] = (await api.data('admin', `{ enterprises(first: 1, filter: { creditStatus: [NORMAL] }) { nodes { id } } }`)).enterprises.nodes;
  });

  it('starts the officer on the approvals', async () => {
    // Prepare
    const project = await createProject(api, 'officer', enterpriseId);
    const approval = await createApproval(api, 'officer', project.id);

    // Act
    await officer.goto(`${served.url}/`);

    // Assess
    await officer.waitForURL(/#\/approvals/);
    await officer.getByRole('cell', { name: approval.number }).waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
  });

  it('shows a 容缺 approval’s outstanding material and offers no issue until the material is supplied', async () => {
    // Prepare
    const project = await createProject(api, 'officer', enterpriseId);
    const approval = await createApproval(api, 'officer', project.id);
    await openRecord(officer, 'approvals', approval.id);
    await waitForStatus(officer, '已申报');
    await officer.getByRole('button', { name: '容缺受理', exact: true }).click();
    await dialog(officer).getByLabel('承诺人').fill('王建国');
    await dialog(officer).getByLabel('签署日期').fill(shanghaiToday());
    await dialog(officer).getByRole('button', { name: '添加' }).click();
    await dialog(officer).getByLabel('材料名称').fill('消防设计审查意见');
    await dialog(officer).getByLabel('承诺补齐日期').fill(shanghaiToday());
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    await dialog(officer).getByRole('button', { name: '确认容缺受理' }).click();
    await dialog(officer).waitFor({ state: 'hidden' });
    await takeAction(officer, '开始审查');
    await takeAction(officer, '准予许可');
    await waitForStatus(officer, '准予许可');

    // Act
    await officer.getByRole('tab', { name: '材料与承诺' }).click();
    const materials = officer.getByRole('table', { name: '材料' });
    await materials.getByText('待补齐').waitFor();
    const issueBeforeSupply = await officer.getByRole('button', { name: '发证', exact: true }).count();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    await shoot(officer, 'approval-materials');
    await takeAction(officer, '补齐材料');
    await materials.getByText('已补齐').waitFor();
    await takeAction(officer, '发证');

    // Assess
    expect(issueBeforeSupply).toBe(0);
    expect(await officer.getByRole('tab', { name: '联合验收' }).count()).toBe(0);
    await officer.getByRole('tab', { name: '基本信息' }).click();
    await waitForStatus(officer, '已发证');
    const stored = await api.data('admin', `{ approval(id: "${approval.id}") { status acceptanceMode materials { name status } } }`);
    expect(stored.approval.status).toBe('ISSUED');
    expect(stored.approval.acceptanceMode).toBe('TOLERANT');
    expect(stored.approval.materials).toContainEqual({ name: '消防设计审查意见', status: 'SUPPLIED' });
  });

  it('records a joint acceptance with every check passed and shows it passed first time', async () => {
    // Prepare
    const project = await createProject(api, 'officer', enterpriseId);
    let approval = await createApproval(api, 'officer', project.id, { stage: 'COMPLETION_ACCEPTANCE', itemName: '竣工联合验收', promisedWorkingDays: 10, statutoryWorkingDays: 20 });
    approval = await actOnApproval(api, 'officer', approval, 'ACCEPT');
    approval = await actOnApproval(api, 'officer', approval, 'START_REVIEW');
    await openRecord(officer, 'approvals', approval.id, 'checks');
    await officer.getByText('尚未登记验收结果').waitFor();

    // Act
    await officer.getByRole('button', { name: '登记验收结果', exact: true }).click();
    const results = dialog(officer).getByLabel('结果', { exact: true });
    const checks = await results.count();
    for (let index = 0; index < checks; index += 1) {
      await results.nth(index).click();
      await officer.getByRole('option', { name: '通过', exact: true }).click();
    }
    await dialog(officer).getByRole('button', { name: '确认登记验收结果' }).click();
    await dialog(officer).waitFor({ state: 'hidden' });

    // Assess
    expect(checks).toBe(6);
    await officer.locator('.MuiChip-label').filter({ hasText: /^一次性通过$/ }).waitFor();
    await expect.poll(() => officer.getByRole('table', { name: '联合验收' }).getByText('通过', { exact: true }).count()).toBe(6);
    await officer.getByRole('button', { name: '准予许可', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    const stored = await api.data('admin', `{ approval(id: "${approval.id}") { firstPass } }`);
    expect(stored.approval).toEqual({ firstPass: true });
  });

  it('shows an operator an approval without any of its actions, which an officer is offered', async () => {
    // Prepare
    const project = await createProject(api, 'officer', enterpriseId);
    const approval = await createApproval(api, 'officer', project.id);
    const offered = (await api.data('officer', `{ approval(id: "${approval.id}") { availableActions } }`)).approval.availableActions as string[];

    // Act
    await openRecord(operator, 'approvals', approval.id);
    await operator.getByText(approval.number).first().waitFor();

    // Assess
    expect(offered).toEqual(expect.arrayContaining(['ACCEPT', 'ACCEPT_TOLERANT']));
    for (const action of ['受理', '容缺受理', '一次性告知补正', '不予受理', '撤回申请', '补齐材料', '登记验收结果']) {
      expect(await operator.getByRole('button', { name: action, exact: true }).count(), action).toBe(0);
    }
    expect(await operator.getByRole('link', { name: '编辑' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
  });
});

describe('station staff in the console', () => {
  it('starts station staff on their station’s requests, a ticket dispatched there among them', async () => {
    // Prepare
    const stations = await api.stationIds();
    let ticket = await createRequest(api, 'operator', { title: '浏览器测试：金荣园区招工' });
    ticket = await actOnRequest(api, 'operator', ticket, 'DISPATCH', { assignedUnit: '金荣驿站', stationId: stations.JR });
    const staff = await (await stack.browser.profile()).newPage();
    staff.on('pageerror', (error) => pageErrors.push(error.message));

    // Act
    await signIn(staff, served.url, 'staff-jr');

    // Assess
    await staff.waitForURL(new RegExp(`#/stations/${stations.JR}/show/requests`));
    await staff.getByRole('tab', { name: '服务工单', selected: true }).waitFor();
    await staff.getByText('浏览器测试：金荣园区招工').waitFor();
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);
  });
});

describe('projects in the console', () => {
  it('shows a 拿地即开工 project marked, with its approvals by stage and the working days across stages', async () => {
    // Prepare
    const [{ id: enterpriseId }] = (await api.data('admin', `{ enterprises(first: 1, filter: { creditStatus: [NORMAL] }) { nodes { id } } }`)).enterprises.nodes;
    const project = await createProject(api, 'officer', enterpriseId, { startUponLandAcquisition: true });
    const approval = await createApproval(api, 'officer', project.id, { itemName: '建设用地规划许可证核发（浏览器测试）' });
    await actOnApproval(api, 'officer', approval, 'ACCEPT');
    const expected = (await api.data('officer', `{ project(id: "${project.id}") { totalWorkingDays } }`)).project.totalWorkingDays as number;

    // Act
    await openRecord(officer, 'projects', project.id);
    await officer.locator('.MuiChip-label').filter({ hasText: /^拿地即开工$/ }).waitFor();
    await officer.getByRole('tab', { name: '审批阶段' }).click();

    // Assess
    await officer.getByText(`各阶段合计用时：${expected} 个工作日`).waitFor();
    await officer.getByRole('table', { name: '用地规划许可' }).getByText('建设用地规划许可证核发（浏览器测试）').waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
  });

  it('raised no uncaught error in the browser through all of the above', () => {
    // Assess
    expect(pageErrors).toEqual([]);
  });
});
