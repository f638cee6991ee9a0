#!/usr/bin/env node
/** Executable entry of the mersey-tidal command. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
