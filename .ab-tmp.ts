// Throw-away: CPU per query of the index without and with the ESCO labels, interleaved query by query in one process.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { REPOSITORY_ROOT } from './src/data-pipeline/committed-catalog.ts';
import { withCensusTitles, withOfficialTitles } from './src/features/search/added-titles.ts';
import { loadSearchEntries } from './src/features/search/search-entries.ts';
import { buildSearchIndex, search } from './src/features/search/search-index.ts';
import { ONET_FOLDER, readTsv } from './bench/search-bench-data.ts';
const base = await loadSearchEntries(REPOSITORY_ROOT);
const a = buildSearchIndex(withCensusTitles(base));
const b = buildSearchIndex(withOfficialTitles(base));
const reported = (await readTsv(join(ONET_FOLDER, 'reported-titles.tsv'))).map(([, t = '']) => t);
const colloquial = (await readFile(join(REPOSITORY_ROOT, 'bench/queries/colloquial.tsv'), 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.split('\t')[0] ?? '');
const prefixes = colloquial.flatMap((q) => Array.from({ length: Math.max(0, q.length - 2) }, (_, e) => q.slice(0, e + 3)));
const all = [...reported, ...colloquial, ...prefixes];
for (const q of all.slice(0, 2000)) { search(a, q); search(b, q); }
const ta: number[] = [], tb: number[] = [];
const time = (index: typeof a, q: string) => { const s = process.cpuUsage(); search(index, q, { limit: 10 }); const u = process.cpuUsage(s); return (u.user + u.system) / 1000; };
for (let r = 0; r < 3; r++) for (const [i, q] of all.entries()) { if ((i + r) % 2) { ta.push(time(a, q)); tb.push(time(b, q)); } else { tb.push(time(b, q)); ta.push(time(a, q)); } }
const p = (t: number[], s: number) => t[Math.min(t.length - 1, Math.floor(s * t.length))]!.toFixed(3);
const mean = (t: number[]) => (t.reduce((x, y) => x + y, 0) / t.length).toFixed(4);
for (const [n, t] of [['without ESCO', ta], ['with ESCO', tb]] as const) { t.sort((x, y) => x - y); console.log(`${n}: forms ${n === 'with ESCO' ? b.formTitle.length : a.formTitle.length}  mean ${mean(t)}  p50 ${p(t, 0.5)}  p95 ${p(t, 0.95)}  p99 ${p(t, 0.99)} ms CPU`); }
console.log('load', loadavg().map((v) => v.toFixed(2)).join(' '));
