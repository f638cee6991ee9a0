/**
 * The published record the validation suite is held against: for each real or proposed scheme,
 * its scenario file, its published installed capacity and annual energy with their sources
 * (../shared/data/SOURCES.md of the project), and the tolerance its modelled energy must meet.
 *
 * A scheme passes when its modelled annual energy (net of pumping) lies inside its published
 * range widened by the tolerance on both sides: low * (1 - tolerance) <= modelled <= high *
 * (1 + tolerance). The ratio reported is modelled / reference, the reference being the single
 * published figure or the middle of the published range.
 */

export type SchemeStatus = 'operating' | 'proposal';

/** A published annual energy: a single figure (low = high) or a range across years or studies. */
export interface PublishedEnergy {
  /** Lowest published annual energy (GWh/yr). */
  low_gwh: number;
  /** Highest published annual energy (GWh/yr). */
  high_gwh: number;
  /** The figure the ratio is taken against (GWh/yr): the single figure, or the middle of the range. */
  reference_gwh: number;
  /** The figure as published, in words. */
  text: string;
  /** Where it is published. */
  source: string;
}

export interface ValidationScheme {
  /** Short identifier, e.g. "la-rance". */
  id: string;
  name: string;
  /** The scenario file, relative to the package root. */
  scenario: string;
  status: SchemeStatus;
  /** Published installed capacity (MW); null when the sources give none for this configuration. */
  installed_mw: number | null;
  energy: PublishedEnergy;
  /** Relative tolerance on both sides of the published range (0.15 = 15 %). */
  tolerance: number;
  /** Why this tolerance. */
  tolerance_text: string;
}

const OPERATING = 'an operating plant: +-15 % of its published output';
const PROPOSAL = "a proposal: its published range (the developers' and studies' estimates) widened by 15 % on each side";

const mersey = {
  low_gwh: 900,
  high_gwh: 1500,
  reference_gwh: 1200,
  text: '0.9-1.5 TWh/yr across the Mersey barrage studies',
  source:
    'Peel/NWDA Mersey barrage studies (2006-2011); Mersey Tidal Power, Liverpool City Region (2024 consultation, press reports); Energy River, Becker, Plater & Wolf (2017)',
};

/** The schemes of the validation suite, in the order of the table. */
export const VALIDATION_SCHEMES: readonly ValidationScheme[] = [
  {
    id: 'la-rance',
    name: 'La Rance (France, 1966)',
    scenario: 'models/validation/la-rance.json',
    status: 'operating',
    installed_mw: 240,
    energy: {
      low_gwh: 491,
      high_gwh: 523,
      reference_gwh: 507,
      text: 'about 500 GWh/yr: 491 GWh in 2009, 523 GWh in 2010 (reference: their mean, 507)',
      source: 'EDF figures as reported by reuk.co.uk and offshore-energy.biz',
    },
    tolerance: 0.15,
    tolerance_text: OPERATING,
  },
  {
    id: 'sihwa',
    name: 'Sihwa Lake (Korea, 2011)',
    scenario: 'models/validation/sihwa.json',
    status: 'operating',
    installed_mw: 254,
    energy: {
      low_gwh: 552,
      high_gwh: 552,
      reference_gwh: 552,
      text: 'about 552 GWh/yr',
      source: 'tethys.pnnl.gov (Sihwa Tidal Power Plant)',
    },
    tolerance: 0.15,
    tolerance_text: OPERATING,
  },
  {
    id: 'swansea-bay',
    name: 'Swansea Bay lagoon (UK, consented 2015)',
    scenario: 'models/validation/swansea-bay.json',
    status: 'proposal',
    installed_mw: 320,
    energy: {
      low_gwh: 495,
      high_gwh: 530,
      reference_gwh: 512.5,
      text: '495-530 GWh/yr',
      source: "Marine Energy Wales; the developer's application",
    },
    tolerance: 0.15,
    tolerance_text: PROPOSAL,
  },
  {
    id: 'mersey-libaux-ebb',
    name: 'Mersey barrage, Peel/NWDA Libaux 28 x 8 m, ebb-only',
    scenario: 'models/mersey-barrage-libaux-ebb.json',
    status: 'proposal',
    installed_mw: null,
    energy: mersey,
    tolerance: 0.15,
    tolerance_text: PROPOSAL,
  },
  {
    id: 'mersey-700mw',
    name: 'Mersey barrage, 700 MW two-way with pumping (Mersey Tidal Power)',
    scenario: 'models/mersey-barrage.json',
    status: 'proposal',
    installed_mw: 700,
    energy: mersey,
    tolerance: 0.15,
    tolerance_text: PROPOSAL,
  },
];

/**
 * The pumping check: on the Mersey default, the net gain from pumping (net with pumping minus net
 * without, the same heads otherwise) as a fraction of the net without pumping must lie in this
 * band. The literature: about +3 % for the Severn barrage (ebb generation with flood pumping,
 * 16.5 -> 17 TWh/yr: UK Parliament Hansard 1986; nsenergybusiness.com, Cardiff-Weston), "up to
 * 10 %" in general texts (Breeze, Power Generation Technologies, 'Modes of operation'), and
 * Yates et al. (2013, Renewable Energy 58; National Oceanography Centre release "Re-evaluating
 * the energy gains from tidal power"): earlier theoretical gains were too optimistic.
 */
export const PUMPING_CHECK = {
  scheme: 'mersey-700mw',
  low: 0,
  high: 0.12,
  text: '0-12 % of the net energy without pumping',
  source:
    'Severn barrage about +3 % (16.5 -> 17 TWh/yr, Hansard 1986); "up to 10 %" (Breeze, Power Generation Technologies); Yates et al. (2013): earlier theoretical pumping gains too optimistic',
} as const;

/** The accepted band of annual energy (GWh/yr): the published range widened by the tolerance. */
export function acceptedBand(s: ValidationScheme): [number, number] {
  return [s.energy.low_gwh * (1 - s.tolerance), s.energy.high_gwh * (1 + s.tolerance)];
}
