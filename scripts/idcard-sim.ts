/**
 * A GA/T 467 reader simulator on a real serial port, for technicians without
 * a reader: connect two USB-serial adapters null-modem (or use a socat pair),
 * point the kiosk's KIOSK_IDCARD at one end and run
 *
 *   npx tsx scripts/idcard-sim.ts --path /dev/ttyUSB1 [--baud 115200] [--pair]
 *
 * `--pair` makes a socat pty pair and prints the path for KIOSK_IDCARD.
 * Then type commands: `cards`, `insert <id>`, `remove`, `fault <name> [times]`, `quit`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openPtyPair, type PtyPair } from '../drivers/device';
import { DEMO_CARDS, IdCardSimulator, SerialEndpoint, SIMULATOR_FAULTS, type SimulatorFault } from '../drivers/idcard';

const { values } = parseArgs({
  options: { path: { type: 'string' }, baud: { type: 'string', default: '115200' }, pair: { type: 'boolean', default: false } },
});
if (!values.path && !values.pair) {
  console.error('usage: idcard-sim.ts --path /dev/ttyUSB1 [--baud 115200] | --pair');
  process.exit(2);
}
const cards = DEMO_CARDS;
let pair: PtyPair | null = null;
let port = values.path ?? '';
if (values.pair) {
  pair = await openPtyPair();
  port = pair.b;
  console.log(`KIOSK_IDCARD=${pair.a}`);
}
const simulator = new IdCardSimulator(() => undefined);
simulator.baud = Number(values.baud);
const endpoint = new SerialEndpoint(port, simulator);
await endpoint.start();
console.log(`simulated reader on ${port} at ${simulator.baud} baud; cards: ${cards.map((c) => c.id).join(', ')}`);

const quit = async () => {
  await endpoint.stop();
  await pair?.close();
  process.exit(0);
};
process.on('SIGINT', () => void quit());
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, arg, times] = line.trim().split(/\s+/);
  if (command === 'cards') console.log(cards.map((c) => `${c.id}\t${c.label}`).join('\n'));
  else if (command === 'insert') {
    const card = cards.find((c) => c.id === arg);
    if (!card) console.log(`no card ${arg}`);
    else {
      simulator.insert(card);
      console.log(`placed ${card.id}`);
    }
  } else if (command === 'remove') {
    simulator.remove();
    console.log('lifted');
  } else if (command === 'fault' && (SIMULATOR_FAULTS as readonly string[]).includes(arg ?? '')) {
    simulator.inject(arg as SimulatorFault, Number(times ?? 1));
    console.log(`fault ${arg} queued`);
  } else if (command === 'quit') void quit();
  else console.log(`commands: cards | insert <id> | remove | fault <${SIMULATOR_FAULTS.join('|')}> [times] | quit`);
});
