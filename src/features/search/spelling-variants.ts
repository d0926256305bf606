/**
 * Spellings folded into one, on titles and queries alike. British spellings become American, so
 * "Labourer", "Programme Manager", "Paediatric Nurse" and "Theatre Technician" meet O*NET's
 * titles; only whole words from a list and a few unambiguous word parts are rewritten (a general
 * "-our" or "-ise" rule would also hit "tour" and "supervise"). Gendered and neutral compounds
 * meet too: "Foreperson", "Forewoman" and "Foreman" are one word.
 */

const WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  programme: 'program',
  labour: 'labor',
  labourer: 'laborer',
  colour: 'color',
  colourist: 'colorist',
  harbour: 'harbor',
  harbourmaster: 'harbormaster',
  honour: 'honor',
  behaviour: 'behavior',
  behavioural: 'behavioral',
  neighbourhood: 'neighborhood',
  vapour: 'vapor',
  armour: 'armor',
  armourer: 'armorer',
  tumour: 'tumor',
  parlour: 'parlor',
  centre: 'center',
  theatre: 'theater',
  metre: 'meter',
  litre: 'liter',
  fibre: 'fiber',
  calibre: 'caliber',
  sabre: 'saber',
  tyre: 'tire',
  cheque: 'check',
  catalogue: 'catalog',
  cataloguer: 'cataloger',
  dialogue: 'dialog',
  analogue: 'analog',
  defence: 'defense',
  licence: 'license',
  licenced: 'licensed',
  offence: 'offense',
  practise: 'practice',
  jewellery: 'jewelry',
  jeweller: 'jeweler',
  aluminium: 'aluminum',
  storey: 'story',
  plough: 'plow',
  ploughman: 'plowman',
  draught: 'draft',
  draughtsman: 'draftsman',
  draughtsperson: 'draftsman',
  mould: 'mold',
  moulder: 'molder',
  moulding: 'molding',
  grey: 'gray',
  kerb: 'curb',
  gaol: 'jail',
  gaoler: 'jailer',
  enrolment: 'enrollment',
  fulfilment: 'fulfillment',
  counsellor: 'counselor',
  counselling: 'counseling',
  traveller: 'traveler',
  travelling: 'traveling',
  modelling: 'modeling',
  modeller: 'modeler',
  labelling: 'labeling',
  leveller: 'leveler',
  signalling: 'signaling',
  signaller: 'signaler',
  marshalling: 'marshaling',
  fuelling: 'fueling',
  refuelling: 'refueling',
  channelling: 'channeling',
  cancelled: 'canceled',
  tonne: 'ton',
}));

/** Word parts that are British wherever they occur (medical Greek "ae"/"oe", "-isation"). */
const PARTS: readonly (readonly [RegExp, string])[] = [
  [/^paed/, 'ped'],
  [/^orthopaed/, 'orthoped'],
  [/^anaesth/, 'anesth'],
  [/^haem/, 'hem'],
  [/^gynaec/, 'gynec'],
  [/^oesophag/, 'esophag'],
  [/^oedem/, 'edem'],
  [/^oestr/, 'estr'],
  [/^foet/, 'fet'],
  [/^encyclopaed/, 'encycloped'],
  [/^archaeolog/, 'archeolog'],
  [/isation$/, 'ization'],
  [/iser$/, 'izer'],
  [/yser$/, 'yzer'],
  [/ysing$/, 'yzing'],
];

/** A compound ending in "person" or "woman" ("foreperson", "chairwoman"), but not the bare word. */
const GENDERED_COMPOUND = /^([a-z]{3,})(?:person|woman)$/;

/** The one spelling a lower-cased word is compared under ("labour" → "labor", "paediatric" → "pediatric", "foreperson" → "foreman"). */
export function commonSpelling(word: string): string {
  const listed = WORDS.get(word);
  if (listed !== undefined) return listed;
  if (word.length < 6) return word;
  const gendered = GENDERED_COMPOUND.exec(word);
  if (gendered) return `${gendered[1] ?? ''}man`;
  for (const [pattern, replacement] of PARTS) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}
