// Set before the rules load: a western zone, where local midnight is the previous day in UTC.
const originalTimeZone = process.env.TZ;
process.env.TZ = 'America/New_York';
const { timezoneSuite } = await import('./timezone-suite.ts');
timezoneSuite('America/New_York', 300, originalTimeZone);
