/** The stand-in's time source: the host passes its own clock (anything with `now()`) to control expiry. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
