'use client';

import { countdown, countdownSentence, countdownTick } from '../../../core/time/countdown';
import { useNow } from '../../../core/use-now';

/**
 * A live countdown to `deadline`. Shown, not announced: a screen reader
 * reads it when the user reaches it, rather than every second.
 */
export function Countdown({ deadline }: { deadline: string }) {
  const target = new Date(deadline).getTime();
  const now = useNow((current) => countdownTick(target, current));
  const value = countdown(target, now);
  return (
    <span className={`countdown${value.past ? ' countdown--past' : value.days === 0 ? ' countdown--soon' : ''}`} role="timer">
      {countdownSentence(value)}
    </span>
  );
}
