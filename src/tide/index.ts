/** The tide engine: harmonic prediction, analysis of observed series, sites. */

export { parseIsoSeconds } from '../time.js';
export type { ConstituentSet } from './constituents.js';
export { equilibriumArguments, resolveConstituents } from './constituents.js';
export type { FitOptions, HarmonicFit, RayleighExclusion } from './fit.js';
export { analysisConstituents, fitHarmonics, rayleighSelection, STANDARD_ANALYSIS_CONSTITUENTS } from './fit.js';
export type { HarmonicModel } from './harmonic.js';
export { harmonicModel, TideEvaluator } from './harmonic.js';
export type { GapReport, ObservedSeries, SeriesGap } from './series.js';
export { describeGaps, fillGaps, findGaps, readSeriesCsv, requireNoGaps, resampleSeries } from './series.js';
export type { Site, SiteConstituent } from './site.js';
export { builtinSiteNames, datumOffset, isSitePath, loadSite, parseSite, SITE_FORMAT, siteFile, siteToJson } from './site.js';
export type { PredictOptions, SynthesisOptions } from './synthesis.js';
export { DEFAULT_TOLERANCE, outsideCheckedYears, predictDirect, predictSeaLevel, synthesize } from './synthesis.js';
export type { ExtremeOptions, SlackWater, TideExtreme, TideTurns } from './turning-points.js';
export { countTides, highLowWaters, slackWaters, tideTurns } from './turning-points.js';
