// Preloaded into the Prisma CLI by src/storage/migrate.ts. Prisma's WebAssembly schema engine leaves a
// 10-second timer behind after a PostgreSQL migration, so the CLI idles for 10 s after finishing.
// Unreferenced long timers still fire while other work keeps the process alive, but no longer hold it open.
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal.call(this, callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
