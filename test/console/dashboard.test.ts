import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../api/src/local/seed';
import { TestApi } from '../support/api';
import { screenshotsInto, seriousAccessibilityViolations, signIn } from '../support/console';
import { type ConsoleStack, startConsoleStack } from '../support/console-stack';
import { root } from '../support/local-stack';

/**
 * The dashboard in a real browser over the whole demo data set, as `npm start` seeds it: the
 * article's period (from the day the 金荣 station opened to the article's date) must show the
 * article's figures.
 */

const shoot = screenshotsInto(process.env.YIZHAN_SCREENSHOTS ? join(root, process.env.YIZHAN_SCREENSHOTS) : undefined);

const ARTICLE_PERIOD = { from: '2022-06-15', to: '2023-10-31' };

let stack: ConsoleStack;
let viewer: Page;
const pageErrors: string[] = [];

/** The value a KPI tile shows. */
function tile(page: Page, label: string) {
  return page.getByRole('region', { name: label, exact: true }).getByTestId('kpi-value');
}

async function choosePeriod(page: Page, period: { from: string; to: string }): Promise<void> {
  await page.getByLabel('起始日期').fill(period.from);
  await page.getByLabel('截止日期').fill(period.to);
}

beforeAll(async () => {
  stack = await startConsoleStack(async (environment) => {
    const api = await TestApi.start(environment);
    await seedDemoData(api.server.application);
    return api;
  });
  viewer = await (await stack.browser.profile()).newPage();
  viewer.on('pageerror', (error) => pageErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the dashboard', () => {
  it('is where leadership starts', async () => {
    // Act
    await signIn(viewer, stack.served.url, 'viewer');

    // Assess
    await viewer.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    await viewer.getByLabel('起始日期').waitFor();
  });

  it('shows the article’s figures for the article’s period', async () => {
    // Act
    await choosePeriod(viewer, ARTICLE_PERIOD);

    // Assess
    await expect.poll(() => tile(viewer, '12345 工单').textContent()).toBe('10,008');
    const shown = Object.fromEntries(
      await Promise.all(
        [
          '受理渠道：驿站窗口',
          '上门服务',
          '解决问题',
          '解决用工（人）',
          '驿站新办经营主体',
          '容缺受理',
          '拿地即开工项目',
          '联合验收',
          '联合验收一次通过率',
          '联合验收平均用时（工作日）',
          '联合验收较承诺时限提速',
          '按时办结率',
          '回访率',
          '满意率',
        ].map(async (label) => [label, await tile(viewer, label).textContent()]),
      ),
    );
    expect(shown).toEqual({
      '受理渠道：驿站窗口': '283',
      上门服务: '72',
      解决问题: '126',
      '解决用工（人）': '1,536',
      驿站新办经营主体: '630',
      容缺受理: '32',
      拿地即开工项目: '16',
      联合验收: '14',
      联合验收一次通过率: '100.00%',
      '联合验收平均用时（工作日）': '5',
      联合验收较承诺时限提速: '50.00%',
      按时办结率: '99.99%',
      回访率: '100.00%',
      满意率: '85.00%',
    });
  });

  it('tells what a rate is made of on hover', async () => {
    // Prepare
    const onTime = viewer.getByRole('region', { name: '按时办结率', exact: true });

    // Act
    await onTime.hover();

    // Assess
    await expect.poll(() => onTime.getAttribute('aria-describedby')).toBeTruthy();
    const tooltip = viewer.locator(`[id="${await onTime.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => tooltip.textContent()).toBe('9,994 / 9,995');
  });

  it('charts the monthly series of each part, without serious accessibility problems', async () => {
    // Assess
    for (const part of ['政务服务驿站', '工程建设项目审批', '12345 热线']) {
      await viewer.getByRole('img', { name: new RegExp(`^${part}:`) }).locator('svg').first().waitFor();
    }
    expect(await seriousAccessibilityViolations(viewer)).toEqual([]);
    await viewer.mouse.move(0, 0);
    await viewer.evaluate('document.activeElement.blur(); window.scrollTo(0, 0)');
    await shoot(viewer, 'dashboard');
  });

  it('narrows the figures to one station', async () => {
    // Prepare
    const jr = (await stack.api.stationIds()).JR!;
    const expected = await stack.api.data('viewer', `{ dashboard(from: "${ARTICLE_PERIOD.from}", to: "${ARTICLE_PERIOD.to}", stationId: "${jr}") { stations { onsiteVisits } } }`);
    const parkWide = await tile(viewer, '上门服务').textContent();

    // Act
    await viewer.getByRole('combobox', { name: '驿站' }).click();
    await viewer.getByRole('option', { name: /^JR / }).click();

    // Assess
    await expect.poll(() => tile(viewer, '上门服务').textContent()).toBe(String(expected.dashboard.stations.onsiteVisits));
    expect(expected.dashboard.stations.onsiteVisits).toBeLessThan(Number(parkWide));
  });

  it('shows a hotline operator the hotline figures only', async () => {
    // Prepare
    const operator = await (await stack.browser.profile()).newPage();
    operator.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(operator, stack.served.url, 'operator');

    // Act
    await operator.goto(`${stack.served.url}/#/dashboard`);
    await choosePeriod(operator, ARTICLE_PERIOD);

    // Assess
    await expect.poll(() => tile(operator, '12345 工单').textContent()).toBe('10,008');
    expect(await operator.getByRole('heading', { name: '工程建设项目审批' }).count()).toBe(0);
    expect(await operator.getByRole('heading', { name: '政务服务驿站', level: 2 }).count()).toBe(0);
  });

  it('raised no uncaught error in the browser', () => {
    // Assess
    expect(pageErrors).toEqual([]);
  });
});
