import type { SearchEntry } from '../search-index.ts';

/** A small catalog in the shape of the real one: O*NET titles, alternates with spelled-out abbreviations, short titles, an expert role. */
export const FIXTURE_ENTRIES: SearchEntry[] = [
  {
    slug: 'registered-nurses',
    title: 'Registered Nurses',
    onetCode: '29-1141.00',
    socCode: '29-1141',
    employment: 3_280_000,
    titles: [
      { text: 'Registered Nurses', kind: 'onet' },
      { text: 'Registered Nurse (RN)', kind: 'alternate' },
      { text: 'RN', kind: 'short' },
      { text: 'Staff Nurse', kind: 'alternate' },
      { text: 'Nurse', kind: 'alternate' },
    ],
  },
  {
    slug: 'nursing-assistants',
    title: 'Nursing Assistants',
    onetCode: '31-1131.00',
    socCode: '31-1131',
    employment: 1_390_000,
    titles: [
      { text: 'Nursing Assistants', kind: 'onet' },
      { text: 'Certified Nursing Assistant (CNA)', kind: 'alternate' },
      { text: 'Nurse Aide', kind: 'alternate' },
    ],
  },
  {
    slug: 'database-administrators',
    title: 'Database Administrators',
    onetCode: '15-1242.00',
    socCode: '15-1242',
    employment: 140_000,
    titles: [
      { text: 'Database Administrators', kind: 'onet' },
      { text: 'Database Administrator (DBA)', kind: 'alternate' },
      { text: 'DBA', kind: 'short' },
    ],
  },
  {
    slug: 'software-developers',
    title: 'Software Developers',
    onetCode: '15-1252.00',
    socCode: '15-1252',
    employment: 1_650_000,
    titles: [
      { text: 'Software Developers', kind: 'onet' },
      { text: 'Software Engineer', kind: 'alternate' },
      { text: 'Application Developer', kind: 'alternate' },
      { text: 'Developer', kind: 'alternate' },
    ],
  },
  {
    slug: 'computer-programmers',
    title: 'Computer Programmers',
    onetCode: '15-1251.00',
    socCode: '15-1251',
    employment: 140_000,
    titles: [
      { text: 'Computer Programmers', kind: 'onet' },
      { text: 'Programmer', kind: 'alternate' },
      { text: 'Programmer Analyst', kind: 'reported' },
    ],
  },
  {
    slug: 'cashiers',
    title: 'Cashiers',
    onetCode: '41-2011.00',
    socCode: '41-2011',
    employment: 3_150_000,
    titles: [
      { text: 'Cashiers', kind: 'onet' },
      { text: 'Cashier', kind: 'alternate' },
      { text: 'Checker', kind: 'alternate' },
    ],
  },
  {
    slug: 'heavy-and-tractor-trailer-truck-drivers',
    title: 'Heavy and Tractor-Trailer Truck Drivers',
    onetCode: '53-3032.00',
    socCode: '53-3032',
    employment: 2_070_000,
    titles: [
      { text: 'Heavy and Tractor-Trailer Truck Drivers', kind: 'onet' },
      { text: 'Truck Driver', kind: 'alternate' },
      { text: 'Tractor Trailer Truck Driver', kind: 'alternate' },
    ],
  },
  {
    slug: 'light-truck-drivers',
    title: 'Light Truck Drivers',
    onetCode: '53-3033.00',
    socCode: '53-3033',
    employment: 1_100_000,
    titles: [
      { text: 'Light Truck Drivers', kind: 'onet' },
      { text: 'Truck Driver', kind: 'alternate' },
      { text: 'Delivery Driver', kind: 'alternate' },
    ],
  },
  {
    slug: 'elementary-school-teachers-except-special-education',
    title: 'Elementary School Teachers, Except Special Education',
    onetCode: '25-2021.00',
    socCode: '25-2021',
    employment: 1_350_000,
    titles: [
      { text: 'Elementary School Teachers, Except Special Education', kind: 'onet' },
      { text: 'Elementary Teacher', kind: 'alternate' },
    ],
  },
  {
    slug: 'special-education-teachers-elementary-school',
    title: 'Special Education Teachers, Elementary School',
    onetCode: '25-2056.00',
    socCode: '25-2056',
    employment: 190_000,
    titles: [
      { text: 'Special Education Teachers, Elementary School', kind: 'onet' },
      { text: 'Elementary Teacher', kind: 'alternate' },
    ],
  },
  {
    slug: 'multimodal-ai-engineer',
    title: 'Multimodal AI Engineer',
    onetCode: '15-1221.00',
    socCode: '15-1221',
    expert: true,
    titles: [
      { text: 'Multimodal AI Engineer', kind: 'alias' },
      { text: 'Vision-Language Engineer', kind: 'alias' },
    ],
  },
];
