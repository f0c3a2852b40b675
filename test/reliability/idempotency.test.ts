import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { createEnterprise, createStation, enterpriseInput, stationInput } from '../support/fixtures';
import { tableItems } from '../support/invariants';
import { requestInput } from '../support/service-requests';

/** Each create that takes a `clientRequestId`, as the user allowed to call it, with an input and a changed one. */
type Create = { readonly entity: string; readonly as: string; readonly input: () => Record<string, unknown>; readonly changed: Record<string, unknown> };

describe('idempotent creates (clientRequestId)', () => {
  let api: TestApi;
  let creates: Create[];

  beforeAll(async () => {
    api = await TestApi.start();
    const station = (await createStation(api)).id;
    const enterprise = (await createEnterprise(api, station)).id;
    const project = (await api.data('officer', 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', { input: projectInput(enterprise) })).createProject.id;
    creates = [
      { entity: 'Station', as: 'admin', input: () => stationInput(), changed: { name: '另一个驿站' } },
      { entity: 'Enterprise', as: 'admin', input: () => enterpriseInput(station), changed: { employees: 1 } },
      { entity: 'ServiceRequest', as: 'operator', input: () => requestInput(), changed: { title: '另一个诉求' } },
      { entity: 'Project', as: 'officer', input: () => projectInput(enterprise), changed: { name: '另一个项目' } },
      { entity: 'Approval', as: 'officer', input: () => approvalInput(project), changed: { itemName: '另一个事项' } },
    ];
  });

  afterAll(async () => {
    await api?.stop();
  });

  it.each(['Station', 'Enterprise', 'ServiceRequest', 'Project', 'Approval'])(
    'creates one %s of 10 parallel and 3 later requests with one clientRequestId, answering each the same; another input with it is CONFLICT',
    async (entity) => {
      // Prepare
      const create = creates.find((candidate) => candidate.entity === entity)!;
      const mutation = `mutation($input: Create${entity}Input!) { result: create${entity}(input: $input) { id version createdAt } }`;
      const input = { ...create.input(), clientRequestId: randomUUID() };
      const endpoint = api.server.application.config.dynamodbEndpoint!;
      const recordsOf = async () => (await tableItems(endpoint, api.tableName)).filter((item) => item.sk === entity && item.pk.startsWith(`${entity}#`));
      const before = (await recordsOf()).length;

      // Act
      const parallel = await Promise.all(Array.from({ length: 10 }, () => api.graphql(create.as, mutation, { input })));
      const sequential = [];
      for (let attempt = 0; attempt < 3; attempt += 1) sequential.push(await api.graphql(create.as, mutation, { input }));
      const otherInput = await api.graphql(create.as, mutation, { input: { ...input, ...create.changed } });

      // Assess
      const answers = [...parallel, ...sequential];
      expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
      expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
      expect(errorCode(otherInput)).toBe('CONFLICT');
      expect(otherInput.errors![0]!.extensions!.field).toBe('clientRequestId');
      const { id } = (answers[0]!.data as { result: { id: string } }).result;
      expect((await recordsOf()).length).toBe(before + 1);
      expect((await tableItems(endpoint, api.tableName)).filter((item) => item.pk === `Audit#${id}`)).toHaveLength(1);
    },
  );
});
