// Moved to db/src/plain-date.ts (@hub/db/plain-date); kept for the callers outside rules/ until they import it from there.
export * from '@hub/db/plain-date';
