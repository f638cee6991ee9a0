// Building the turbine tables when a scenario loads (and for every case of a design sweep): each
// kind's ebb, flood (factor 0.9 for the bulb kinds) and pump curves (efficiency by lift) on the
// 0.01 m head grid. Batches of 100 builds per timing.
import { readNumericCsv } from '../dist/io/csv-read.js';
import { PACKAGE_ROOT } from '../dist/paths.js';
import { aggidisFeatherUnit } from '../dist/scheme/aggidis-feather.js';
import { tableFromChart } from '../dist/scheme/hill-chart.js';
import { idealTurbineUnit } from '../dist/scheme/ideal-turbine.js';
import { logEfficiency, pumpPoint, withPump } from '../dist/scheme/pump.js';
import { parametricTable } from '../dist/scheme/turbine.js';

const BATCH = 100;

function readChart() {
  const c = readNumericCsv(`${PACKAGE_ROOT}/data/bulb-turbine-9m-hill-chart.csv`, ['head_m', 'power_mw', 'flow_m3s']);
  return { head: c.head_m, power: c.power_mw.map((x) => x * 1e6), flow: c.flow_m3s, diameter: 9 };
}

export default async function (h) {
  const chart = readChart();
  // The default pump: capacity at the turbine's flow at 2.5 m, passage friction 0.05 x 2.5 m, the
  // literature's log efficiency (docs/losses.md).
  const pump = (t) => {
    const spec = {
      capacity: t.ebb.flow[Math.round(2.5 / t.dh)],
      maxPower: t.ratedPower,
      frictionHead: 0.05 * 2.5,
      efficiency: logEfficiency,
    };
    return (h) => pumpPoint(spec, h);
  };
  const kinds = [
    ['chart 9 m -> 8 m', () => tableFromChart(chart, 8, 1, { floodFactor: 0.9 })],
    [
      'Aggidis-Feather 8 m, 95 poles',
      () => parametricTable(aggidisFeatherUnit({ diameter: 8, poles: 95, gridFrequency: 50, ratedPower: 25e6 }), 1, 0.9),
    ],
    [
      'ideal 8 m',
      () => parametricTable(idealTurbineUnit({ diameter: 8, dischargeCoefficient: 1, efficiency: 1, ratedPower: 25e6 }), 1, 1),
    ],
  ];
  for (const [name, gen] of kinds) {
    const g0 = gen();
    const one = withPump(g0, pump(g0));
    const points = one.ebb.power.length * (one.flood === one.ebb ? 2 : 3);
    const t = await h.measure(
      `build table: ${name}`,
      () => {
        for (let i = 0; i < BATCH; i++) {
          const g = gen();
          withPump(g, pump(g));
        }
      },
      { work: BATCH * points, unit: 'point', reps: 9 },
    );
    h.figure(`one table build: ${name}`, (t / BATCH) * 1e6, 'us', `${points} points`);
  }
}
