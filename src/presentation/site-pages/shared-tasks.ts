import { tokenize } from '../../features/search/search-text.ts';

/**
 * When two task statements count as one task: they share at least three stemmed words, those cover
 * half of the shorter statement, and the Dice overlap of the two is at least 0.4. Three words keep
 * short generic pairs ("prepare reports") apart; the two ratios keep long statements from matching on
 * a few common words.
 */
export const SAME_TASK = { commonWords: 3, ofShorter: 0.5, dice: 0.4 } as const;

/** A task two or more of the compared roles do: its statement (as the first of them words it), which roles and their time on it. */
export interface SharedTask {
  text: string;
  /** Indices of the roles that do it, in the order they are compared. */
  roles: number[];
  /** Each of those roles' share of working time on it, in percent, in the same order. */
  shares: number[];
}

interface TaskLike {
  name: string;
  share: number;
}

/** Tells whether two task statements, as sets of stemmed words, say the same task (see SAME_TASK). */
export function isSameTask(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  if (left.size === 0 || right.size === 0) return false;
  let common = 0;
  for (const word of left) if (right.has(word)) common += 1;
  return isSameTaskByCount(common, left.size, right.size);
}

/** The rule of isSameTask from the number of words two non-empty statements have in common. */
function isSameTaskByCount(common: number, leftSize: number, rightSize: number): boolean {
  if (leftSize === rightSize && common === leftSize) return true;
  return common >= SAME_TASK.commonWords && common / Math.min(leftSize, rightSize) >= SAME_TASK.ofShorter && (2 * common) / (leftSize + rightSize) >= SAME_TASK.dice;
}

// A role's task list is one object for the life of a read model, so its statements are stemmed once, not per comparison.
const wordsOfTaskLists = new WeakMap<readonly TaskLike[], readonly ReadonlySet<string>[]>();

function wordsOf(tasks: readonly TaskLike[]): readonly ReadonlySet<string>[] {
  let words = wordsOfTaskLists.get(tasks);
  if (!words) {
    words = tasks.map((task) => new Set(tokenize(task.name)));
    wordsOfTaskLists.set(tasks, words);
  }
  return words;
}

/** Finds the tasks that at least two roles share, matching identical or near-identical statements; most widely shared and most time first. */
export function findSharedTasks(roles: readonly (readonly TaskLike[])[]): SharedTask[] {
  const nodes = roles.flatMap((tasks, role) => {
    const words = wordsOf(tasks);
    return tasks.map((task, index) => ({ role, task, words: words[index] ?? new Set<string>() }));
  });
  const parent = nodes.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    return at;
  };
  // Only statements with a word in common can match: count common words through an index of words
  // instead of comparing every pair (a comparison of three roles is ~2,000 pairs, most sharing nothing).
  const byWord = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    for (const word of node.words) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  nodes.forEach((node, left) => {
    const common = new Map<number, number>();
    for (const word of node.words) {
      for (const right of byWord.get(word) ?? []) {
        if (right > left && nodes[right]?.role !== node.role) common.set(right, (common.get(right) ?? 0) + 1);
      }
    }
    for (const [right, count] of common) {
      if (isSameTaskByCount(count, node.words.size, nodes[right]?.words.size ?? 0)) parent[root(right)] = root(left);
    }
  });
  const clusters = new Map<number, number[]>();
  nodes.forEach((_, index) => clusters.set(root(index), [...(clusters.get(root(index)) ?? []), index]));
  const shared: SharedTask[] = [];
  for (const members of clusters.values()) {
    const byRole = new Map<number, number>();
    for (const index of members) {
      const node = nodes[index];
      if (node) byRole.set(node.role, (byRole.get(node.role) ?? 0) + node.task.share);
    }
    if (byRole.size < 2) continue;
    const first = nodes[members[0] ?? 0];
    const order = [...byRole.keys()].sort((a, b) => a - b);
    shared.push({ text: first?.task.name ?? '', roles: order, shares: order.map((role) => Math.round((byRole.get(role) ?? 0) * 100) / 100) });
  }
  const total = (task: SharedTask) => task.shares.reduce((sum, share) => sum + share, 0);
  return shared.sort((a, b) => b.roles.length - a.roles.length || total(b) - total(a) || a.text.localeCompare(b.text, 'en'));
}
