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
}

export type TideSpec = ObservedTide;

export interface ChartCurve {
  kind: 'chart';
  /** Absolute path of the chart CSV (head_m, power_mw, flow_m3s). */
  file: string;
  chart_diameter_m: number;
}

/**
 * Pumping with the turbines in reverse at a constant efficiency. Stand-in with the same fields
 * and meaning as the turbines branch's scheme.turbines.pumping (which adds efficiency_by_lift).
 */
export interface PumpingSpec {
  efficiency: number;
  /** Default: the unit's rated power. */
  power_mw?: number;
  /** Default: the largest flow of the unit generating on the ebb. */
  max_flow_m3s?: number;
}

/** The basin: exactly one of an area-level curve (absolute path) and a constant area (lagoons only). */
export interface BasinSpec {
  area_curve_file?: string;
  area_m2?: number;
}

export interface SchemeSpec {
  kind: 'barrage' | 'lagoon';
  basin: BasinSpec;
  turbines: {
    count: number;
    diameter_m: number;
    idle_discharge_coefficient: number;
    curve: ChartCurve;
    /** Absent: the units cannot pump. */
    pumping?: PumpingSpec;
  };
  sluices: { area_m2: number; discharge_coefficient: number };
}

/** Fixed heads of one generating direction (m). */
export interface DirectionSpec {
  start_head_m: number;
  end_head_m: number;
  /** Pump at slack water to this head (m); absent: no pumping. */
  pump_to_head_m?: number;
  sluice_while_generating: boolean;
}

export type OperationMode = 'ebb-only' | 'flood-only' | 'two-way';

export interface OperationSpec {
  mode: OperationMode;
  ebb?: DirectionSpec;
  flood?: DirectionSpec;
  /** Minimum time in each kind of mode (s); absent: 0. */
  min_duration_s?: { generate?: number; pump?: number; sluice?: number; hold?: number };
  /** Ramp at every mode change (s). */
  ramp_s: number;
  /** Safety limits (m, tide datum); absent: none. */
  limits?: { basin_min_level_m?: number; basin_max_level_m?: number; turbine_min_water_level_m?: number };
}

export interface Scenario {
  name: string;
  description: string;
  sources: string[];
  /** The scenario file (absolute), or "<inline>" for one built in code. */
  file: string;
  /** Simulated period, ISO 8601 UTC; undefined ends default to the tide series' own. */
  period: { start?: string; end?: string };
  time_step_s: number;
  tide: TideSpec;
  scheme: SchemeSpec;
  operation: OperationSpec;
}
