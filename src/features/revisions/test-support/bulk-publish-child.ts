// Run as a child process by the kill test: publishes every sample assessment in one bulk
// publication and, once the revisions are written but not committed, says so and waits to be killed.
import { openPgliteStore, openPostgresStore } from '../../../store/database.ts';
import { selectCurrentDocuments } from '../revisions.repository.ts';
import { publishAssessments } from '../revisions.usecases.ts';

const [target = ''] = process.argv.slice(2);
const store = target.startsWith('postgres') ? await openPostgresStore(target) : await openPgliteStore(target);
const current = await selectCurrentDocuments(store.db);
process.stdout.write('publishing\n');
await publishAssessments(
  store.db,
  current.map((row) => ({ document: { ...row.document, verdict: 'Changed by the bulk publication.' }, expectedRevision: row.revision })),
  {
    note: 'Bulk publication killed mid-way',
    author: 'kill test',
    onPublished: async (_transaction, revisions) => {
      process.stdout.write(`written ${revisions.length}\n`);
      await new Promise(() => undefined);
    },
  },
);
