import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { runReadModelContract } from '../testing/read-model.contract.js';
import { MongoReadModel } from './mongo-read-model.js';

// Only against a real server with transactions, e.g. a single-node replica set:
// `docker run -p 27017:27017 mongo:8 --replSet rs0` then `mongosh --eval 'rs.initiate()'`, and
// WRE_TEST_MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true
const url = process.env.WRE_TEST_MONGODB_URL;

if (!url) {
  process.stderr.write(
    '[skip] MongoDB integration tests: set WRE_TEST_MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true to run\n',
  );
  describe.skip('MongoReadModel (needs WRE_TEST_MONGODB_URL)', () => {
    it('runs the read-model contracts against MongoDB', () => undefined);
  });
} else {
  // One database per factory call, dropped on cleanup, so every test starts from an empty store.
  runReadModelContract('mongodb', async () => {
    const client = await new MongoClient(url).connect();
    const dbName = `wre_rm_test_${randomUUID().slice(0, 8)}`;
    const store = await MongoReadModel.fromClient(client, { dbName });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await client.db(dbName).dropDatabase();
        await client.close();
      },
    };
  });

  describe('MongoReadModel storage layout', () => {
    const dbName = `wre_rm_layout_${randomUUID().slice(0, 8)}`;
    let client: MongoClient;
    beforeAll(async () => {
      client = await new MongoClient(url).connect();
    });
    afterAll(async () => {
      await client.db(dbName).dropDatabase();
      await client.close();
    });

    it('keeps documents in rm_<collection> under _id and positions as decimal strings, across reopening', async () => {
      const first = await MongoReadModel.fromClient(client, { dbName });
      await first.transact(async (tx) => {
        await tx.put('executions', 'x1', { status: 'DONE', n: 2 });
        await tx.setCheckpoint('proj', { position: 2n ** 63n, version: 2 });
      });
      await first.ensureIndex('executions', 'status');
      await first.close();
      const db = client.db(dbName);
      expect(await db.collection('rm_executions').findOne({ _id: 'x1' as never })).toEqual({
        _id: 'x1',
        status: 'DONE',
        n: 2,
      });
      expect(await db.collection('checkpoints').findOne({ _id: 'proj' as never })).toEqual({
        _id: 'proj',
        position: '9223372036854775808',
        version: 2,
      });
      expect((await db.collection('rm_executions').indexes()).map((i) => i.name)).toContain('status_1');
      const second = await MongoReadModel.fromClient(client, { dbName });
      expect(await second.get('executions', 'x1')).toEqual({ status: 'DONE', n: 2 });
      expect(await second.getCheckpoint('proj')).toEqual({ position: 2n ** 63n, version: 2 });
      await second.close();
    });
  });
}
