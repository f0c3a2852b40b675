import type { TestApi } from './api';

/** A record as the tests read it back: the fields they need typed, the rest walked freely. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk response data freely and assert on it.
export type RecordData = { id: string; version: number } & Record<string, any>;

/** `act` and `tryAct` for one entity's `transitionX` mutation, returning `fields`. */
export function transitionsOf(entity: string, fields: string) {
  const name = `transition${entity}`;
  const mutation = `mutation($input: Transition${entity}Input!) { ${name}(input: $input) { ${fields} } }`;
  const input = (record: { id: string; version: number }, action: string, extra: Record<string, unknown>) => ({
    input: { id: record.id, expectedVersion: record.version, action, ...extra },
  });
  return {
    /** Takes an action, failing the test if it is refused. */
    act: async (api: TestApi, as: string, record: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}): Promise<RecordData> =>
      (await api.data(as, mutation, input(record, action, extra)))[name],
    /** Takes an action and returns the response as it is, refusal included. */
    tryAct: (api: TestApi, as: string, record: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
      api.graphql<Record<string, RecordData>>(as, mutation, input(record, action, extra)),
  };
}
