import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../support/api';
import { type Browser, type ServedConsole, screenshotsInto, seriousAccessibilityViolations, signIn } from '../support/console';
import { type ConsoleStack, startConsoleStack } from '../support/console-stack';
import { root } from '../support/local-stack';
import { createRequest } from '../support/service-requests';

/**
 * The console in a real browser: the built bundle served statically with a `config.json` for a
 * test API on DynamoDB Local with the demo stations and enterprises. The tests run in order and
 * share the API and the admin's browser profile, as a working day would.
 */

/** Where the screenshots of the main pages go (committed under docs/ for the README). */
const screenshots = process.env.YIZHAN_SCREENSHOTS ? join(root, process.env.YIZHAN_SCREENSHOTS) : undefined;

let api: TestApi;
let served: ServedConsole;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let stack: ConsoleStack;
/** Uncaught errors in the admin's pages, which no step may cause. */
const pageErrors: string[] = [];

const shoot = screenshotsInto(screenshots);

/** The range the list's pagination shows, e.g. "第 1-25 条，共 60 条". */
function rangeText(target: Page) {
  return target.locator('.MuiTablePagination-displayedRows');
}

function rows(target: Page) {
  return target.locator('.RaDatagrid-tbody tr');
}

/** The text of one column of the list's rows, by its header's position. */
async function column(target: Page, header: string): Promise<string[]> {
  const headers = await target.locator('.RaDatagrid-thead th').allTextContents();
  const index = headers.findIndex((text) => text.trim() === header);
  return rows(target).locator(`td:nth-child(${index + 1})`).allTextContents();
}

/**
 * Opens the enterprises list with the filter given, sorted by name, on page 1 (react-admin
 * otherwise restores the last filter and sort the user chose).
 */
async function openEnterprises(target: Page, filter: Record<string, unknown> = {}): Promise<void> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: 'name', order: 'ASC', page: '1', perPage: '25' });
  await target.goto(`${served.url}/#/enterprises?${query}`);
  await rows(target).first().waitFor();
}

