import { bundleSections, contextSection, modelPhaseSection, type Row } from './latency-sections.js';
const rows: Row[] = [];
const which = process.env.ONLY ?? '5';
if (which.includes('5')) await contextSection(process.env.CPR_BENCH_COMPILED!, rows);
if (which.includes('6')) await bundleSections(process.env.CPR_DIST!, rows);
if (which.includes('8')) await modelPhaseSection(rows);
console.log(rows);
