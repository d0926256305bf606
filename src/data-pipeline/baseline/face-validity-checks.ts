/**
 * The face-validity checks of the data-derived baselines (issue 11): zones and orderings that informed readers hold
 * across medicine, aviation, law, education, clergy, trades, clerical, creative work and driving, each with its
 * reason. Written before tuning; face-validity.test.ts holds the catalog to them and
 * bench/face-validity-against-indices.ts reads them against the exposure indices.
 */

export const PHYSICIANS = { family: '29-1215.00', internist: '29-1216.00', psychiatrist: '29-1223.00', emergency: '29-1214.00' };
export const SURGEONS = { orthopedic: '29-1242.00', pediatric: '29-1243.00' };
export const NURSING = { registered: '29-1141.00', practical: '29-2061.00', medicalAssistant: '31-9092.00' };
export const AVIATION = { airlinePilot: '53-2011.00', commercialPilot: '53-2012.00', airTrafficController: '53-2021.00' };
export const CLERICAL = { dataEntry: '43-9021.00', wordProcessor: '43-9022.00', officeClerk: '43-9061.00', secretary: '43-6014.00', bookkeepingClerk: '43-3031.00', telemarketer: '41-9041.00' };
export const TEACHERS = { elementary: '25-2021.00', secondary: '25-2031.00', middle: '25-2022.00', specialElementary: '25-2056.00' };
export const LAW = { lawyer: '23-1011.00', judge: '23-1023.00', paralegal: '23-2011.00' };
export const CLERGY = '21-2011.00';
export const TRADES = { electrician: '47-2111.00', plumber: '47-2152.00', roofer: '47-2181.00' };
export const CREATIVE = { actor: '27-2011.00', musician: '27-2042.00', fineArtist: '27-1013.00', writer: '27-3043.00', technicalWriter: '27-3042.00', graphicDesigner: '27-1024.00' };
export const DRIVERS = { heavyTruck: '53-3032.00', lightTruck: '53-3033.00', taxi: '53-3054.00' };

export interface ZoneCheck {
  code: string;
  /** Zones (or full labels such as "Yellow (Moderate)") the reader would accept. */
  accept?: readonly string[];
  /** Zones or labels the reader would reject. */
  reject?: readonly string[];
  /** A score the baseline must reach (used for "Green or high Yellow"). */
  atLeast?: number;
  why: string;
}

export const ZONE_CHECKS: readonly ZoneCheck[] = [
  ...Object.values(PHYSICIANS).map((code) => ({
    code,
    accept: ['Green'],
    why: 'Physicians diagnose and treat in person, are licensed by state medical boards and carry malpractice liability; LLMs assist with notes and lookup, they do not take the role over.',
  })),
  ...Object.values(SURGEONS).map((code) => ({ code, accept: ['Green'], why: 'Surgery is licensed, hands-on work with the highest consequence of error.' })),
  ...Object.values(AVIATION).map((code) => ({
    code,
    reject: ['Red', 'Yellow (Urgent)'],
    why: 'Pilots and controllers hold FAA certificates, carry lives and work under strict human-in-the-loop rules; autopilot has existed for decades without making the crew optional.',
  })),
  ...[TEACHERS.elementary, TEACHERS.secondary, TEACHERS.specialElementary].map((code) => ({
    code,
    atLeast: 40,
    why: 'School teaching is licensed by state certification, unionised, in person and custodial; readers expect Green or high Yellow.',
  })),
  { code: CLERGY, atLeast: 40, why: 'Pastoral care, rites and community leadership are in person and carry moral authority; plausibly Green or high Yellow.' },
  { code: TRADES.electrician, accept: ['Green'], why: 'Licensed hands-on work in varied, unstructured sites (state electrical licensing).' },
  { code: TRADES.plumber, accept: ['Green'], why: 'Licensed hands-on work in varied, unstructured sites (state plumbing licensing).' },
  ...[CLERICAL.dataEntry, CLERICAL.wordProcessor, CLERICAL.bookkeepingClerk, CLERICAL.telemarketer].map((code) => ({
    code,
    accept: ['Red'],
    why: 'Routine text and number handling at a desk is what LLMs and software already do; no barrier protects it.',
  })),
  { code: LAW.paralegal, reject: ['Green'], why: 'Document review and drafting are core LLM strengths.' },
  { code: CREATIVE.writer, reject: ['Green'], why: 'Producing text is the core strength of language models.' },
  { code: CREATIVE.graphicDesigner, reject: ['Green'], why: 'Image generation reaches much of routine design work.' },
  ...Object.values(DRIVERS).map((code) => ({
    code,
    reject: ['Green'],
    why: 'Autonomous trucks, driverless delivery vehicles and robotaxis are in commercial operation; "AI" covers physical automation too, so drivers must not read "protected".',
  })),
];

