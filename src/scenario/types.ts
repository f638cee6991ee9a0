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
  /** Gaps in the series up to this long (s) are filled linearly; undefined: every gap is an error. */
  fill_gaps_max_s?: number;
}

export type TideSpec = ObservedTide;

export interface ChartCurve {
  kind: 'chart';
  /** Absolute path of the chart CSV (head_m, power_mw, flow_m3s). */
  file: string;
  chart_diameter_m: number;
}

export interface SchemeSpec {
  kind: 'barrage' | 'lagoon';
  basin: { area_curve_file: string };
  turbines: {
    count: number;
    diameter_m: number;
    idle_discharge_coefficient: number;
    curve: ChartCurve;
  };
  sluices: { area_m2: number; discharge_coefficient: number };
}

export interface OperationSpec {
  mode: 'ebb-only';
  ebb: { start_head_m: number; end_head_m: number };
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
