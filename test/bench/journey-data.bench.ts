/**
 * journey-data: what validating all 27 journeys costs at start — `checkJourney`
 * for each, which parses it with `JourneySchema` first and then checks it
 * against its catalog entry — against loading the built-in catalog alone
 * (`CatalogSchema` parse), both measured in this run.
 *
 * `start-validate` is the first, cold pass (what a booting kiosk pays once,
 * JIT not warmed); `start-import` the first import of the data modules
 * (under tsx this is mostly transpiling, which the built kiosk does not do);
 * `start-validate-cpu` the CPU time of that pass (wall time on a loaded machine is
 * mostly waiting for a core); `warm-validate-*` are later passes.
 * Target: start-validate ≤ 50 ms absolute.
 */
import { performance } from 'node:perf_hooks';
import { type Emit, figure, percentile } from './format';

const ROUNDS = 60;

export default async function bench(emit: Emit): Promise<void> {
  let t0 = performance.now();
  const catalog = await import('../../contract/catalog');
  const catalogImport = performance.now() - t0;
  t0 = performance.now();
  const journeys = await import('../../contract/journeys');
  const journeysImport = performance.now() - t0;

  const loadCatalog = () => catalog.CatalogSchema.parse(catalog.CATALOG).oneThings.length;
  const validateJourneys = () => {
    if (journeys.WIRED_JOURNEYS.length !== 27) throw new Error(`expected 27 wired journeys, found ${journeys.WIRED_JOURNEYS.length}`);
    let mistakes = 0;
    for (const j of journeys.WIRED_JOURNEYS) {
      const thing = catalog.oneThingById(j.oneThing);
      if (!thing) throw new Error(`journey for unknown 一件事 ${j.oneThing}`);
      mistakes += journeys.checkJourney(j, thing).length;
    }
    if (mistakes) throw new Error(`checkJourney found ${mistakes} mistakes`);
    return mistakes;
  };

  // Cold: the first pass of each in this process. CPU time beside wall time: on a shared, loaded machine the
  // wall clock mostly measures waiting for a core.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  let c0 = process.cpuUsage();
  t0 = performance.now();
  loadCatalog();
  const catalogStart = performance.now() - t0;
  const catalogCpu = cpuMs(c0);
  c0 = process.cpuUsage();
  t0 = performance.now();
  validateJourneys();
  const journeysStart = performance.now() - t0;
  const journeysCpu = cpuMs(c0);
  emit(figure('start-import', journeysImport, 'ms', catalogImport));
  emit(figure('start-validate', journeysStart, 'ms', catalogStart));
  emit(figure('start-validate-cpu', journeysCpu, 'ms', catalogCpu));

  const time = (fn: () => number) => {
    const out: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      fn();
      out.push(performance.now() - s);
    }
    return out.sort((a, b) => a - b);
  };
  const base = time(loadCatalog);
  const ours = time(validateJourneys);
  emit(figure('warm-validate-p50', percentile(ours, 50), 'ms', percentile(base, 50)));
  emit(figure('warm-validate-p95', percentile(ours, 95), 'ms', percentile(base, 95)));
}
