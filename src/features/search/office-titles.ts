/**
 * Titles O*NET never lists verbatim: elected and appointed offices, and military ranks and
 * specialities. Offices map to the occupation that does the same job, with the reason shown to
 * the reader; military titles map to no civilian occupation at all, so search says so and offers
 * the nearest civilian ones instead of a confident wrong answer.
 */

/** An office or rank title that stands for an occupation O*NET describes under another name. */
export interface OfficeTitle {
  title: string;
  onetCode: string;
  /** Why the office belongs to that occupation, in a few words ("elected officials who head a government"). */
  reason: string;
}

const HEAD_OF_GOVERNMENT = 'elected officials who head a government';
const TOP_EXECUTIVE = 'appointed officials who head a government department or agency';
const LAWMAKER = 'elected members of a law-making body';
const UNIVERSITY_HEAD = 'heads of a university or college';

export const OFFICE_TITLES: readonly OfficeTitle[] = [
  { title: 'Mayor', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Deputy Mayor', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Lord Mayor', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Governor', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Lieutenant Governor', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'President', onetCode: '11-1011.00', reason: 'the heads of a country, company or organisation' },
  { title: 'Prime Minister', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Premier', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Minister', onetCode: '11-1011.00', reason: 'members of a government who head a ministry' },
  { title: 'Secretary of State', onetCode: '11-1011.00', reason: 'members of a government who head a department' },
  { title: 'Cabinet Secretary', onetCode: '11-1011.00', reason: 'members of a government who head a department' },
  { title: 'County Executive', onetCode: '11-1011.00', reason: HEAD_OF_GOVERNMENT },
  { title: 'Commissioner', onetCode: '11-1011.00', reason: TOP_EXECUTIVE },
  { title: 'Ambassador', onetCode: '11-1011.00', reason: 'heads of a country’s diplomatic mission abroad' },
  { title: 'Consul General', onetCode: '11-1011.00', reason: 'heads of a country’s consular office abroad' },
  { title: 'Permanent Secretary', onetCode: '11-1011.00', reason: TOP_EXECUTIVE },
  { title: 'Chief Technology Officer', onetCode: '11-3021.00', reason: 'the executives who head a company’s technology' },
  { title: 'Chief Information Security Officer', onetCode: '11-3021.00', reason: 'the executives who head a company’s information security' },
  { title: 'Chief Data Officer', onetCode: '11-3021.00', reason: 'the executives who head a company’s data and information systems' },
  { title: 'Chief Digital Officer', onetCode: '11-3021.00', reason: 'the executives who head a company’s digital systems' },
  { title: 'Chief People Officer', onetCode: '11-3121.00', reason: 'the executives who head human resources' },
  { title: 'Chief Nursing Officer', onetCode: '11-9111.00', reason: 'the executives who head nursing in a health system' },
  { title: 'Chief Medical Officer', onetCode: '11-9111.00', reason: 'the executives who head medical services' },
  { title: 'Chief Revenue Officer', onetCode: '11-2022.00', reason: 'the executives who head sales' },
  { title: 'Chief Legal Officer', onetCode: '23-1011.00', reason: 'the lawyers who head a company’s legal function' },
  { title: 'General Counsel', onetCode: '23-1011.00', reason: 'the lawyers who head a company’s legal function' },
  { title: 'Senator', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Congressman', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Congresswoman', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Member of Congress', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Member of Parliament', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'MP', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Assemblyman', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Assemblywoman', onetCode: '11-1031.00', reason: LAWMAKER },
  { title: 'Alderman', onetCode: '11-1031.00', reason: 'elected members of a city council' },
  { title: 'Councillor', onetCode: '11-1031.00', reason: 'elected members of a council' },
  { title: 'Councilor', onetCode: '11-1031.00', reason: 'elected members of a council' },
  { title: 'Councilman', onetCode: '11-1031.00', reason: 'elected members of a council' },
  { title: 'Councilwoman', onetCode: '11-1031.00', reason: 'elected members of a council' },
  { title: 'Chancellor', onetCode: '11-9033.00', reason: UNIVERSITY_HEAD },
  { title: 'Vice Chancellor', onetCode: '11-9033.00', reason: UNIVERSITY_HEAD },
  { title: 'Provost', onetCode: '11-9033.00', reason: 'senior academic officers of a university' },
  { title: 'Rector', onetCode: '11-9033.00', reason: UNIVERSITY_HEAD },
  { title: 'Dean', onetCode: '11-9033.00', reason: 'heads of a faculty or of student affairs at a college' },
];

/** A group of military titles and the civilian occupations nearest to them. */
export interface MilitaryGroup {
  /** Single words and phrases (normalized, unstemmed) that only the military uses as a job title. */
  titles: readonly string[];
  reason: string;
  /** The nearest civilian occupations, best first. */
  nearest: readonly { onetCode: string; why: string }[];
}

const NCO_NEAREST = [
  { onetCode: '33-1012.00', why: 'supervises police officers' },
  { onetCode: '33-1091.00', why: 'supervises security workers' },
  { onetCode: '33-1011.00', why: 'supervises correctional officers' },
];
const OFFICER_NEAREST = [
  { onetCode: '11-1011.00', why: 'heads a large organisation' },
  { onetCode: '11-9161.00', why: 'directs emergency operations' },
  { onetCode: '11-1021.00', why: 'directs operations' },
];
const ENLISTED_NEAREST = [
  { onetCode: '33-3051.00', why: 'armed public safety work' },
  { onetCode: '33-9032.00', why: 'guarding people and property' },
  { onetCode: '33-2011.00', why: 'emergency response in a uniformed service' },
];

export const MILITARY_GROUPS: readonly MilitaryGroup[] = [
  {
    titles: ['sergeant', 'staff sergeant', 'master sergeant', 'sergeant major', 'corporal', 'lance corporal', 'petty officer', 'chief petty officer', 'warrant officer'],
    reason: 'military ranks have no civilian O*NET occupation',
    nearest: NCO_NEAREST,
  },
  {
    titles: [
      'lieutenant',
      'second lieutenant',
      'first lieutenant',
      'colonel',
      'lieutenant colonel',
      'general',
      'brigadier',
      'brigadier general',
      'major general',
      'lieutenant general',
      'admiral',
      'rear admiral',
      'vice admiral',
      'commodore',
    ],
    reason: 'military ranks have no civilian O*NET occupation',
    nearest: OFFICER_NEAREST,
  },
  {
    titles: ['private', 'private first class', 'airman', 'airman first class', 'seaman', 'seaman recruit', 'able seaman', 'soldier', 'trooper', 'marine'],
    reason: 'military ranks have no civilian O*NET occupation',
    nearest: ENLISTED_NEAREST,
  },
  {
    titles: [
      'infantryman',
      'infantry',
      'infantry soldier',
      'rifleman',
      'artilleryman',
      'artillery',
      'gunner',
      'paratrooper',
      'special forces',
      'special forces operator',
      'commando',
      'ranger',
      'combat engineer',
      'sapper',
      'tank crewman',
      'cavalry scout',
    ],
    reason: 'military specialities have no civilian O*NET occupation',
    nearest: ENLISTED_NEAREST,
  },
];
