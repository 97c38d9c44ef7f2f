// Placeholder replaced by the database bootstrap (see db/src/embedded.ts).
export default async function setup() {}
