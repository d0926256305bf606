import { describe, expect, it } from 'vitest';
import { buildCompareView, comparePath, parseRoleTokens } from './compare-view.ts';
import { gatherCompareInput } from '../../features/site-pages/compare-input.ts';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = await committedReadModel();
const compare = (query: Record<string, string>) => buildCompareView(gatherCompareInput(model, new URLSearchParams(query)));

describe('comparing roles', () => {
  it('reads role tokens, dropping blanks and repeats', () => {
    expect(parseRoleTokens(' registered-nurses, ,Multimodal-AI-Engineer/mid-level,registered-nurses ')).toEqual({ tokens: ['registered-nurses', 'multimodal-ai-engineer/mid-level'], unread: 0 });
    expect(parseRoleTokens(null)).toEqual({ tokens: [], unread: 0 });
  });

  it('reads at most twelve roles from a long address and lists at most five problems, saying what was cut', () => {
    const roles = Array.from({ length: 2_000 }, (_, index) => `r${index}`).join(',');
    const view = compare({ roles });
    const texts = view.messages.map((message) => message.text);
    expect(texts).toHaveLength(7);
    expect(texts[0]).toBe('The address names 2000 roles; only the first 12 were read, and a comparison shows at most 4.');
    expect(texts.slice(1, 5).every((text) => text.startsWith('No assessed role has the address'))).toBe(true);
    expect(texts.at(-1)).toBe('8 more problems with the roles in the address are not shown.');
  });

  it('shows two roles side by side with every figure and a shareable URL', () => {
    const view = compare({ roles: 'multimodal-ai-engineer,registered-nurses/all-levels' });
    expect(view.ready).toBe(true);
    expect(view.messages).toEqual([]);
    expect(view.sharePath).toBe('/compare?roles=multimodal-ai-engineer,registered-nurses');
    expect(view.columns.map((column) => column.summary.scoreText)[0]).toBe('64.0');
    const raw = view.rows.find((row) => row.label === 'Raw');
    expect(raw?.cells[0]).toBe('5.6178');
    expect(view.rows.find((row) => row.label === 'Task resistance TR')?.cells[0]).toBe('3.65');
    expect(view.rows.find((row) => row.label === 'Uncertainty band')?.cells[0]).toBe('59.2–68.9, zone holds');
    expect(view.columns[0]?.composition.map((bar) => bar.value)).toEqual([36.5, 16, 4.5, 2.2, 5]);
    expect(view.columns[0]?.removeHref).toBe('/compare?roles=registered-nurses');
  });

  it('names an unknown role and an unknown seniority, and asks for a second role', () => {
    const view = compare({ roles: 'no-such-role,multimodal-ai-engineer/executive,registered-nurses' });
    expect(view.ready).toBe(false);
    expect(view.messages.map((message) => message.text)).toEqual([
      'No assessed role has the address “no-such-role”. Search for the job by name in the box below.',
      'Multimodal AI Engineer is not assessed at “executive”; it is assessed at: Mid-level.',
      'Pick one more role to compare: search by job title below.',
    ]);
    expect(view.columns).toHaveLength(1);
  });

  it('asks for two roles when none are given', () => {
    const view = compare({});
    expect(view.columns).toEqual([]);
    expect(view.messages).toEqual([{ kind: 'note', text: 'Pick two roles to compare: search by job title below.' }]);
    expect(view.canAdd).toBe(true);
  });

  it('compares at most four roles and says which were left out', () => {
    const view = compare({ roles: 'registered-nurses,accountants-and-auditors,roofers,electricians,telemarketers' });
    expect(view.columns).toHaveLength(4);
    expect(view.canAdd).toBe(false);
    expect(view.messages[0]?.text).toBe('A comparison holds at most 4 roles; these were left out: Telemarketers.');
  });

  it('adds a role by the top search hit and redirects to the shareable URL', () => {
    const view = compare({ roles: 'multimodal-ai-engineer', add: 'RN' });
    expect(view.redirectTo).toBe('/compare?roles=multimodal-ai-engineer,registered-nurses');
  });

  it('adds a role given by its exact address, as the typeahead sends it', () => {
    expect(compare({ roles: 'roofers', add: 'telemarketers' }).redirectTo).toBe('/compare?roles=roofers,telemarketers');
  });

  it('explains when an added role matches nothing, is already there, or would make five', () => {
    expect(compare({ roles: 'roofers', add: 'qqqxxzz' }).messages[0]?.text).toBe('No role matched “qqqxxzz”. Try another title, such as “nurse” or “data scientist”.');
    expect(compare({ roles: 'roofers,registered-nurses', add: 'registered nurse' }).messages[0]?.text).toBe('Registered Nurses is already in the comparison.');
    const full = compare({ roles: 'registered-nurses,accountants-and-auditors,roofers,electricians', add: 'telemarketer' });
    expect(full.redirectTo).toBeNull();
    expect(full.messages[0]?.text).toBe('A comparison holds at most 4 roles. Remove one before adding Telemarketers.');
  });

  it('gives each role what a career switcher compares: score with range, pay, outlook, education and shared tasks', () => {
    const view = compare({ roles: 'registered-nurses,critical-care-nurses,roofers' });
    const [nurses, critical, roofers] = view.columns;
    expect(nurses?.facts).toMatchObject({ wageText: '$93,600 a year', outlookText: '+4.9% jobs by 2034', outlookWords: 'growing about as fast as average', educationText: "Bachelor's degree" });
    expect(nurses?.rangeText).toMatch(/^\d+\.\d–\d+\.\d$/);
    expect(nurses?.description).toMatch(/^Assess patient health problems/);
    expect(nurses?.statusText).toBe('Automated estimate');
    expect(nurses?.shared.map((task) => task.with)).toContain('Critical Care Nurses');
    expect(critical?.sharedText).toMatch(/^\d+ tasks? in common with the other roles\.$/);
    expect(roofers?.sharedText).toBe('No tasks in common with the other roles.');
    expect(view.sharedTasks.every((task) => task.roles.length >= 2 && !task.roles.includes('Roofers'))).toBe(true);
    expect(view.scaleZones.map((zone) => [zone.zone, zone.from, zone.to])).toEqual([['Red', 0, 25], ['Yellow', 25, 48], ['Green', 48, 100]]);
    for (const column of view.columns) {
      expect(column.scale.from).toBeLessThanOrEqual(column.scale.score);
      expect(column.scale.score).toBeLessThanOrEqual(column.scale.to);
    }
  });

  it('says honestly when the roles share no tasks', () => {
    const view = compare({ roles: 'roofers,telemarketers' });
    expect(view.sharedTasks).toEqual([]);
    expect(view.sharedSummary).toMatch(/^These roles share no tasks/);
    expect(view.columns.map((column) => column.sharedText)).toEqual(['No tasks in common with the other role.', 'No tasks in common with the other role.']);
  });

  it('keeps formula shorthand out of what the cards say', () => {
    const view = compare({ roles: 'registered-nurses,roofers,multimodal-ai-engineer' });
    const cardText = JSON.stringify(view.columns.map(({ composition: _c, compositionText: _t, ...card }) => card));
    expect(cardText).not.toMatch(/\b(TR|EM|BM|GM|Raw|T3|T4)\b/);
  });

  it('writes compare paths with readable commas and slashes', () => {
    expect(comparePath(['a', 'b/senior'])).toBe('/compare?roles=a,b/senior');
    expect(comparePath([])).toBe('/compare');
  });
});
