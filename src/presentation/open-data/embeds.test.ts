import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { readModelFromCatalog } from '../../features/assessment-page/test-support/catalog-read-model.ts';
import type { AssessmentEntry, ReadModel } from '../../features/read-model/read-model.ts';
import { escapeXml } from '../escape.ts';
import { buildBadgeSvg } from './badge.ts';
import { buildEmbedCardView } from './embed-view.ts';
import { resolveOembed } from './embed-answers.ts';
import { gatherAssessmentAt } from '../../features/read-model/assessment-at.ts';
import { gatherOembedInput } from '../../features/open-data/oembed-input.ts';
import { jsonLdText, roleJsonLd } from './json-ld.ts';

const PUBLIC = 'https://jobzone.example';
let model: ReadModel;
let nurse: AssessmentEntry;

beforeAll(async () => {
  model = await readModelFromCatalog({ onlyBaselines: ['registered-nurses', 'roofers'] });
  const entry = model.assessments.get('registered-nurses/all-levels');
  if (!entry) throw new Error('the fixture lacks registered-nurses/all-levels');
  nurse = entry;
}, 120_000);

const oembedFor = (params: URLSearchParams) => resolveOembed(PUBLIC, params, gatherOembedInput(model, PUBLIC, params));

function withTitle(title: string): AssessmentEntry {
  return { ...nurse, title };
}

describe('the badge', () => {
  it('stays well-formed XML and shows hostile titles as text', () => {
    const svg = buildBadgeSvg(withTitle('Nurse <script>alert(1)</script> & "friends"'));
    const texts: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('text', (text) => texts.push(text));
    parser.write(svg).close();
    expect(texts.join('')).toContain('Nurse <script>alert(1)</script> & "friends"');
    expect(svg).not.toContain('<script>');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('says the zone in words next to the score', () => {
    expect(buildBadgeSvg(nurse)).toContain(`${nurse.figures.score.toFixed(1)} · ${nurse.figures.zone} zone`);
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element, whatever the data holds', () => {
    const text = jsonLdText(roleJsonLd(withTitle('</script><script>alert(1)</script>'), `${PUBLIC}/roles/x/y`, PUBLIC));
    expect(text).not.toMatch(/<\/script/i);
    expect((JSON.parse(text) as { '@graph': { name: string }[] })['@graph'][0]?.name).toBe('</script><script>alert(1)</script>');
  });

  it('leaves out the O*NET code of a role that has none', () => {
    const graph = roleJsonLd({ ...nurse, onetCode: null }, `${PUBLIC}/roles/x/y`, PUBLIC)['@graph'] as Record<string, unknown>[];
    expect(graph[0]).not.toHaveProperty('occupationalCategory');
  });
});

describe('the embed card and oEmbed', () => {
  it('builds the card only for a published assessment at that exact level', () => {
    expect(buildEmbedCardView(gatherAssessmentAt(model, 'registered-nurses', 'all-levels'), PUBLIC)?.pageUrl).toBe(`${PUBLIC}/roles/registered-nurses/all-levels`);
    expect(buildEmbedCardView(gatherAssessmentAt(model, 'registered-nurses', 'senior'), PUBLIC)).toBeNull();
    expect(buildEmbedCardView(gatherAssessmentAt(model, 'nobody', 'all-levels'), PUBLIC)).toBeNull();
  });

  it('answers oEmbed for a role page without a level with its default level, and keeps sizes within bounds', () => {
    const result = oembedFor(new URLSearchParams({ url: `${PUBLIC}/roles/registered-nurses`, maxwidth: '50', maxheight: '99999' }));
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.body.html).toContain(`src="${PUBLIC}/embed/roles/registered-nurses/all-levels"`);
    expect([result.body.width, result.body.height]).toEqual([240, 220]);
  });

  it('refuses addresses that are not our role pages and says what is expected', () => {
    for (const url of ['javascript:alert(1)', `${PUBLIC}/roles/registered-nurses/all-levels/history`, 'https://jobzone.example.evil.com/roles/registered-nurses', `${PUBLIC}/roles/../admin`]) {
      expect(oembedFor(new URLSearchParams({ url })).status).toBe(404);
    }
    const missing = oembedFor(new URLSearchParams());
    expect(missing).toMatchObject({ status: 400, message: expect.stringMatching(/url parameter is required/) });
  });

  it('reads only role pages on this site, and gathers no assessment for any other address', () => {
    expect(gatherOembedInput(model, PUBLIC, new URLSearchParams({ url: `${PUBLIC}/roles/registered-nurses/senior` }))).toEqual({ page: { slug: 'registered-nurses', seniority: 'senior' }, entry: null });
    expect(gatherOembedInput(model, PUBLIC, new URLSearchParams({ url: `${PUBLIC}/roles/registered-nurses?${'x'.repeat(500)}` }))).toEqual({ page: null, entry: null });
    expect(gatherOembedInput(model, PUBLIC, new URLSearchParams({ url: 'https://elsewhere.example/roles/registered-nurses' }))).toEqual({ page: null, entry: null });
  });
});
