// Runs first: the shim the webServer started must be the one these
// tests expect, with the example council loaded. Its teardown project
// (no-card-data) runs after every browser test, passed or failed.
import { expect, test as setup } from '@playwright/test';
import { EXAMPLE_KEY } from './support/api';

setup('the shim serves the example council and its demo', async ({
  request,
}) => {
  const demo = await request.get('/');
  expect(demo.status(), 'the demo needs councils/example').toBe(200);
  const search = await request.get('/v1/payments', {
    headers: { Authorization: `Bearer ${EXAMPLE_KEY}` },
  });
  expect(search.status(), "the example council's key works").toBe(200);
});
