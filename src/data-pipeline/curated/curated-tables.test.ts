import { mkdtemp, writeFile, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CURATED_DIR, mostSpecific, readCuratedTables } from './curated-tables.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function copyWith(file: string, text: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'curated-'));
  folders.push(folder);
  for (const name of ['licensing.tsv', 'union.tsv', 'physical-automation.tsv']) await copyFile(join(CURATED_DIR, name), join(folder, name));
  await writeFile(join(folder, file), text, 'utf8');
  return folder;
}

describe('the curated tables', () => {
  it('cite a source on every row and cover every SOC major group of the catalog for licensing and union membership', async () => {
    const tables = await readCuratedTables();
    for (const row of [...tables.licensing, ...tables.union, ...tables.physicalAutomation]) expect(row.citation.length, `${row.file}:${row.line}`).toBeGreaterThan(5);
    const majorGroups = ['11', '13', '15', '17', '19', '21', '23', '25', '27', '29', '31', '33', '35', '37', '39', '41', '43', '45', '47', '49', '51', '53'];
    for (const group of majorGroups) {
      expect(mostSpecific(tables.licensing, `${group}-9999.00`), `licensing row for ${group}-`).not.toBeNull();
      expect(mostSpecific(tables.union, `${group}-9999.00`), `union row for ${group}-`).not.toBeNull();
    }
  });

  it('pick the longest matching prefix', async () => {
    const tables = await readCuratedTables();
    expect(mostSpecific(tables.licensing, '29-1215.00')?.match).toBe('29-12');
    expect(mostSpecific(tables.licensing, '29-1141.01')?.match).toBe('29-1141');
    expect(mostSpecific(tables.licensing, '29-9091.00')?.match).toBe('29-9091');
    expect(mostSpecific(tables.licensing, '43-9021.00')?.match).toBe('43-');
  });

  it('reject a bad row naming file, line, field, what was found and what is expected', async () => {
    const header = 'match\tlicence\tliability\trequirement\tcitation\tconfidence\n';
    const badLevel = await copyWith('licensing.tsv', `${header}29-\t3\t1\tstate boards\tState acts\tlow\n`);
    await expect(readCuratedTables(badLevel)).rejects.toThrow(/licensing\.tsv:2: field "licence": found "3"; expected one of "0", "1", "2"/);
    const badMatch = await copyWith('licensing.tsv', `${header}doctors\t2\t2\tstate boards\tState acts\tlow\n`);
    await expect(readCuratedTables(badMatch)).rejects.toThrow(/licensing\.tsv:2: field "match": found "doctors"; expected a SOC prefix/);
    const twice = await copyWith('licensing.tsv', `${header}29-\t1\t1\ta\tState acts\tlow\n29-\t2\t1\tb\tState acts\tlow\n`);
    await expect(readCuratedTables(twice)).rejects.toThrow(/licensing\.tsv:3: field "match": found "29-" again \(first on line 2\)/);
    const both = await copyWith('union.tsv', 'match\tratePercent\tlevel\tnote\tcitation\tconfidence\n25-\t32.3\t2\tnote\tBLS\tmedium\n');
    await expect(readCuratedTables(both)).rejects.toThrow(/union\.tsv:2: field "level"/);
    const badPattern = await copyWith('physical-automation.tsv', 'match\ttechnology\ttaskPattern\tscore\tcitation\tconfidence\n53-3032\ttrucks\t(drive\t4\tcite\tlow\n');
    await expect(readCuratedTables(badPattern)).rejects.toThrow(/physical-automation\.tsv:2: field "taskPattern": found "\(drive"; expected a regular expression/);
  });

  it('allow a physical-automation prefix once per technology (ADR 0096), and no more', async () => {
    const header = 'match\ttechnology\ttaskPattern\tscore\tcitation\tconfidence\n';
    const two = await copyWith('physical-automation.tsv', `${header}53-7062.04\tsorters\tsort\t4\tTOMRA\tmedium\n53-7062.04\tforklifts\toperate forklifts\t3\tAmazon\tmedium\n`);
    expect((await readCuratedTables(two)).physicalAutomation.map((row) => row.technology)).toEqual(['sorters', 'forklifts']);
    const same = await copyWith('physical-automation.tsv', `${header}53-7062.04\tsorters\tsort\t4\tTOMRA\tmedium\n53-7062.04\tsorters\tseparate\t3\tAMP\tmedium\n`);
    await expect(readCuratedTables(same)).rejects.toThrow(/physical-automation\.tsv:3: field "match": found "53-7062\.04" again \(first on line 2\); expected each prefix once per technology/);
  });
});
