/**
 * Technician ID cards allowed to open maintenance with the PIN (staff card + PIN).
 *   npx tsx scripts/staff-card.ts add <ID number> <staff number>
 *   npx tsx scripts/staff-card.ts remove <staff number>
 *   npx tsx scripts/staff-card.ts list
 * Works on `<dataDir>/maintenance/staff-cards.json` (KIOSK_DATA_DIR); only scrypt hashes of card numbers are stored.
 */
import { loadConfig } from '../host/config';
import { StaffCardRoster } from '../host/operations/maintenance/staff-cards';

const [command, a, b] = process.argv.slice(2);
const roster = StaffCardRoster.in(loadConfig().dataDir);
if (command === 'add' && a && b) {
  await roster.register(a, b);
  console.log(`registered staff card for ${b}`);
} else if (command === 'remove' && a) {
  console.log(roster.remove(a) ? `removed ${a}` : `no card registered for ${a}`);
} else if (command === 'list') {
  for (const s of roster.staffNumbers()) console.log(s);
} else {
  console.error('usage: staff-card add <ID number> <staff number> | remove <staff number> | list');
  process.exit(2);
}
