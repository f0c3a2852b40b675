import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from './local-stack';

/** A cloud assembly that `cdk synth` wrote, read back for assertions. */
export class SynthesizedStage {
  constructor(
    readonly stage: string,
    readonly outdir: string,
  ) {}

  /** The template of one stack of the stage, e.g. `Api`. */
  template(stack: string): CloudFormationTemplate {
    return this.json(`Yizhan-${this.stage}-${stack}.template.json`) as CloudFormationTemplate;
  }

  /** The staged directory of a Lambda function's code, found from its `Code.S3Key`. */
  functionCodeDirectory(stack: string, logicalIdPrefix: string): string {
    const [, resource] = Object.entries(this.template(stack).Resources).find(
      ([id, candidate]) => candidate.Type === 'AWS::Lambda::Function' && id.startsWith(logicalIdPrefix),
    )!;
    const key = String((resource.Properties.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
    return join(this.outdir, `asset.${key}`);
  }

  /** Every staged asset directory of the assembly. */
  assetDirectories(): string[] {
    return readdirSync(this.outdir)
      .filter((name) => name.startsWith('asset.') && !name.endsWith('.zip'))
      .map((name) => join(this.outdir, name));
  }

  json(file: string): unknown {
    return JSON.parse(readFileSync(join(this.outdir, file), 'utf8'));
  }
}

export interface CloudFormationResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly Metadata?: Record<string, unknown>;
}

export interface CloudFormationTemplate {
  readonly Resources: Record<string, CloudFormationResource>;
  readonly Outputs?: Record<string, unknown>;
  readonly Parameters?: Record<string, unknown>;
  readonly Conditions?: Record<string, unknown>;
}

/**
 * `npm run synth -- -c stage=<stage> …` as a DevOps engineer runs it, bundling included, into
 * `outdir`. No AWS credentials are needed or used. Rejects with the CLI's output when the
 * synthesis fails, e.g. on an unacknowledged cdk-nag finding.
 */
export async function synthesize(stage: string, outdir: string, context: Record<string, string> = {}): Promise<SynthesizedStage> {
  const contextArguments = Object.entries({ stage, ...context }).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, AWS_SESSION_TOKEN: _token, AWS_PROFILE: _profile, ...environment } = process.env;
  await promisify(execFile)('npm', ['run', '--silent', 'synth', '--', ...contextArguments, '-o', outdir], {
    cwd: root,
    env: environment,
    maxBuffer: 16 * 1024 * 1024,
  });
  return new SynthesizedStage(stage, outdir);
}
