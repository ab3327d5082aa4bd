// The action's entry as CommonJS (see launch.ts, which this bundles): node starts it sooner.
require('./launch.ts');
