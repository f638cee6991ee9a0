#!/usr/bin/env node
/**
 * Executable entry of the mersey-tidal command. The build points it at the bundled command
 * (scripts/build-cli.js); with MERSEY_TIDAL_DEBUG set, stacks name the TypeScript sources.
 */
if (process.env.MERSEY_TIDAL_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
