import { describe, expect, it } from 'vitest';
import { COMMANDS, encodeCommand, IdCardSimulator, SIMULATOR_LOG_KEEP } from '../../../drivers/idcard';

describe('IdCardSimulator command log', () => {
  it('keeps only the latest commands however long the reader polls', () => {
    let replies = 0;
    const sim = new IdCardSimulator(() => replies++);
    const polls = SIMULATOR_LOG_KEEP * 5;
    // A demo kiosk polls find-card every 300 ms, day and night: five bounds' worth, then one SAM check.
    for (let i = 0; i < polls; i++) sim.receive(encodeCommand(...COMMANDS.findCard));
    sim.receive(encodeCommand(...COMMANDS.samId));
    expect(replies).toBe(polls + 1);
    expect(sim.log).toHaveLength(SIMULATOR_LOG_KEEP);
    expect(sim.log.at(-1)).toBe(`${COMMANDS.samId[0].toString(16)} ${COMMANDS.samId[1].toString(16)}`);
    expect(sim.log.at(0)).toBe('20 1');
  });
});
