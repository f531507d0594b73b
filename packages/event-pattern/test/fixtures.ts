/** Sample events from the EventBridge user guide and the event-ruler README, shared by the tests. */

/** The EC2 state-change event used throughout the event-ruler README and the content-filtering guide. */
export const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** A minimal event whose detail is replaced per test. */
export function withDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '0',
    id: '1',
    'detail-type': 'test-detail-type',
    source: 'test-source',
    account: '123456789012',
    time: '2022-07-13T13:48:01Z',
    region: 'us-east-2',
    resources: [],
    detail,
  };
}
