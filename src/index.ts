#!/usr/bin/env node
import { main } from './main.js';
import { cli } from './cli/cli.js';

// One bundle serves the action and the local CLI: a runner passes no arguments.
if (process.argv.length > 2) process.exitCode = await cli(process.argv.slice(2));
else await main();
