import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogToLoad } from '../catalog/catalog-source.ts';
import { buildReadModel, type ReadModel } from './read-model.ts';
import { readModelInputFromFiles } from './read-model-from-files.ts';
import { findAssessment, peersOf, rankAssessments, recentlyUpdated, searchRoles, zoneDistribution } from './read-model.queries.ts';

let model: ReadModel;
let input: ReturnType<typeof readModelInputFromFiles>;

beforeAll(async () => {
  input = readModelInputFromFiles(await readCatalogToLoad());
  model = buildReadModel(input);
});

describe('rebuilding the read model after a publication', () => {
  it('keeps the search index while titles and descriptions are unchanged, and builds a new one when a title changes', () => {
    const rebuilt = buildReadModel(input);
    expect(rebuilt.version).not.toBe(model.version);
    expect(rebuilt.search).toBe(model.search);
    const renamed = { ...input, titles: input.titles.map((title, index) => (index === 0 ? { ...title, title: `${title.title} Specialist` } : title)) };
    const withNewTitle = buildReadModel(renamed);
    expect(withNewTitle.search).not.toBe(model.search);
    expect(searchRoles(withNewTitle, `${input.titles[0]?.title ?? ''} Specialist`)[0]?.matchedTitle).toBe(`${input.titles[0]?.title ?? ''} Specialist`);
  });
});

describe('the read model of the published catalog', () => {
  it('holds every occupation’s baseline and the expert assessment', () => {
    expect(model.occupations.size).toBe(923);
    expect(model.assessments.size).toBe(924);
    const zones = zoneDistribution(model);
    expect(zones.Green + zones.Yellow + zones.Red).toBe(924);
    expect(model.categories.reduce((total, category) => total + category.count, 0)).toBe(924);
  });

  it('finds a role at its default seniority: mid-level for the expert role, all-levels for a baseline', () => {
    expect(findAssessment(model, 'multimodal-ai-engineer')?.entry).toMatchObject({ seniority: 'mid-level', status: 'expert', figures: { score: 64, label: 'Green (Accelerated)' } });
    expect(findAssessment(model, 'roofers')?.entry).toMatchObject({ seniority: 'all-levels', status: 'baseline', onetCode: '47-2181.00' });
    expect(findAssessment(model, 'roofers', 'senior')).toBeNull();
    expect(findAssessment(model, 'no-such-role')).toBeNull();
  });

  it('lists the expert role under the occupation it maps to', () => {
    expect(model.occupations.get('15-1221.00')?.expertRoleSlugs).toEqual(['multimodal-ai-engineer']);
  });

  it('ranks by score, highest first, and filters by zone and status', () => {
    const ranked = rankAssessments(model);
    expect(ranked[0]!.figures.score).toBeGreaterThanOrEqual(ranked[1]!.figures.score);
    expect(rankAssessments(model, { zone: 'Red' }).every((entry) => entry.figures.zone === 'Red')).toBe(true);
    expect(rankAssessments(model, { status: 'expert' }).map((entry) => entry.key)).toEqual(['multimodal-ai-engineer/mid-level']);
    const ascending = rankAssessments(model, { sort: 'score-asc' });
    expect(ascending[0]!.figures.score).toBeLessThanOrEqual(ascending.at(-1)!.figures.score);
  });

  it('names the nearest roles by score in the same category as peers', () => {
    const { entry } = findAssessment(model, 'roofers')!;
    const peers = peersOf(model, entry, 3);
    expect(peers).toHaveLength(3);
    expect(peers.every((peer) => peer.category === entry.category && peer.roleSlug !== 'roofers')).toBe(true);
    const farthest = Math.max(...peers.map((peer) => Math.abs(peer.figures.score - entry.figures.score)));
    const others = model.ranked.filter((other) => other.category === entry.category && other.roleSlug !== 'roofers' && !peers.includes(other));
    expect(others.every((other) => Math.abs(other.figures.score - entry.figures.score) >= farthest)).toBe(true);
  });

  it('finds roles by title, including an expert role by its own title and aliases', () => {
    expect(searchRoles(model, 'RN', 3)[0]).toMatchObject({ slug: 'registered-nurses', entry: { status: 'baseline' } });
    expect(searchRoles(model, 'multimodal ai engineer', 3)[0]).toMatchObject({ slug: 'multimodal-ai-engineer', entry: { status: 'expert' } });
    expect(searchRoles(model, 'vision-language engineer', 3)[0]?.slug).toBe('multimodal-ai-engineer');
  });

  it('finds an occupation by an official title of the Census index, as the CLI and the benchmarks do', () => {
    const [first] = searchRoles(model, 'County Administrator', 3);
    expect(first).toMatchObject({ slug: 'chief-executives', matchedTitle: 'County Administrator' });
    expect(first?.explanation).toBe('Matches an official title of the Census occupation index: “County Administrator”');
  });

  it('lists recently updated assessments newest first', () => {
    const recent = recentlyUpdated(model, 5);
    expect(recent).toHaveLength(5);
    expect(recent[0]!.status).toBe('expert');
  });
});
