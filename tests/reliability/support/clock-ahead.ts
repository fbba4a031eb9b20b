/**
 * A preload (`node --import`) that sets this process's clock CLOCK_AHEAD_MS ahead of the host's, as on a
 * host whose clock is off: `Date.now()`, `new Date()` and `Date()` all read the shifted time. Node's own
 * timers and monotonic clock are untouched, as they are on such a host.
 */
const aheadMs = Number(process.env.CLOCK_AHEAD_MS ?? 0);
const HostDate = Date;
const shiftedNow = () => HostDate.now() + aheadMs;

globalThis.Date = new Proxy(HostDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget);
  },
  apply() {
    return new HostDate(shiftedNow()).toString();
  },
  get(target, property, receiver) {
    return property === 'now' ? shiftedNow : Reflect.get(target, property, receiver);
  },
});
