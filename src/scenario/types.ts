/**
 * The scenario as the library sees it once loaded: typed, with every path resolved to an absolute
 * one. Field names carry their units, as in the scenario file (see models/scenario.schema.json).
 */

export interface ObservedTide {
  kind: 'observed';
  /** Absolute path of the CSV (time, level). */
  file: string;
  /** Datum of the levels, e.g. "ODN". */
  datum: string;
  /** Added to every level (m): sea-level rise for sensitivity studies. */
  sea_level_offset_m: number;
  /** Gaps in the series up to this long (s) are filled linearly; undefined: every gap is an error. */
  fill_gaps_max_s?: number;
}

export interface HarmonicTide {
  kind: 'harmonic';
  /** A built-in site name, or the absolute path of a site file. */
  site: string;
  /** Datum of the predicted levels (one of the site's datums). */
  datum: string;
  /** Added to every level (m). */
  sea_level_offset_m: number;
}

export type TideSpec = ObservedTide | HarmonicTide;

/** A tabulated head-power-flow chart scaled by (D/D0)^2. */
export interface ChartCurve {
  kind: 'chart';
  /** Absolute path of the chart CSV (head_m, power_mw, flow_m3s). */
  file: string;
  chart_diameter_m: number;
  /** Flood power as a fraction of the chart's (ebb) power at the same head and flow. */
  flood_efficiency_factor: number;
}

/** The Aggidis & Feather (2012) parametric double-regulated bulb turbine. */
export interface AggidisFeatherCurve {
  kind: 'aggidis-feather';
  rated_power_mw: number;
  generator_poles: number;
  grid_frequency_hz: number;
  /** Every efficiency on the flood multiplied by this. */
  flood_efficiency_factor: number;
}

/** The ideal orifice turbine capped at its rated power. */
export interface IdealCurve {
  kind: 'ideal';
  rated_power_mw: number;
  discharge_coefficient: number;
  efficiency: number;
  flood_efficiency_factor: number;
}

export type TurbineCurve = ChartCurve | AggidisFeatherCurve | IdealCurve;

/**
 * Pumping with the turbines in reverse (see src/scheme/pump.ts). `model` "losses" (the default):
 * a flow capacity below the turbine rating, water-passage friction and a pump efficiency against
 * the total head; "ideal-0d": the literature's loss-free form (power rho*g*Q*lift/eta, nothing
 * drawn at zero lift), kept so that results stay comparable with other 0-D codes. A chart
 * (chart_file) replaces the model by a tabulated curve of lift, flow and power.
 */
export interface PumpingSpec {
  model: 'losses' | 'ideal-0d';
  /** A constant pump efficiency; absent (and no efficiency_by_lift): the default log curve. */
  efficiency?: number;
  efficiency_by_lift?: { lift_m: number[]; efficiency: number[] };
  /** Largest shaft power one unit takes pumping (MW); default: the unit's rated power. */
  power_mw?: number;
  /** Flow capacity of one unit pumping (m3/s); default: the unit's ebb flow at capacity_head_m. */
  max_flow_m3s?: number;
  /** Head at which the turbine flow sets the default pump capacity (m). */
  capacity_head_m: number;
  /** CSV of lift_m, flow_m3s, power_mw for one unit of chart_diameter_m; absent: the model. */
  chart_file?: string;
  chart_diameter_m?: number;
}

/**
 * The chain from the turbine shaft to the grid, each a factor in (0, 1] (see
 * src/scheme/losses.ts): water-passage friction, gearbox, generator (motor when pumping),
 * transformer, and availability (the expected fraction of units in service).
 */
export interface LossesSpec {
  water_passage: number;
  gearbox: number;
  generator: number;
  transformer: number;
  availability: number;
  /** Seeded per-unit forced outages instead of the expected availability; absent: none. */
  outages?: { rate_per_year: number; mean_repair_h: number; seed: number };
}

export interface TurbinesSpec {
  count: number;
  diameter_m: number;
  idle_discharge_coefficient: number;
  curve: TurbineCurve;
  /** Absent: the units cannot pump. */
  pumping?: PumpingSpec;
}

/** The basin: exactly one of an area-level curve (absolute path) and a constant area (lagoons only). */
export interface BasinSpec {
  area_curve_file?: string;
  area_m2?: number;
}

export interface SchemeSpec {
  kind: 'barrage' | 'lagoon';
  basin: BasinSpec;
  turbines: TurbinesSpec;
  sluices: { area_m2: number; discharge_coefficient: number };
  losses: LossesSpec;
}

/** Fixed heads of one generating direction (m). */
export interface DirectionSpec {
  start_head_m: number;
  end_head_m: number;
  /** Pump at slack water to this head (m); absent or 0: no pumping. */
  pump_to_head_m?: number;
  sluice_while_generating: boolean;
}

export type OperationMode = 'ebb-only' | 'flood-only' | 'two-way';

/** The generating directions of each operation mode, and so the blocks (ebb, flood) it reads. */
export const MODE_DIRECTIONS: Readonly<Record<OperationMode, readonly ('ebb' | 'flood')[]>> = {
  'ebb-only': ['ebb'],
  'flood-only': ['flood'],
  'two-way': ['ebb', 'flood'],
};

/** Flexible operation (read by `mersey-tidal optimise`; simulate runs the fixed heads). */
export interface FlexibleSpec {
  /** Maximised: net energy (J) or net revenue (GBP). */
  objective: 'energy' | 'revenue';
  /** Absolute path of the price CSV (time_utc, price_gbp_per_mwh). */
  prices_file?: string;
  /** Decisions on the simulated sea level, or on the harmonic prediction at forecast_site. */
  forecast: 'perfect' | 'harmonic';
  /** Built-in site name or site file path (relative paths from the scenario's folder). */
  forecast_site?: string;
  /** Half tides searched together at each decision (default 1). */
  lookahead_half_tides: 1 | 2;
  /** Resolution of the head search (m). */
  head_step_m: number;
  /** [lowest, highest] heads searched (m). */
  start_head_range_m: [number, number];
  end_head_range_m: [number, number];
  pump_to_head_range_m: [number, number];
}

export interface OperationSpec {
  mode: OperationMode;
  ebb?: DirectionSpec;
  flood?: DirectionSpec;
  /** Minimum time in each kind of mode (s); defaults in the schema. */
  min_duration_s: { generate: number; pump: number; sluice: number; hold: number };
  /** Ramp at every mode change (s). */
  ramp_s: number;
  /** Longest pumping at one slack water (s); 0: no pumping. */
  max_pump_duration_s: number;
  /** Safety limits (m, tide datum); absent: none. */
  limits?: { basin_min_level_m?: number; basin_max_level_m?: number; turbine_min_water_level_m?: number };
  /** Flexible operation; absent: the optimiser's defaults (see the schema). */
  flexible?: FlexibleSpec;
}

export interface Scenario {
  name: string;
  description: string;
  sources: string[];
  /** The scenario file (absolute), or "<inline>" for one built in code. */
  file: string;
  /** Simulated period, ISO 8601 UTC, or a calendar year; undefined ends default to the tide series' own. */
  period: { start?: string; end?: string; year?: number };
  time_step_s: number;
  tide: TideSpec;
  scheme: SchemeSpec;
  operation: OperationSpec;
}