beforeAll(async () => {
  stack = await startConsoleStack((environment) => TestApi.startWithDemoDirectory(environment));
  ({ api, served, browser } = stack);
  admin = await browser.profile();
  admin.on('page', (opened) => opened.on('pageerror', (error) => pageErrors.push(error.message)));
  page = await admin.newPage();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the console', () => {
  it('signs the admin in and opens the enterprises with their exact total', async () => {
    // Act
    await page.goto(`${served.url}/`);
    await page.getByLabel('用户名').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'sign-in');
    await signIn(page, served.url, 'admin');
    await page.getByRole('menuitem', { name: '经营主体' }).click();
    await rows(page).first().waitFor();

    // Assess
    await expect.poll(() => rangeText(page).textContent()).toBe('第 1-25 条，共 60 条');
    expect(await rows(page).count()).toBe(25);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'enterprises');
  });

  it('pages by cursor: page 3 holds the last ten, and page 1 again the first 25', async () => {
    // Prepare
    await openEnterprises(page);
    const firstPage = await column(page, '企业名称');

    // Act
    await page.getByRole('button', { name: '转到第 3 页' }).click();
    await expect.poll(() => rangeText(page).textContent()).toBe('第 51-60 条，共 60 条');
    await expect.poll(() => rows(page).count()).toBe(10);
    const thirdPage = await column(page, '企业名称');
    await page.getByRole('button', { name: '转到第 1 页' }).click();
    await expect.poll(() => rows(page).count()).toBe(25);

    // Assess
    expect(thirdPage).toHaveLength(10);
    expect(thirdPage.filter((name) => firstPage.includes(name))).toEqual([]);
    expect(await column(page, '企业名称')).toEqual(firstPage);
  });

  it('sorts by establishment date when its header is clicked, and offers no sorting on columns the API cannot sort', async () => {
    // Prepare
    await openEnterprises(page);

    // Act
    await page.locator('.RaDatagrid-thead').getByRole('button', { name: '成立日期' }).click();
    await expect.poll(() => page.url()).toContain('establishedOn');
    const ascending = async () => {
      const times = (await column(page, '成立日期')).map((text) => Date.parse(text.replaceAll('/', '-')));
      return times.length === 25 && times.every((time, index) => Number.isFinite(time) && (index === 0 || times[index - 1]! <= time));
    };

    // Assess
    await expect.poll(ascending).toBe(true);
    expect(await page.locator('.RaDatagrid-thead').getByRole('button', { name: '从业人数' }).count()).toBe(0);
  });

  it('filters by search text, by status and by station', async () => {
    // Prepare
    const stations = await api.stationIds();
    const moved = await api.data('admin', `{ enterprises(filter: { status: [MOVED_OUT] }) { totalCount } }`);
    const jr = await api.data('admin', `{ enterprises(filter: { stationId: ["${stations.JR}"] }) { totalCount } }`);

    // Act
    await openEnterprises(page, { stationId: [stations.JR] });
    await expect.poll(() => rangeText(page).textContent()).toContain(`共 ${(jr.enterprises as { totalCount: number }).totalCount} 条`);
    const stationColumn = await column(page, '服务驿站');
    await openEnterprises(page);
    await page.getByLabel('经营状态').first().click();
    await page.getByRole('option', { name: '已迁出' }).click();
    await page.keyboard.press('Escape');
    const movedCount = (moved.enterprises as { totalCount: number }).totalCount;
    if (movedCount > 0) await expect.poll(() => rangeText(page).textContent()).toContain(`共 ${movedCount} 条`);
    else await page.getByText('当前筛选条件下没有').waitFor();
    await openEnterprises(page);
    await page.getByPlaceholder('搜索').fill('湖南安达');

    // Assess
    expect(stationColumn.every((text) => text.startsWith('JR '))).toBe(true);
    await expect.poll(() => column(page, '企业名称')).toEqual(['湖南安达物流有限公司']);
  });

  it('explains a wrong credit code on the field, shows the API’s refusal of a taken one there too, and lists the enterprise once the code is right', async () => {
    // Prepare
    const [taken] = (await api.data('admin', `{ enterprises(first: 1) { nodes { creditCode } } }`)).enterprises.nodes as { creditCode: string }[];
    await page.goto(`${served.url}/#/enterprises/create`);
    const creditCode = page.getByLabel('统一社会信用代码');

    // Act
    await creditCode.fill('91350203M0001QAY9B');
    await creditCode.blur();
    await page.getByText('校验码（第 18 位）').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'enterprise-create-error');
    await creditCode.fill(taken!.creditCode);
    await page.getByLabel('企业名称').fill('湘潭浏览器测试科技有限公司');
    await page.getByLabel('法定代表人').fill('测试');
    await page.getByLabel('所属行业').fill('软件');
    await page.getByLabel('服务驿站').fill('金荣');
    await page.getByRole('option').first().click();
    await page.getByLabel('住所').fill('湘潭市高新区测试路1号');
    await page.getByLabel('成立日期').fill('2021-03-04');
    await page.getByLabel('注册资本（万元）').fill('100');
    await page.getByLabel('从业人数').fill('12');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(`already has creditCode ${taken!.creditCode}`).waitFor();
    await creditCode.fill('9144030071526726XG');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('tab', { name: '基本信息' }).waitFor();
    await openEnterprises(page);
    await page.getByPlaceholder('搜索').fill('浏览器测试');

    // Assess
    await expect.poll(() => column(page, '统一社会信用代码')).toEqual(['9144030071526726XG']);
  });

  it('exports the filtered list as CSV, with the headers the import reads', async () => {
    // Prepare
    const stations = await api.stationIds();
    const jr = (await api.data('admin', `{ enterprises(filter: { stationId: ["${stations.JR}"] }) { totalCount } }`)).enterprises as { totalCount: number };
    await openEnterprises(page, { stationId: [stations.JR] });

    // Act
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');

    // Assess
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['creditCode', 'name', 'stationId', 'steward.phone', 'status', 'stationCode']));
    expect(lines).toHaveLength(jr.totalCount + 1);
    expect(lines.slice(1).every((line) => line.split(',')[header.indexOf('stationCode')] === 'JR')).toBe(true);
  });

  it('keeps the second tab’s input and says the record was changed by someone else when two tabs save one record', async () => {
    // Prepare
    const [target] = (await api.data('admin', `{ enterprises(first: 1, sort: NAME_DESC) { nodes { id employees } } }`)).enterprises.nodes as { id: string; employees: number }[];
    const first = page;
    const second = await admin.newPage();
    for (const tab of [first, second]) {
      await tab.goto(`${served.url}/#/enterprises/${target!.id}`);
      await tab.getByLabel('从业人数').waitFor();
    }

    // Act
    await first.getByLabel('从业人数').fill(String(target!.employees + 1));
    await first.getByRole('button', { name: '保存' }).click();
    await first.getByRole('tab', { name: '基本信息' }).waitFor();
    await second.getByLabel('从业人数').fill('777');
    await second.getByRole('button', { name: '保存' }).click();

    // Assess
    await second.getByText('该记录已被他人修改').waitFor();
    expect(await second.getByLabel('从业人数').inputValue()).toBe('777');
    const stored = await api.data('admin', `{ enterprise(id: "${target!.id}") { employees version } }`);
    expect(stored.enterprise).toEqual({ employees: target!.employees + 1, version: 2 });
    await shoot(second, 'enterprise-edit-conflict');
    await second.close();
  });

  it('moves an enterprise out with the status action, its note going into the history', async () => {
    // Prepare
    const [target] = (await api.data('admin', `{ enterprises(first: 1, filter: { status: [ACTIVE] }, sort: CREATED_ASC) { nodes { id } } }`)).enterprises.nodes as { id: string }[];
    await page.goto(`${served.url}/#/enterprises/${target!.id}/show`);

    // Act
    await page.getByRole('button', { name: '迁出' }).click();
    await page.getByLabel('备注').fill('搬迁至长沙');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '确认迁出' }).click();

    // Assess
    await page.getByRole('button', { name: '迁回' }).waitFor();
    expect(await page.locator('.MuiChip-label').filter({ hasText: /^已迁出$/ }).count()).toBe(1);
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText('搬迁至长沙').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'enterprise-history');
    const stored = await api.data('admin', `{ enterprise(id: "${target!.id}") { status } }`);
    expect(stored.enterprise).toEqual({ status: 'MOVED_OUT' });
  });

  it('shows an enterprise’s service requests among its related records', async () => {
    // Prepare
    const [target] = (await api.data('admin', `{ enterprises(first: 1, sort: NAME_DESC) { nodes { id } } }`)).enterprises.nodes as { id: string }[];
    await createRequest(api, 'admin', { enterpriseId: target!.id, title: '浏览器测试：招工难' });

    // Act
    await page.goto(`${served.url}/#/enterprises/${target!.id}/show/related`);

    // Assess
    await page.getByText('服务工单（共 1 条）').waitFor();
    await page.getByRole('table', { name: '服务工单' }).getByText('浏览器测试：招工难').waitFor();
    expect(await page.getByText('工程建设项目（共 0 条）').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('imports a roster from CSV, reporting created and refused rows, and adds nothing when run again', async () => {
    // Prepare
    const csv = [
      'creditCode,name,legalRepresentative,industry,stationCode,address,establishedOn,registeredCapital,employees,tags',
      '914403001922038216,湘潭导入示例有限公司,赵六,新材料,ZN,湘潭市高新区导入路8号,2019-05-06,800,40,高新技术企业',
      '91350203M0001QAY9B,校验错误有限公司,钱七,物流,JR,湘潭市高新区导入路9号,2019-05-06,100,5,',
      '91430300MA4XXXXX00,未知驿站有限公司,孙八,物流,XX,湘潭市高新区导入路10号,2019-05-06,100,5,',
    ].join('\n');
    const file = { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
    await openEnterprises(page);
    await page.getByRole('button', { name: '导入 CSV' }).click();

    // Act
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: '共 3 行' }).waitFor();
    const firstRun = await page.getByRole('status').textContent();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'enterprise-import');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: '已存在 1 条' }).waitFor();
    const secondRun = await page.getByRole('status').textContent();

    // Assess
    expect(firstRun).toBe('共 3 行：新建 1 条，已存在 0 条，拒绝 2 条');
    expect(secondRun).toBe('共 3 行：新建 0 条，已存在 1 条，拒绝 2 条');
    await page.getByText('校验码（第 18 位）').first().waitFor();
    await page.getByText('找不到编码为“XX”的驿站').first().waitFor();
    const imported = await api.data('admin', `{ enterprises(filter: { q: "湘潭导入示例" }) { totalCount } }`);
    expect(imported.enterprises).toEqual({ totalCount: 1 });
  });

  it('shows the stations, the audit log and the work calendar to the admin without serious accessibility problems', async () => {
    for (const [path, name, ready] of [
      ['/stations', 'stations', '金荣'],
      ['/auditEvents', 'audit-events', '新建'],
      ['/calendar', 'calendar', '元旦'],
    ] as const) {
      // Act
      await page.goto(`${served.url}/#${path}`);
      await page.getByText(ready).first().waitFor();

      // Assess
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
      await shoot(page, name);
    }
  });

  it('lets the admin declare next year’s holiday on the work calendar and take it back', async () => {
    // Prepare
    await page.goto(`${served.url}/#/calendar`);
    await page.getByText('元旦').first().waitFor();
    const overrides = page.getByRole('table', { name: '管理员调整' });

    // Act
    await page.getByLabel('年份').fill('2027');
    await page.getByLabel('日期', { exact: true }).fill('2027-02-08');
    await page.getByLabel('节日名称').fill('春节');
    await page.getByRole('button', { name: '添加调整' }).click();
    await page.getByText('已保存日历调整').waitFor();
    await expect.poll(() => overrides.locator('tbody tr').count()).toBe(1);
    const added = await overrides.locator('tbody tr').allTextContents();
    await overrides.getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除日历调整').waitFor();

    // Assess
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('春节');
    await expect.poll(() => overrides.locator('tbody tr').count()).toBe(0);
  });

  it('switches to English', async () => {
    // Prepare
    await openEnterprises(page);

    // Act
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    // Assess
    await page.getByRole('menuitem', { name: 'Service stations' }).waitFor();
    await expect.poll(() => rangeText(page).textContent()).toMatch(/^1-25 of \d+$/);
    expect(await page.locator('.RaDatagrid-thead').textContent()).toContain('Credit code');
    await shoot(page, 'enterprises-english');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
  });

  it('raised no uncaught error in the browser through all of the above', () => {
    // Assess
    expect(pageErrors).toEqual([]);
  });
});

