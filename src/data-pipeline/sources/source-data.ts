import { isDirectory } from '../../shared/files.ts';
import { readBlsData, type BlsData } from './bls-files.ts';
import { SourceFileError } from './delimited-table.ts';
import { readEloundouData, type EloundouData } from './eloundou-files.ts';
import { readExposureData, type ExposureData } from './exposure-files.ts';
import { readOnetData, type OnetData } from './onet-files.ts';

/** Every raw file the catalog is built from, read and checked. */
export interface SourceData {
  onet: OnetData;
  eloundou: EloundouData;
  bls: BlsData;
  exposure: ExposureData;
}

/** Reads the source data folder (../shared/data); fails with file, line and field on a bad row. */
export async function readSourceData(dataDir: string, onFile: (what: string) => void = () => {}): Promise<SourceData> {
  if (!(await isDirectory(dataDir))) throw new SourceFileError(`${dataDir}: not a folder; expected the source data folder described in docs/baseline-method.md`);
  onFile('O*NET');
  const onet = await readOnetData(dataDir);
  onFile('Eloundou et al. task labels');
  const eloundou = await readEloundouData(dataDir);
  onFile('BLS wages and projections');
  const bls = await readBlsData(dataDir);
  onFile('published exposure indices');
  const exposure = await readExposureData(dataDir);
  return { onet, eloundou, bls, exposure };
}
