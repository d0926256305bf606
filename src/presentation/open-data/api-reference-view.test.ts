import { beforeAll, expect, it } from 'vitest';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { buildApiReferenceView } from './api-reference-view.ts';
import { gatherApiReferenceInput } from '../../features/open-data/api-reference-input.ts';
import { API_ROUTES } from '../../features/open-data/api-routes.ts';

let model: ReadModel;
beforeAll(async () => {
  model = await committedReadModel();
}, 60_000);

it('the reference lists every route with its parameters and a curl command a newcomer can paste', () => {
  const view = buildApiReferenceView(gatherApiReferenceInput(model, { publicUrl: 'https://jobzone.test' }));
  expect(view.routes.map((route) => `${route.method} ${route.path}`)).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`));
  const roles = view.routes.find((route) => route.anchor === 'listRoles');
  expect(roles?.parameters.map((parameter) => parameter.name)).toEqual(['category', 'zone', 'status', 'seniority', 'minScore', 'maxScore', 'sort', 'limit', 'cursor']);
  expect(roles?.curl).toBe("curl -s 'https://jobzone.test/api/v1/roles?zone=green&status=expert&limit=2'");
  const personal = view.routes.find((route) => route.anchor === 'personalScore');
  expect(personal?.curl).toContain("-H 'Content-Type: application/json'");
  expect(personal?.parameters.filter((parameter) => parameter.where === 'body').map((parameter) => parameter.name)).toContain('role');
  expect(view.quickStart).toMatch(/^curl -s 'https:\/\/jobzone\.test\/api\/v1\/roles\/[a-z0-9-]+\/[a-z0-9-]+'$/);
  const assessment = view.routes.find((route) => route.anchor === 'getAssessment');
  expect(assessment?.exampleCut).toBe(true);
  expect(assessment?.exampleAnswer.split('\n')).toHaveLength(40);
  expect(view.problems.map((problem) => problem.status)).toContain(429);
});
