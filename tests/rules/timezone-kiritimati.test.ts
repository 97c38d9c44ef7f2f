// Set before the rules load: UTC+14, the far side of the date line from New York.
const originalTimeZone = process.env.TZ;
process.env.TZ = 'Pacific/Kiritimati';
const { timezoneSuite } = await import('./timezone-suite.ts');
timezoneSuite('Pacific/Kiritimati', -840, originalTimeZone);
