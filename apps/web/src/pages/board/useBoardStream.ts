import { useEffect, useState } from 'react';
import { boardApi, type Board } from '@pairing/shared';
import { call, hrefOf } from '../../api/client.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * The round's board, kept current over Server-Sent Events (R-LIVE-STATUS): the stream sends the
 * whole board on connect and after every coalesced change, so the page never reloads. The
 * browser's EventSource reconnects by itself; the state says when it is doing so.
 */
export function useBoardStream(roundId: string | undefined) {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (!roundId) return;
    let live = true;
    setBoard(null);
    setError(null);
    setState('connecting');
    const params = { id: Number(roundId) };
    call(boardApi.board, { params }).then(
      (b) => live && setBoard((current) => current ?? b),
      (e: Error) => live && setError(e),
    );
    const source = new EventSource(hrefOf(boardApi.stream, { params }));
    source.addEventListener('board', (event) => {
      setBoard(JSON.parse((event as MessageEvent<string>).data) as Board);
      setState('live');
    });
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    return () => {
      live = false;
      source.close();
    };
  }, [roundId]);

  return { board, error, state };
}
