import { SEVERITIES, type Severity } from './findings.js';

/** 0 for critical, rising to 4 for nit: sorts most severe first. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, min: Severity): boolean {
  return severityRank(s) <= severityRank(min);
}

export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: '🔴 Critical',
  high: '🟠 High',
  medium: '🟡 Medium',
  low: '🔵 Low',
  nit: '⚪ Nit',
};
