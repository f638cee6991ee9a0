/** The integrator's tolerances and limits: how fine a step must be and when a run stops. */

/**
 * At most this many mode switches inside one step: more means the modes hand over in a loop
 * without time passing (inconsistent heads or limits), and the run stops.
 */
export const MAX_SWITCHES_PER_STEP = 16;
/**
 * A mode whose exit condition already holds by more than this (m) when it is entered ends at
 * once. Consecutive modes that share a threshold (hold-low ends at H = 0, fill starts there)
 * must not read round-off as a crossing.
 */
export const SWITCH_TOL = 1e-6;
/**
 * Largest overshoot of the basin past the sea (m) the run accepts (see Totals.overshoot). Near
 * slack water the sluice flow, Q ~ sqrt(|H|), equalises a small head faster than any explicit
 * step resolves, and the step overshoots by up to about (Cd*A/A_basin)^2 * 2g * dt^2 / 4; a
 * centimetre is immaterial to the energy (the Mersey default at 10-minute steps overshoots by
 * under a millimetre), a decimetre is not: the basin then passes a sea still rising, the
 * sluicing ends early and the basin is held short of high water.
 */
export const OVERSHOOT_LIMIT = 0.02;

/**
 * Local error tolerance (m of basin level): a sub-step whose Heun result differs from its
 * embedded Euler result by more is halved (and the next sub-steps grow back by doubling). The
 * difference is Euler's local error, O(dt^2), so it over-states Heun's, O(dt^3): smooth stretches
 * of a tide pass whole at 10-minute steps, while the stiff ones are split: sluicing near slack
 * water, where Q ~ sqrt(|H|) has no bounded derivative, and over the drying flats, where a small
 * wetted area meets the full sluice capacity. On the Mersey this brings the 10-minute error in
 * annual energy from 0.7-1.8 % down to about 0.15 % (README, "Scheme physics and operation").
 */
export const LEVEL_TOL = 0.005;
/** A step is halved at most this many times (down to dt/4096); a step needing more is too coarse. */
export const MAX_HALVINGS = 12;
