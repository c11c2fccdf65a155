import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessage } from '../../../src/modules/cases/case-messages.ts';
import { CaseErasedError } from '../../../src/modules/cases/live-case.ts';
import { prepareFile } from '../../../src/modules/files/store-file.ts';
import { addInformation, evidenceAccept } from '../../../src/modules/receipt/add-information.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { publicCase, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

/**
 * Writes that add personal data to a case hold the case row against erasure inside their own
 * transaction: a case erased before the insert (here, before the call) takes nothing.
 */
describe(`writes to an erased case on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  });
  afterAll(() => world.context.close());

  async function erasedCase(): Promise<string> {
    const created = await publicCase(world);
    await world.db
      .updateTable('cases')
      .set({ erased_at: new Date(), receipt_hash: null, narrative_enc: null })
      .where('id', '=', created.id)
      .execute();
    return created.id;
  }

  async function counts(caseId: string) {
    const { db } = world;
    const count = async (table: 'case_messages' | 'case_events' | 'case_documents') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const files = Number(
      (
        await db
          .selectFrom('stored_files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    return {
      messages: await count('case_messages'),
      events: await count('case_events'),
      documents: await count('case_documents'),
      files,
    };
  }

  it('a reporter message is refused and nothing is stored', async () => {
    const caseId = await erasedCase();
    const before = await counts(caseId);
    await expect(
      postMessage(world.db, world.context.config, {
        caseId,
        direction: 'from_reporter',
        body: 'MARCATORE-ERASED messaggio',
        authorUserId: null,
      }),
    ).rejects.toBeInstanceOf(CaseErasedError);
    expect(await counts(caseId)).toEqual(before);
  });

  it('added information (text and a file) is refused and nothing is stored', async () => {
    const caseId = await erasedCase();
    const before = await counts(caseId);
    const file = await prepareFile({
      bytes: Buffer.from('prova'),
      fileName: 'prova.txt',
      accept: evidenceAccept,
    });
    const refused = addInformation(world.db, world.context.config, {
      caseId,
      text: 'MARCATORE-ERASED aggiunta',
      files: [file],
    });
    await expect(refused).rejects.toBeInstanceOf(CaseErasedError);
    await expect(refused).rejects.toMatchObject({ status: 409 });
    expect(await counts(caseId)).toEqual(before);
  });

  it('a message from the desk answers 409 and stores nothing', async () => {
    const caseId = await erasedCase();
    const before = await counts(caseId);
    const response = await world.operator.client.post(`/api/cases/${caseId}/messages`, {
      body: 'MARCATORE-ERASED risposta',
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(await counts(caseId)).toEqual(before);
  });

  // PGlite has one connection: the race needs two, so it runs on PostgreSQL only.
  it.runIf(testDatabaseKind === 'postgresql')(
    'a message racing the erase job waits for it and is then refused',
    async () => {
      const created = await publicCase(world);
      const caseId = created.id;
      const before = await counts(caseId);
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      let erase!: () => void;
      const mayErase = new Promise<void>((resolve) => (erase = resolve));
      // The erase job's shape: lock the row FOR UPDATE, then erase, in one transaction.
      const eraser = world.db.transaction().execute(async (trx) => {
        await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
        locked();
        await mayErase;
        await trx
          .updateTable('cases')
          .set({ erased_at: new Date(), receipt_hash: null })
          .where('id', '=', caseId)
          .execute();
      });
      await isLocked;
      const posting = postMessage(world.db, world.context.config, {
        caseId,
        direction: 'from_reporter',
        body: 'MARCATORE-ERASED in corsa',
        authorUserId: null,
      });
      const outcome = posting.then(
        () => 'stored',
        (error: unknown) => (error instanceof CaseErasedError ? 'refused' : error),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      erase();
      await eraser;
      expect(await outcome).toBe('refused');
      expect(await counts(caseId)).toEqual(before);
    },
  );

  it('a live case still takes messages and information', async () => {
    const created = await publicCase(world);
    await postMessage(world.db, world.context.config, {
      caseId: created.id,
      direction: 'from_reporter',
      body: 'ciao',
      authorUserId: null,
    });
    const added = await addInformation(world.db, world.context.config, {
      caseId: created.id,
      text: 'altro',
      files: [],
    });
    expect(added.eventId).toBeGreaterThan(0);
    const response = await world.operator.client.post(`/api/cases/${created.id}/messages`, {
      body: 'risposta',
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});
