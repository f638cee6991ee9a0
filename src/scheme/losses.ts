/**
 * The chain from the turbine shaft to the grid, and the energy waterfall it makes.
 *
 * Generation: shaft energy x water passage x gearbox x generator x transformer x availability =
 * exported energy. Pumping draws the other way: shaft energy / (gearbox x motor x transformer) x
 * availability = energy drawn from the grid (a unit out of service neither generates nor pumps).
 * Every factor is a constant (or, with forced outages, the availability a fraction of units in
 * service per step), so each scales its stage exactly and the stages close. Defaults and their
 * sources: docs/losses.md.
 */

export interface LossChain {
  /** Water-passage (hydraulic) friction, on generation. */
  readonly waterPassage: number;
  readonly gearbox: number;
  /** The generator; the same machine as a motor when pumping. */
  readonly generator: number;
  readonly transformer: number;
  /** Expected fraction of units in service. */
  readonly availability: number;
}

/** Every factor 1: shaft energy is exported energy (comparisons with other 0-D codes). */
export const IDEAL_CHAIN: LossChain = { waterPassage: 1, gearbox: 1, generator: 1, transformer: 1, availability: 1 };

/** Exported energy per unit of shaft energy generated. */
export function generationFactor(c: LossChain): number {
  return c.waterPassage * c.gearbox * c.generator * c.transformer * c.availability;
}

/** Grid energy drawn per unit of pump shaft energy. */
export function pumpingFactor(c: LossChain): number {
  return c.availability / (c.gearbox * c.generator * c.transformer);
}

/** One stage of a waterfall: the energy at it (GWh over the period) and the factor that made it. */
export interface Stage {
  /** Stable identifier. */
  readonly key: string;
  /** In words, for tables and plots. */
  readonly label: string;
  /**
   * The factor of this stage; null for the first. Generation multiplies by it; pumping divides
   * by it (the energy before an efficiency is the energy after it over the efficiency), except
   * availability, which multiplies pumping too.
   */
  readonly factor: number | null;
  /** Energy at this stage over the simulated period (GWh). */
  readonly energy_gwh: number;
  /** Scaled to 365.25 days (GWh/yr). */
  readonly annual_gwh: number;
  /**
   * What this stage took from generation, or added to pumping, per year (GWh/yr): >= 0, except
   * pumping's availability, which is negative (a unit out of service pumps nothing).
   */
  readonly loss_annual_gwh: number;
}

export interface Waterfall {
  /** From the water to the grid; each stage the energy after it. */
  readonly generation: Stage[];
  /** From the water back to the grid; each stage the energy at it, growing. Empty without pumping. */
  readonly pumping: Stage[];
  readonly exported_annual_gwh: number;
  readonly pumping_annual_gwh: number;
  /** Exported minus pumping: the headline annual energy. */
  readonly net_annual_gwh: number;
}

/** What the solver gives, per period (GWh): the stages it computes. */
export interface SolverEnergies {
  /** Potential energy released through the generating turbines, rho*g*Q*|H| integrated. */
  readonly hydraulic: number;
  /** Exported generation as the solver integrated it (shaft x generationFactor(chain)). */
  readonly generated: number;
  /** Potential energy given to the water pumped, rho*g*Q*lift integrated. */
  readonly lift: number;
  /** Grid energy drawn as the solver integrated it (shaft x pumpingFactor(chain)). */
  readonly pumped: number;
}

function chainStages(
  start: { key: string; label: string; energy: number },
  steps: readonly { key: string; label: string; factor: number; divides?: boolean }[],
  perYear: number,
  grows: boolean,
): Stage[] {
  const out: Stage[] = [
    {
      key: start.key,
      label: start.label,
      factor: null,
      energy_gwh: start.energy,
      annual_gwh: start.energy * perYear,
      loss_annual_gwh: 0,
    },
  ];
  let e = start.energy;
  for (const s of steps) {
    const next = s.divides ? e / s.factor : e * s.factor;
    out.push({
      key: s.key,
      label: s.label,
      factor: s.factor,
      energy_gwh: next,
      annual_gwh: next * perYear,
      loss_annual_gwh: (grows ? next - e : e - next) * perYear,
    });
    e = next;
  }
  return out;
}

/**
 * The waterfall of a run: the solver's energies (GWh over the period), the chain it ran with,
 * `availability` the availability realised (the chain's, or the mean with forced outages), and
 * `perYear` the factor from the period to 365.25 days. The shaft stages are recovered from the
 * solver's exported figures by the chain's own factors; the last stage of each side is the
 * solver's figure itself, so the headline and the waterfall agree exactly.
 */
export function waterfall(e: SolverEnergies, c: LossChain, availability: number, perYear: number): Waterfall {
  const chain = { ...c, availability };
  const shaft = e.generated / generationFactor(chain);
  const generation = chainStages(
    { key: 'hydraulic', label: 'hydraulic energy released through the turbines', energy: e.hydraulic },
    [
      { key: 'shaft', label: 'turbine shaft', factor: e.hydraulic > 0 ? shaft / e.hydraulic : 1 },
      { key: 'water_passage', label: 'after water-passage friction', factor: c.waterPassage },
      { key: 'gearbox', label: 'after the gearbox (drive train)', factor: c.gearbox },
      { key: 'generator', label: 'after the generator', factor: c.generator },
      { key: 'transformer', label: 'after the transformer', factor: c.transformer },
      { key: 'availability', label: 'exported (after availability)', factor: availability },
    ],
    perYear,
    false,
  );
  const pumpShaft = e.pumped / pumpingFactor(chain);
  const pumping =
    e.pumped > 0
      ? chainStages(
          { key: 'lift', label: 'potential energy given to the water pumped', energy: e.lift },
          [
            {
              key: 'shaft',
              label: 'pump shaft (pump efficiency and passage friction)',
              factor: e.lift / pumpShaft,
              divides: true,
            },
            { key: 'gearbox', label: 'before the gearbox', factor: c.gearbox, divides: true },
            { key: 'motor', label: 'before the motor (the generator run as a motor)', factor: c.generator, divides: true },
            { key: 'transformer', label: 'at the grid, every unit in service', factor: c.transformer, divides: true },
            { key: 'availability', label: 'drawn from the grid (after availability)', factor: availability },
          ],
          perYear,
          true,
        )
      : [];
  return {
    generation,
    pumping,
    exported_annual_gwh: e.generated * perYear,
    pumping_annual_gwh: e.pumped * perYear,
    net_annual_gwh: (e.generated - e.pumped) * perYear,
  };
}