export interface OrderCheck {
  higher: string;
  lower: string;
  why: string;
}

export const ORDER_CHECKS: readonly OrderCheck[] = [
  ...[PHYSICIANS.family, PHYSICIANS.internist, PHYSICIANS.psychiatrist].flatMap((code) => [
    { higher: code, lower: NURSING.medicalAssistant, why: 'A physician carries the diagnosis, licence and liability; the medical assistant works under them.' },
    { higher: code, lower: NURSING.registered, why: 'Physicians hold the more protected licence and responsibility than the nurses they direct.' },
  ]),
  ...Object.values(SURGEONS).map((code) => ({ higher: code, lower: NURSING.practical, why: 'Surgeons are at least as protected as licensed practical nurses: hands-on, licensed, highest liability.' })),
  ...Object.values(AVIATION).flatMap((code) =>
    [CLERICAL.dataEntry, CLERICAL.officeClerk, CLERICAL.secretary].map((lower) => ({ higher: code, lower, why: 'Certified safety-critical work is not more exposed than clerical work.' })),
  ),
  ...[TEACHERS.elementary, TEACHERS.secondary, TEACHERS.middle].flatMap((code) =>
    [CLERICAL.dataEntry, CLERICAL.officeClerk].map((lower) => ({ higher: code, lower, why: 'Teaching children in person is far less automatable than data entry or general office work.' })),
  ),
  { higher: LAW.lawyer, lower: LAW.paralegal, why: 'Lawyers are admitted to the bar and carry the liability; paralegals do the drafting LLMs do best.' },
  { higher: LAW.judge, lower: LAW.paralegal, why: 'Judging is a public office with moral judgment; paralegal work is document work.' },
  { higher: CLERGY, lower: CLERICAL.officeClerk, why: 'Pastoral care is in person and relational; office clerking is routine.' },
  { higher: CLERGY, lower: CREATIVE.writer, why: 'Clergy write sermons but their role is presence and care, unlike writing for its own sake.' },
  { higher: CREATIVE.actor, lower: CREATIVE.writer, why: 'Performing in person is less reachable by text generation than writing.' },
  { higher: CREATIVE.musician, lower: CREATIVE.technicalWriter, why: 'Live performance is embodied; technical writing is document work.' },
  { higher: CREATIVE.fineArtist, lower: CLERICAL.dataEntry, why: 'Original physical art is less automatable than keying data.' },
  { higher: TRADES.roofer, lower: CLERICAL.telemarketer, why: 'Manual trades above scripted phone sales (kept from the first catalog tests).' },
  ...Object.values(TRADES).map((code) => ({ higher: code, lower: CLERICAL.dataEntry, why: 'Hands-on trades are less exposed than data entry.' })),
  ...Object.values(DRIVERS).map((code) => ({ higher: code, lower: CLERICAL.dataEntry, why: 'Autonomous driving is arriving route by route; it is not yet as far along as software for keying data.' })),
];
