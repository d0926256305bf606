import { describe, expect, it } from 'vitest';
import { taskAction } from './task-action.ts';

describe('the action of a task statement', () => {
  it('keeps the opening verbs and their object, not the purpose or circumstance after them', () => {
    expect(taskAction('Clean, oil, or coat system components, as necessary, before assembly or attachment.')).toBe('Clean, oil, or coat system components');
    expect(taskAction('Fabricate parts needed for assembly or installation, using shop machinery or equipment.')).toBe('Fabricate parts needed');
    expect(taskAction('Read and interpret assembly blueprints or specifications manuals, and plan assembly or building operations.')).toBe(
      'Read and interpret assembly blueprints or specifications manuals',
    );
    expect(taskAction('Attend meetings on driver and passenger safety to learn ways in which job performance might be affected.')).toBe('Attend meetings');
  });

  it('keeps verb lists, particles and direct objects that are the work itself', () => {
    expect(taskAction('Position or align components for assembly, manually or using hoists.')).toBe('Position or align components');
    expect(taskAction('Pick up passengers at prearranged locations, at taxi stands, or by cruising streets in high-traffic areas.')).toBe('Pick up passengers');
    expect(taskAction('Operate trucks equipped with snowplows or sander attachments to maintain roads in winter weather.')).toBe('Operate trucks equipped');
    expect(taskAction('Manually or mechanically load or unload materials from pallets, skids, platforms, cars, lifting devices.')).toBe('Manually or mechanically load or unload materials');
    expect(taskAction('Obey traffic laws and follow established traffic and transportation procedures.')).toBe('Obey traffic laws and follow established traffic and transportation procedures');
  });

  it('reads bounded text: an empty statement has no action, a very long one is cut', () => {
    expect(taskAction('')).toBe('');
    expect(taskAction(`Assemble ${'parts '.repeat(400)}`).length).toBeLessThanOrEqual(1000);
  });
});
