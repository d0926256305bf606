import type { SearchEntry } from '../search-index.ts';

function occupation(onetCode: string, title: string, titles: string[], description = '', employment = 100_000): SearchEntry {
  return {
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    onetCode,
    socCode: onetCode.slice(0, 7),
    employment,
    description,
    titles: [{ text: title, kind: 'onet' }, ...titles.map((text) => ({ text, kind: 'alternate' as const }))],
  };
}

/**
 * Occupations in the shape of the real catalog, chosen so that each error class of issue 15 has a
 * tempting wrong answer beside the right one: a helper beside the trade, the workers beside their
 * supervisors, a typo-near title beside a word that is only in a description.
 */
export const TITLE_CLASS_ENTRIES: SearchEntry[] = [
  occupation('51-4111.00', 'Tool and Die Makers', ['Tool and Die Maker', 'Die Maker'], 'Analyze specifications, lay out metal stock, set up and operate machine tools.'),
  occupation('51-9198.00', 'Helpers--Production Workers', ['Toolmaker Helper', 'Production Helper'], 'Help production workers by performing duties requiring less skill.', 400_000),
  occupation('37-2011.00', 'Janitors and Cleaners, Except Maids and Housekeeping Cleaners', ['Custodian', 'Janitor'], 'Keep buildings in clean and orderly condition.', 2_000_000),
  occupation('37-1011.00', 'First-Line Supervisors of Housekeeping and Janitorial Workers', ['Custodian Supervisor', 'Janitorial Supervisor'], 'Directly supervise work activities of cleaning personnel.'),
  occupation('25-9042.00', 'Teaching Assistants, Preschool, Elementary, Middle, and Secondary School', ['Teacher Aide', 'Instructional Aide'], 'Assist a teacher in a classroom.', 1_000_000),
  occupation('25-3011.00', 'Adult Basic Education, Adult Secondary Education, and English as a Second Language Instructors', ['Adult Literacy Teacher'], 'Teach or instruct adults in basic literacy.'),
  occupation('11-1011.00', 'Chief Executives', ['Chief Executive Officer (CEO)'], 'Determine and formulate policies and provide overall direction of companies or public sector organizations.'),
  occupation('11-2033.00', 'Fundraising Managers', ['Major Gifts Manager'], 'Plan, direct, or coordinate activities to solicit and maintain funds.'),
  occupation('11-1031.00', 'Legislators', ['State Representative'], 'Develop, introduce, or enact laws and statutes at the local, tribal, state, or federal level.'),
  occupation(
    '49-2093.00',
    'Electrical and Electronics Installers and Repairers, Transportation Equipment',
    ['Electronics Technician', 'Marine Electronics Technician'],
    'Install, adjust, or maintain mobile electronics communication equipment, including sound, sonar, security, navigation, and surveillance systems on trains, watercraft, or other mobile equipment.',
  ),
  occupation('47-2152.04', 'Solar Thermal Installers and Technicians', ['Solar Technician', 'Solar Installer'], 'Install or repair solar energy systems designed to collect, store, and circulate solar-heated water.'),
  occupation('33-1012.00', 'First-Line Supervisors of Police and Detectives', ['Police Sergeant', 'Desk Sergeant'], 'Directly supervise and coordinate activities of members of a police force.'),
  occupation('33-1091.00', 'First-Line Supervisors of Security Workers', ['Security Supervisor'], 'Directly supervise and coordinate activities of security workers.'),
  occupation('33-1011.00', 'First-Line Supervisors of Correctional Officers', ['Correctional Sergeant'], 'Directly supervise and coordinate activities of correctional officers and jailers.'),
  occupation('33-3051.00', 'Police and Sheriff’s Patrol Officers', ['Police Officer', 'State Trooper', 'Trooper'], 'Maintain order and protect life and property by enforcing laws.', 700_000),
];
