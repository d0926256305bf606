/**
 * Words that name a domain of work, and the occupations of that domain. A title's modifier can
 * decide the occupation while its head word points elsewhere: a "Brief Writer" writes legal briefs
 * (a lawyer), a "Grades 1 Through 5 Teacher" teaches an elementary school, an "Animal Warden" deals
 * with stray animals. Titles rarely use such words, so title similarity cannot learn them; what the
 * words mean comes from WordNet 3.0 (each row names the noun senses whose words, and the words of
 * the senses below them, it takes; data/sources/wordnet/ holds the extract and its licence), and
 * which occupations work in the domain comes from the occupations' O*NET descriptions, quoted in
 * each row's citation.
 */
import { DOMAIN_LEXICON } from './domain-lexicon.ts';

export interface DomainRow {
  id: string;
  /** WordNet 3.0 noun senses whose words, and those of the narrower senses (hyponyms) down to the given depth, name the domain: "legal_document#1:2". */
  senses: readonly string[];
  /** Words of those senses left out because another of their senses is common in other jobs' titles ("bill": a bill collector; "contract": a contract specialist). */
  exclude: readonly string[];
  /** What the word is, in a few words, for the explanation ("a legal paper"). */
  gloss: string;
  /** The domain's occupations, the most likely first. */
  onetCodes: readonly string[];
  /** Why they are the domain's occupations, shown to explain the match. */
  reason: string;
  /** Where the reason comes from: the occupations' own O*NET descriptions. */
  citation: string;
}

export const DOMAIN_ROWS: readonly DomainRow[] = [
  {
    id: 'legal-papers',
    senses: ['legal_document#1:2'],
    exclude: [
      'instrument', 'bill', 'check', 'cheque', 'title', 'policy', 'note', 'bond', 'charter', 'patent', 'permit', 'licence', 'license', 'lease', 'order',
      'receipt', 'ticket', 'passport', 'visa', 'mandate', 'share', 'stock', 'security', 'certificate', 'record', 'statement', 'form', 'draft', 'act', 'law',
      'measure', 'ordinance', 'ballot', 'return', 'claim', 'notice', 'process', 'paper', 'will', 'assignment', 'attachment', 'authorization', 'authorisation',
      'contract', 'convertible', 'derivative', 'escrow', 'opinion', 'option', 'pass', 'release', 'sequestration', 'submission', 'verification', 'manifest',
      'compact', 'accord', 'obligation', 'prohibition', 'proxy', 'constitution', 'devise', 'scrip',
    ],
    gloss: 'a legal paper',
    onetCodes: ['23-1011.00', '23-2011.00'],
    reason: 'lawyers and paralegals draft legal papers',
    citation: 'O*NET 23-1011.00: "draw up legal documents"; 23-2011.00: "Assist lawyers by ... preparing legal documents"',
  },
  {
    id: 'elementary-school',
    senses: ['elementary_school#1:0', 'grade#1:0'],
    exclude: ['class', 'form', 'course'],
    gloss: 'a class of an elementary school',
    onetCodes: ['25-2021.00'],
    reason: 'elementary school teachers teach the grades of an elementary school',
    citation: 'O*NET 25-2021.00: "Teach academic and social skills to students at the elementary school level"',
  },
  {
    id: 'preschool',
    senses: ['preschool#1:2'],
    exclude: [],
    gloss: 'a school for young children',
    onetCodes: ['25-2011.00', '25-2012.00', '39-9011.00'],
    reason: 'preschool and kindergarten teachers and childcare workers look after children too young for elementary school',
    citation: 'O*NET 25-2011.00: "Instruct preschool-aged students"; 25-2012.00: "Teach academic and social skills to kindergarten students"; 39-9011.00: "Attend to children at schools, businesses, private households, and childcare institutions"',
  },
  {
    id: 'secondary-school',
    senses: ['secondary_school#1:2'],
    exclude: ['middle_school', 'gymnasium', 'lyceum', 'lycee', 'junior_high_school', 'junior_high', 'intermediate_school', 'high', 'academy', 'public_school', 'trade_school', 'vocational_school'],
    gloss: 'a secondary school',
    onetCodes: ['25-2031.00', '25-2032.00'],
    reason: 'secondary school teachers teach high school students',
    citation: 'O*NET 25-2031.00: "Teach one or more subjects to students at the secondary school level"; 25-2032.00: "Teach or instruct vocational or occupational subjects at the secondary school level"',
  },
  {
    id: 'domestic-animals',
    senses: ['animal#1:0', 'domestic_animal#1:1', 'dog#1:1', 'horse#1:0', 'male_horse#1:1', 'female_horse#1:1', 'livestock#1:0'],
    exclude: ['beast', 'brute', 'creature', 'fauna', 'stock', 'feeder', 'head', 'stocker', 'entire', 'barker', 'toy', 'working_dog', 'toy_dog', 'hunting_dog', 'pug', 'cur', 'animate_being'],
    gloss: 'an animal',
    onetCodes: ['39-2021.00', '33-9011.00', '45-2021.00', '39-2011.00'],
    reason: 'animal caretakers, animal control workers, breeders and trainers work with animals',
    citation: 'O*NET 39-2021.00: "Feed, water, groom, bathe, exercise, or otherwise provide care to promote and maintain the well-being of pets and other animals"; 33-9011.00: "Handle animals for the purpose of investigations of mistreatment, or control of abandoned, dangerous, or unattended animals"; 45-2021.00: "Select and breed animals"; 39-2011.00: "Train animals for riding, harness, security, performance, or obedience"',
  },
];

/** The domain words of each row, as WordNet spells them ("nursery_school"), from the committed extract. */
export function domainWords(row: DomainRow): readonly string[] {
  return DOMAIN_LEXICON[row.id] ?? [];
}
