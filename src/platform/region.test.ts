// Region derivation: region names, environments and URLs → API and login base URLs; plain http refused off loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GcflowError } from '../flow/diagnostic.js';
import { isLoopbackHost, resolvePlatformHosts } from './region.js';

const cases: Array<[input: string, apiBase: string, loginBase: string]> = [
  ['us-east-1', 'https://api.mypurecloud.com', 'https://login.mypurecloud.com'],
  ['us_east_1', 'https://api.mypurecloud.com', 'https://login.mypurecloud.com'],
  ['EU-WEST-1', 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'],
  ['us_west_2', 'https://api.usw2.pure.cloud', 'https://login.usw2.pure.cloud'],
  ['us-east-2', 'https://api.use2.us-gov-pure.cloud', 'https://login.use2.us-gov-pure.cloud'],
  ['eusc-de-east-1', 'https://api.edee1.eusc-pure.cloud', 'https://login.edee1.eusc-pure.cloud'],
  ['mypurecloud.ie', 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'],
  ['usw2.pure.cloud', 'https://api.usw2.pure.cloud', 'https://login.usw2.pure.cloud'],
  ['api.mypurecloud.ie', 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'],
  ['https://api.mypurecloud.ie', 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'],
  ['https://api.mypurecloud.ie/', 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'],
  ['https://login.mypurecloud.de', 'https://api.mypurecloud.de', 'https://login.mypurecloud.de'],
  ['https://mypurecloud.com.au', 'https://api.mypurecloud.com.au', 'https://login.mypurecloud.com.au'],
  ['  apne2.pure.cloud  ', 'https://api.apne2.pure.cloud', 'https://login.apne2.pure.cloud'],
  // A newer region not in the table still follows the environment shape.
  ['zzz9.pure.cloud', 'https://api.zzz9.pure.cloud', 'https://login.zzz9.pure.cloud'],
  // Anything else with a scheme is a base URL serving API and login at the same origin.
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['http://localhost:3000', 'http://localhost:3000', 'http://localhost:3000'],
  ['http://[::1]:9000', 'http://[::1]:9000', 'http://[::1]:9000'],
  ['http://127.8.9.10:81', 'http://127.8.9.10:81', 'http://127.8.9.10:81'],
  ['https://gateway.example.com/genesys/', 'https://gateway.example.com/genesys', 'https://gateway.example.com/genesys'],
  ['https://api.mypurecloud.ie:8443', 'https://api.mypurecloud.ie:8443', 'https://api.mypurecloud.ie:8443'],
];

for (const [input, apiBase, loginBase] of cases) {
  test(`resolvePlatformHosts(${JSON.stringify(input)})`, () => {
    const hosts = resolvePlatformHosts(input);
    assert.equal(hosts.apiBase, apiBase);
    assert.equal(hosts.loginBase, loginBase);
  });
}

const refused: Array<[input: string, code: string, mentions: RegExp]> = [
  ['http://api.mypurecloud.ie', 'GCF941', /plain http/],
  ['http://example.com:8080', 'GCF941', /loopback/],
  ['http://10.0.0.5', 'GCF941', /unencrypted/],
  ['http://128.0.0.1', 'GCF941', /plain http/],
  ['ftp://127.0.0.1', 'GCF940', /protocol/],
  ['', 'GCF940', /empty/],
  ['narnia-east-1', 'GCF940', /not a known region/],
  ['127.0.0.1:8080', 'GCF940', /needs a scheme/],
  ['https://user:pw@api.mypurecloud.ie', 'GCF940', /credentials/],
];

for (const [input, code, mentions] of refused) {
  test(`resolvePlatformHosts refuses ${JSON.stringify(input)}`, () => {
    assert.throws(
      () => resolvePlatformHosts(input),
      (error: unknown) => error instanceof GcflowError && error.code === code && mentions.test(error.message),
    );
  });
}

test('isLoopbackHost: 127.0.0.0/8, localhost and ::1 only', () => {
  for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'api.localhost', '::1', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['128.0.0.1', '10.0.0.1', '0.0.0.0', 'example.com', 'localhost.example.com', '::2', '127.0.0.1.nip.io']) assert.equal(isLoopbackHost(host), false, host);
});