describe('the console for other roles', () => {
  it('shows station staff only the enterprises of their station, and a viewer no edit or create button', async () => {
    // Prepare
    const staff = await (await browser.profile()).newPage();
    const viewer = await (await browser.profile()).newPage();
    const jr = (await api.data('staff-jr', `{ enterprises { totalCount } }`)).enterprises as { totalCount: number };

    // Act
    await signIn(staff, served.url, 'staff-jr');
    await staff.goto(`${served.url}/#/enterprises`);
    await rows(staff).first().waitFor();
    await signIn(viewer, served.url, 'viewer');
    await viewer.goto(`${served.url}/#/enterprises`);
    await rows(viewer).first().waitFor();
    await rows(viewer).first().click();
    await viewer.getByRole('tab', { name: '基本信息' }).waitFor();

    // Assess
    await expect.poll(() => rangeText(staff).textContent()).toMatch(new RegExp(`共 ${jr.totalCount} 条$`));
    expect(jr.totalCount).toBeLessThan(60);
    expect((await column(staff, '服务驿站')).every((text) => text.startsWith('JR '))).toBe(true);
    expect(await staff.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: '编辑' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: '迁出' }).count()).toBe(0);
    await viewer.goto(`${served.url}/#/enterprises`);
    await rows(viewer).first().waitFor();
    expect(await viewer.getByRole('link', { name: '新建' }).count()).toBe(0);
  });
});
