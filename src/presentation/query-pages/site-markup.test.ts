import { describe, expect, it } from 'vitest';
import { compositionChart, statusTag, zoneChip } from './site-markup.ts';

describe('markup shared by the query pages and the Astro components', () => {
  it('tags a role as expert or baseline in words', () => {
    expect(statusTag('expert')).toBe('<span class="status status--expert">Expert</span>');
    expect(statusTag('baseline')).toBe('<span class="status status--baseline">Baseline</span>');
  });

  it('names the zone of a chip, or its label escaped', () => {
    expect(zoneChip('Green')).toBe('<span class="zone zone--green">Green</span>');
    expect(zoneChip('Red', 'Red <soon> & "fast"')).toBe('<span class="zone zone--red">Red &lt;soon&gt; &amp; &quot;fast&quot;</span>');
  });

  it('draws one row per dimension, filled to its share of the weight, with every text escaped', () => {
    const html = compositionChart(
      [
        { key: 'taskResistance', label: 'Task resistance', value: 41.4, weight: 50, fill: 82.8 },
        { key: 'barriers', label: 'Barriers & <licences>', value: 12, weight: 15, fill: 80 },
      ],
      'Composition profile of "Nurses"',
      'Task resistance 41.4 of 50',
    );
    expect(html).toContain('viewBox="0 0 300 44" width="300" height="44"');
    expect(html).toContain('aria-label="Composition profile of &quot;Nurses&quot;: Task resistance 41.4 of 50"');
    expect(html).toContain('<g transform="translate(0 22)"><text x="0" y="15">Barriers &amp; &lt;licences&gt;</text>');
    expect(html).toContain('<rect class="composition__fill" x="132" y="5" width="88" height="12" rx="1"></rect>');
    expect(html).toContain('class="composition__value">12.0/15</text>');
    expect(html).not.toContain('<licences>');
  });
});
