import { describe, expect, it } from 'vitest';
import { createAddOptionsCache } from './add-options-cache.ts';

const hrefOf = (version: string, role: string) => `/report-related/${version}/${role}.json`;

describe('the add-a-task options kept per role and version', () => {
  it('builds the options of a role once per version', () => {
    const cache = createAddOptionsCache(10_000);
    let builds = 0;
    const build = () => {
      builds += 1;
      return '<option value="1">Chop</option>';
    };
    expect(cache.htmlFor(hrefOf('1tabc', 'chefs'), build)).toBe('<option value="1">Chop</option>');
    expect(cache.htmlFor(hrefOf('1tabc', 'chefs'), build)).toBe('<option value="1">Chop</option>');
    expect(builds).toBe(1);
  });

  it('holds no more characters than its bound, dropping the least recently used role first', () => {
    // Room for two roles of 10,000 characters (the map's own overhead per entry counts too), not three.
    const cache = createAddOptionsCache(25_000);
    const built: string[] = [];
    const of = (role: string) => cache.htmlFor(hrefOf('1tabc', role), () => (built.push(role), role.padEnd(10_000, '.')));
    of('a');
    of('b');
    of('a');
    of('c');
    expect(cache.size()).toBeLessThanOrEqual(25_000);
    of('a');
    of('b');
    expect(built).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.htmlFor(hrefOf('1tabc', 'huge'), () => 'x'.repeat(25_001))).toBe('x'.repeat(25_001));
    expect(cache.size()).toBeLessThanOrEqual(25_000);
  });

  it('forgets every role when a new read-model version is asked for', () => {
    const cache = createAddOptionsCache(10_000);
    const onlyBakers = createAddOptionsCache(10_000);
    onlyBakers.htmlFor(hrefOf('2tabd', 'bakers'), () => 'new');
    cache.htmlFor(hrefOf('1tabc', 'chefs'), () => 'old');
    expect(cache.htmlFor(hrefOf('2tabd', 'bakers'), () => 'new')).toBe('new');
    expect(cache.size()).toBe(onlyBakers.size());
    expect(cache.htmlFor(hrefOf('2tabd', 'chefs'), () => 'rebuilt')).toBe('rebuilt');
  });

  it('keeps nothing for an address that names no version', () => {
    const cache = createAddOptionsCache(10_000);
    expect(cache.htmlFor('/elsewhere', () => 'built')).toBe('built');
    expect(cache.size()).toBe(0);
  });
});
