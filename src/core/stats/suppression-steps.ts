/**
 * The steps of disclosure control (`disclosure.ts`) on the grid of a table with its totals:
 * primary suppression, completing lines, closing bridges and the audit that every hidden count
 * can move. Pure and internal to the stats core.
 */

export type Suppression = 'primary' | 'secondary';

export class TableShapeError extends Error {}

/** The grid with its totals as the last row and the last column. */
export type Grid = number[][];

/**
 * A cell to hide next: interior before totals, then one whose other line also needs a second
 * hidden cell, then the smallest. Never a zero: a published line total of 0, or a structural
 * zero everyone knows (a future month), pins a hidden zero to 0, so hiding it protects nothing.
 * A positive candidate always exists: a line with a hidden positive count has a positive total,
 * and a bridge between hidden positive counts has positive totals on both sides.
 */
function preference(grid: Grid, row: number, column: number, helpsAnotherLine: boolean) {
  const lastRow = grid.length - 1;
  const lastColumn = grid[0]!.length - 1;
  const value = grid[row]![column]!;
  if (value === 0) return null;
  return [row === lastRow || column === lastColumn ? 1 : 0, helpsAnotherLine ? 0 : 1, value];
}

function better(a: number[] | null, b: number[] | null): a is number[] {
  if (a === null) return false;
  if (b === null) return true;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] !== b[index]) return a[index]! < b[index]!;
  }
  return false;
}

export class SuppressionState {
  readonly grid: Grid;
  readonly marks: (Suppression | null)[][];
  constructor(grid: Grid) {
    this.grid = grid;
    this.marks = grid.map((row) => row.map(() => null));
  }
  hidden(row: number, column: number): boolean {
    return this.marks[row]![column] !== null;
  }
  hiddenInRow(row: number): number {
    return this.marks[row]!.filter((mark) => mark !== null).length;
  }
  hiddenInColumn(column: number): number {
    return this.marks.filter((row) => row[column] !== null).length;
  }
}

export function suppressPrimary(state: SuppressionState, threshold: number): void {
  state.grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value > 0 && value < threshold) state.marks[r]![c] = 'primary';
    }),
  );
}

/**
 * Whether a line needs one more hidden cell: it has exactly one, or its total is published and
 * its h hidden counts add up to less than k + h − 1. Everyone knows a hidden count is at least
 * 1 (zeros are shown), so two hidden 1s beside a published total of 50 and a 48 are both
 * exactly 1; with a hidden sum of at least k + h − 1, each could be as large as k.
 */
function lineNeedsMore(
  state: SuppressionState,
  cells: readonly [number, number][],
  threshold: number,
) {
  const hidden = cells.filter(([r, c]) => state.hidden(r, c));
  if (hidden.length === 0) return false;
  if (hidden.length === 1) return true;
  const [totalRow, totalColumn] = cells.at(-1)!;
  if (state.hidden(totalRow, totalColumn)) return false;
  const hiddenSum = hidden.reduce((sum, [r, c]) => sum + state.grid[r]![c]!, 0);
  return hiddenSum < threshold + hidden.length - 1;
}

/**
 * Step 2: no line keeps exactly one hidden cell, nor a hidden sum under k beside a published
 * total. Returns whether anything was hidden.
 */
export function completeLines(state: SuppressionState, threshold: number): boolean {
  const rows = state.grid.length;
  const columns = state.grid[0]!.length;
  const rowCells = (r: number) =>
    Array.from({ length: columns }, (_, c) => [r, c] as [number, number]);
  const columnCells = (c: number) =>
    Array.from({ length: rows }, (_, r) => [r, c] as [number, number]);
  const lines = [
    ...Array.from({ length: rows }, (_, r) => ({ cells: rowCells(r), name: `row ${r}` })),
    ...Array.from({ length: columns }, (_, c) => ({ cells: columnCells(c), name: `column ${c}` })),
  ];
  let changed = false;
  for (let again = true; again;) {
    again = false;
    for (const line of lines) {
      while (lineNeedsMore(state, line.cells, threshold)) {
        let best: { cell: [number, number]; score: number[] } | null = null;
        for (const [r, c] of line.cells) {
          if (state.hidden(r, c)) continue;
          const crossing = line.name.startsWith('row')
            ? state.hiddenInColumn(c) === 1
            : state.hiddenInRow(r) === 1;
          const score = preference(state.grid, r, c, crossing);
          if (better(score, best?.score ?? null)) best = { cell: [r, c], score };
        }
        if (!best) {
          if (line.cells.filter(([r, c]) => state.hidden(r, c)).length > 1) break;
          throw new TableShapeError(`${line.name} has no count that can protect its hidden one`);
        }
        state.marks[best.cell[0]]![best.cell[1]] = 'secondary';
        again = changed = true;
      }
    }
  }
  return changed;
}

/**
 * The hidden cells as a bipartite graph: node r for row r, node rows + c for column c, an edge
 * per hidden cell. Returns the hidden cells that are bridges (on no cycle), by Tarjan's
 * low-link search.
 */
