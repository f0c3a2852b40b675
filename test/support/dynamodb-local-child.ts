/*
 * A Node process for test/local-stack.test.ts that starts DynamoDB Local, prints the Java pid as
 * JSON, and then ends the way argv[2] says, so the test can check that no Java is left behind.
 */
import { startDynamoDbLocal } from '../../api/src/local/dynamodb-local';

const ending = process.argv[2];
if (ending === 'own-handler') {
  // As `npm start` does: a handler of its own that cleans up asynchronously, then exits.
  process.once('SIGTERM', () => setTimeout(() => process.exit(0), 100));
}

const dynamoDbLocal = await startDynamoDbLocal();
console.log(JSON.stringify({ javaPid: dynamoDbLocal.pid }));

if (ending === 'exit') process.exit(3);
if (ending === 'throw') setTimeout(() => { throw new Error('crash for the test'); }, 10);
// Otherwise the running child keeps this process alive until the test sends a signal.
