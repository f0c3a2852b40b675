export {};

declare module 'vitest' {
  /** Values that test/support/global-setup.ts provides to every test file through `inject`. */
  export interface ProvidedContext {
    /** Endpoint of the DynamoDB Local shared by the run, e.g. `http://127.0.0.1:41234`. */
    dynamodbEndpoint: string;
  }
}