function bridges(state: SuppressionState): [number, number][] {
  const rows = state.grid.length;
  const columns = state.grid[0]!.length;
  const nodes = rows + columns;
  const adjacent: { node: number; edge: number }[][] = Array.from({ length: nodes }, () => []);
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      if (!state.hidden(r, c)) continue;
      const edge = edges.push([r, c]) - 1;
      adjacent[r]!.push({ node: rows + c, edge });
      adjacent[rows + c]!.push({ node: r, edge });
    }
  }
  const order = new Array<number>(nodes).fill(-1);
  const low = new Array<number>(nodes).fill(0);
  const found: [number, number][] = [];
  let counter = 0;
  for (let root = 0; root < nodes; root += 1) {
    if (order[root] !== -1) continue;
    // Iterative depth-first search: tables can be large enough to exhaust the call stack.
    const stack: { node: number; viaEdge: number; next: number }[] = [
      { node: root, viaEdge: -1, next: 0 },
    ];
    order[root] = low[root] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const neighbours = adjacent[frame.node]!;
      if (frame.next < neighbours.length) {
        const { node, edge } = neighbours[frame.next++]!;
        if (edge === frame.viaEdge) continue;
        if (order[node] === -1) {
          order[node] = low[node] = counter++;
          stack.push({ node, viaEdge: edge, next: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node]!, order[node]!);
        }
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node]! > order[parent.node]!) found.push(edges[frame.viaEdge]!);
    }
  }
  return found;
}

/** The nodes reachable from `start` over hidden cells, without crossing `cut`. */
function sideOf(state: SuppressionState, start: number, cut: [number, number]): Set<number> {
  const rows = state.grid.length;
  const columns = state.grid[0]!.length;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop()!;
    const neighbours =
      node < rows
        ? Array.from({ length: columns }, (_, c) => [node, c] as const)
        : Array.from({ length: rows }, (_, r) => [r, node - rows] as const);
    for (const [r, c] of neighbours) {
      if (!state.hidden(r, c) || (r === cut[0] && c === cut[1])) continue;
      const other = node < rows ? rows + c : r;
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

/** Step 3: puts every bridge on a cycle. Returns whether anything was hidden. */
export function closeBridges(state: SuppressionState): boolean {
  const rows = state.grid.length;
  const columns = state.grid[0]!.length;
  const [bridge] = bridges(state);
  if (!bridge) return false;
  const rowSide = sideOf(state, bridge[0], bridge);
  let best: { row: number; column: number; score: number[] } | null = null;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      // A cell joins the sides when its row and its column lie on different ones.
      if (state.hidden(r, c) || rowSide.has(r) === rowSide.has(rows + c)) continue;
      const score = preference(state.grid, r, c, false);
      if (better(score, best?.score ?? null)) best = { row: r, column: c, score };
    }
  }
  if (!best) throw new TableShapeError('no cell can protect a hidden count');
  state.marks[best.row]![best.column] = 'secondary';
  return true;
}

/**
 * Step 4, the audit: can a hidden count move at all? Moving counts around a cycle changes
 * interior cells and the grand total one way and the row and column totals the other (they
 * sit on the other side of their equations), and a count can only go down while it stays at
 * least 1. So a hidden cell is safe when some cycle through it can move: as a directed graph
 * (row → column for a +1 on an interior cell, the reverse for a −1, and the opposite for
 * totals, a −1 only on counts of 2 or more), a path must lead back from its far end. The first
 * cell that cannot move gets a neighbour hidden: the smallest published count in its row or
 * column. Returns whether anything was hidden.
 */
export function auditHiddenCells(state: SuppressionState): boolean {
  const rows = state.grid.length;
  const columns = state.grid[0]!.length;
  const lastRow = rows - 1;
  const lastColumn = columns - 1;
  const hidden: [number, number][] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) if (state.hidden(r, c)) hidden.push([r, c]);
  }
  // Arcs of one hidden cell: [from, to] node pairs, rows 0..rows-1, columns rows..rows+columns-1.
  const arcsOf = (r: number, c: number, direction: 'up' | 'down'): [number, number] | null => {
    if (direction === 'down' && state.grid[r]![c]! < 2) return null;
    const isTotal = (r === lastRow) !== (c === lastColumn);
    const rowToColumn = (direction === 'up') !== isTotal;
    return rowToColumn ? [r, rows + c] : [rows + c, r];
  };
  const reaches = (from: number, to: number, without: [number, number]) => {
    const next = new Map<number, number[]>();
    for (const [r, c] of hidden) {
      if (r === without[0] && c === without[1]) continue;
      for (const direction of ['up', 'down'] as const) {
        const arc = arcsOf(r, c, direction);
        if (arc) next.set(arc[0], [...(next.get(arc[0]) ?? []), arc[1]]);
      }
    }
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === to) return true;
      for (const following of next.get(node) ?? []) {
        if (!seen.has(following)) {
          seen.add(following);
          queue.push(following);
        }
      }
    }
    return false;
  };
  for (const cell of hidden) {
    const movable = (['up', 'down'] as const).some((direction) => {
      const arc = arcsOf(cell[0], cell[1], direction);
      return arc !== null && reaches(arc[1], arc[0], cell);
    });
    if (movable) continue;
    let best: { cell: [number, number]; score: number[] } | null = null;
    const neighbours = [
      ...Array.from({ length: columns }, (_, c) => [cell[0], c] as [number, number]),
      ...Array.from({ length: rows }, (_, r) => [r, cell[1]] as [number, number]),
    ];
    for (const [r, c] of neighbours) {
      if (state.hidden(r, c)) continue;
      const score = preference(state.grid, r, c, false);
      if (better(score, best?.score ?? null)) best = { cell: [r, c], score };
    }
    // Nothing beside it: any published count widens the cycles; with every positive count
    // hidden, all counts could be doubled and nothing is pinned.
    for (let r = 0; r < rows && !best; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        if (state.hidden(r, c)) continue;
        const score = preference(state.grid, r, c, false);
        if (better(score, best?.score ?? null)) best = { cell: [r, c], score };
      }
    }
    if (!best) return false;
    state.marks[best.cell[0]]![best.cell[1]] = 'secondary';
    return true;
  }
  return false;
}
