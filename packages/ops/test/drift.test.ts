import { describe, expect, it } from 'vitest';
import { driftBetween } from '../src/drift.ts';

/** What a service stack was deployed with against what the platform's SSM parameters say now. */
const P = '/cocreate/hubei-cn/platform';

describe('pnpm ops drift', () => {
  it('names each service stack deployed with a platform value that has changed since, and nothing else', () => {
    const platform = { [`${P}/alarm-topic-arn`]: 'arn:aws-cn:sns:cn-north-1:1:new', [`${P}/evidence-bucket-name`]: 'bucket' };
    const drift = driftBetween(platform, [
      {
        stackName: 'cocreate-hubei-cn-projects',
        parameters: [
          { ssmName: `${P}/alarm-topic-arn`, resolvedValue: 'arn:aws-cn:sns:cn-north-1:1:old' },
          { ssmName: `${P}/evidence-bucket-name`, resolvedValue: 'bucket' },
        ],
      },
      {
        stackName: 'cocreate-hubei-cn-rewards',
        parameters: [{ ssmName: `${P}/alarm-topic-arn`, resolvedValue: 'arn:aws-cn:sns:cn-north-1:1:new' }],
      },
      { stackName: 'cocreate-hubei-cn-feeds', parameters: [{ ssmName: `${P}/evidence-key-arn`, resolvedValue: 'k' }] },
      { stackName: 'cocreate-hubei-cn-programme' },
    ]);
    expect(drift).toEqual([
      {
        stackName: 'cocreate-hubei-cn-projects',
        parameter: `${P}/alarm-topic-arn`,
        deployed: 'arn:aws-cn:sns:cn-north-1:1:old',
        current: 'arn:aws-cn:sns:cn-north-1:1:new',
        issue: 'changed',
      },
      { stackName: 'cocreate-hubei-cn-feeds', parameter: `${P}/evidence-key-arn`, deployed: 'k', issue: 'missing-parameter' },
      { stackName: 'cocreate-hubei-cn-programme', parameter: '-', issue: 'stack-not-deployed' },
    ]);
  });

  it('finds none when every stack was deployed with the current values', () => {
    expect(driftBetween({ [`${P}/a`]: '1' }, [{ stackName: 's', parameters: [{ ssmName: `${P}/a`, resolvedValue: '1' }] }])).toEqual([]);
  });
});
