import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from '../src/stacks/api-stack';
import { ConsoleReleaseStack } from '../src/stacks/console-release-stack';
import { ConsoleStack } from '../src/stacks/console-stack';
import { DataStack } from '../src/stacks/data-stack';
import { IdentityStack } from '../src/stacks/identity-stack';
import { APPLICATION_NAME, stageFromContext } from '../src/stage';

const app = new App();
const stage = stageFromContext(app);
const stackName = (part: string) => `${APPLICATION_NAME}-${stage.name}-${part}`;
// In prod, `cdk destroy` and a stack deletion in the console are refused until protection is turned off.
const common = { stage, terminationProtection: stage.protectData };

const data = new DataStack(app, stackName('Data'), common);
const identity = new IdentityStack(app, stackName('Identity'), common);
const consoleHosting = new ConsoleStack(app, stackName('Console'), common);
const api = new ApiStack(app, stackName('Api'), { ...common, data, identity, console: consoleHosting });
new ConsoleReleaseStack(app, stackName('ConsoleRelease'), { ...common, console: consoleHosting, api, identity });

// Acknowledged findings are also written into the templates' metadata, for auditors who read templates.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
