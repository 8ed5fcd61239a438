import { describe, expect, it } from 'vitest';
import { schemaSnapshot } from './schema-snapshot.ts';

describe('the schema snapshot', () => {
  it('is what replaying every migration on an empty database gives', async () => {
    await expect(schemaSnapshot()).toMatchFileSnapshot('./schema.sql');
  });
});
