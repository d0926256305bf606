import { describe, expect, it } from 'vitest';
import { physicalAutomationFor, physicalRowForTask } from '../baseline/derive-baseline.ts';
import { readCuratedTables } from './curated-tables.ts';

/** The score the physical-automation rows of an occupation give a task statement (ADR 0095, 0096), or null. */
async function liftTo(onetCode: string, statement: string): Promise<number | null> {
  const rows = physicalAutomationFor((await readCuratedTables()).physicalAutomation, onetCode, null);
  if (rows.length === 0) throw new Error(`no physical-automation row for ${onetCode}`);
  return physicalRowForTask(rows, statement)?.score ?? null;
}

/** Whether a physical-automation row of an occupation speaks to a task statement. */
async function lifts(onetCode: string, statement: string): Promise<boolean> {
  return (await liftTo(onetCode, statement)) !== null;
}

describe('the physical-automation rows (task-by-task review, ADR 0095)', () => {
  it('match a verb the technology performs, not the same word as the object of another verb', async () => {
    expect(await lifts('53-7065.00', 'Stock shelves, racks, cases, bins, and tables with new or transferred merchandise.')).toBe(true);
    expect(await lifts('53-7065.00', 'Examine and inspect stock items for wear or defects, reporting any damage to supervisors.')).toBe(false);
    expect(await lifts('53-7051.00', 'Inspect product load for accuracy and safely move it around the warehouse or facility.')).toBe(false);
    expect(await lifts('53-7051.00', 'Manually or mechanically load or unload materials from pallets, skids, platforms, cars.')).toBe(true);
    expect(await lifts('51-2011.00', 'Monitor robotic assembly equipment.')).toBe(false);
    expect(await lifts('51-2061.00', 'Examine and adjust hairspring assemblies to ensure horizontal and circular alignment.')).toBe(false);
    expect(await lifts('51-9061.00', 'Stack or arrange tested products for further processing, shipping, or packaging.')).toBe(false);
  });

  it('name the cited picking, storage, shelf-scanning and sorting work', async () => {
    expect(await lifts('53-7065.00', 'Obtain merchandise from bins or shelves.')).toBe(true);
    expect(await lifts('53-7065.00', 'Store items in an orderly and accessible manner in warehouses, tool rooms, supply rooms, or other areas.')).toBe(true);
    expect(await lifts('53-7065.00', 'Take inventory or examine merchandise to identify items to be reordered or replenished.')).toBe(true);
    expect(await lifts('53-7062.04', 'Sort materials, such as metals, glass, wood, paper or plastics, into appropriate containers for recycling.')).toBe(true);
    expect(await lifts('53-7062.04', 'Collect and sort recyclable construction materials, such as concrete, drywall, plastics, or wood, into containers.')).toBe(true);
    expect(await lifts('53-7062.04', 'Dismantle wrecked vehicles by removing parts and labeling and sorting parts into containers.')).toBe(false);
    expect(await lifts('51-2051.00', 'Spray chopped fiberglass, resins, and catalysts onto prepared molds or dies using pneumatic spray guns.')).toBe(true);
    expect(await lifts('51-2051.00', 'Inspect, clean, and assemble molds before beginning work.')).toBe(false);
  });

  it('leave out work no cited deployment does: yard duties, guiding crane loads, prototypes, packing insulation', async () => {
    expect(await lifts('53-7062.00', 'Carry out general yard duties, such as performing shunting on railway lines.')).toBe(false);
    expect(await lifts('53-7062.00', 'Guide loads being lifted to prevent swinging.')).toBe(false);
    expect(await lifts('51-2011.00', 'Assemble prototypes or integrated-technology demonstrators of new or emerging environmental technologies.')).toBe(false);
    expect(await lifts('51-2023.00', 'Pack or fold insulation between panels.')).toBe(false);
    expect(await lifts('51-2022.00', 'Pack finished assemblies for shipment, and transport them to storage areas.')).toBe(true);
  });

  it('score sorting on recycling lines 4 and forklift driving 3, from two rows of the same occupation (ADR 0096)', async () => {
    expect(await liftTo('53-7062.04', 'Sort materials, such as metals, glass, wood, paper or plastics, into appropriate containers for recycling.')).toBe(4);
    expect(await liftTo('53-7062.04', 'Operate forklifts, pallet jacks, power lifts, or front-end loaders to load bales, bundles, or other heavy items.')).toBe(3);
    expect(await liftTo('53-7062.04', 'Remove copper from circuit boards.')).toBeNull();
  });

  it('let packaging robots place products in containers and take completed products off, as they pack (ADR 0096)', async () => {
    expect(await lifts('53-7064.00', 'Place or pour products or materials into containers, using hand tools and equipment, or fill containers from spouts or chutes.')).toBe(true);
    expect(await lifts('53-7064.00', 'Remove completed or defective products or materials, placing them on moving equipment, such as conveyors, or in specified areas.')).toBe(true);
    expect(await lifts('53-7064.00', 'Transport packages to customers\' vehicles.')).toBe(false);
    expect(await lifts('51-2041.00', 'Position, align, fit, and weld parts to form complete units or subunits, following blueprints and layout specifications.')).toBe(true);
    expect(await lifts('51-2041.00', 'Position or tighten braces, jacks, clamps, ropes, or bolt straps, or bolt parts in position for welding or riveting.')).toBe(false);
    expect(await lifts('53-7064.00', 'Clean containers, materials, supplies, or work areas, using cleaning solutions and hand tools.')).toBe(false);
  });

  it('apply unless Frey & Osborne rate the occupation at low risk, below their own 0.3 (ADR 0096)', async () => {
    const rows = (await readCuratedTables()).physicalAutomation;
    expect(physicalAutomationFor(rows, '53-7064.00', 0.38).map((row) => row.technology)).toEqual(['packaging robotics']);
    expect(physicalAutomationFor(rows, '53-7064.00', 0.29)).toEqual([]);
    expect(physicalAutomationFor(rows, '53-7062.04', 0.85).map((row) => row.score)).toEqual([4, 3]);
    expect(physicalAutomationFor(rows, '53-7061.00', 0.9)).toEqual([]);
  });
});
