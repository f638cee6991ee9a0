/** The tide engine: harmonic prediction, analysis of observed series, sites. */
export type { Site, SiteConstituent } from './site.js';
export { loadSite, siteFile, isSitePath, parseSite, siteToJson, datumOffset, builtinSiteNames, SITE_FORMAT } from './site.js';
export type { ConstituentSet } from './constituents.js';
export { resolveConstituents, equilibriumArguments } from './constituents.js';
export type { HarmonicModel } from './harmonic.js';
export { harmonicModel, TideEvaluator } from './harmonic.js';
export type { SynthesisOptions, PredictOptions } from './synthesis.js';
export { predictSeaLevel, synthesize, predictDirect, DEFAULT_TOLERANCE } from './synthesis.js';
export type { ObservedSeries } from './series.js';
export { readSeriesCsv, resampleSeries } from './series.js';
export { parseIsoSeconds } from '../time.js';
export type { FitOptions, HarmonicFit, RayleighExclusion } from './fit.js';
export { fitHarmonics, rayleighSelection, analysisConstituents, STANDARD_ANALYSIS_CONSTITUENTS } from './fit.js';
export type { TideExtreme, ExtremeOptions } from './extremes.js';
export { highLowWaters } from './extremes.js';
export type { SeriesGap, GapReport } from './series.js';
export { findGaps, fillGaps, requireNoGaps, describeGaps } from './series.js';
