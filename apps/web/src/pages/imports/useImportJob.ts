import { useCallback, useEffect, useRef, useState } from 'react';
import { importsApi, type ImportJob } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { workbooks, type ImportKind } from './workbooks.ts';

const pollMs = 500;

/** Upload a workbook, then poll its job until it is done or failed. */
export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback(async (jobId: number) => {
    try {
      const current = await call(importsApi.job, { params: { jobId } });
      if (!alive.current) return;
      setJob(current);
      if (current.status === 'running') timer.current = setTimeout(() => poll(jobId), pollMs);
    } catch (e) {
      if (alive.current) setError((e as Error).message);
    }
  }, []);

  const start = useCallback(
    async (kind: ImportKind, file: File) => {
      clearTimeout(timer.current);
      setJob(null);
      setError(null);
      setUploading(true);
      try {
        const form = new FormData();
        form.append('file', file);
        const { jobId } = await call(workbooks[kind].upload, { body: form });
        if (!alive.current) return;
        setJob({
          id: jobId,
          kind: workbooks[kind].jobKind,
          fileName: file.name,
          status: 'running',
          total: 0,
          processed: 0,
          imported: 0,
          errors: [],
          errorCount: 0,
          errorsKept: 0,
        });
        await poll(jobId);
      } catch (e) {
        if (alive.current) setError((e as Error).message);
      } finally {
        if (alive.current) setUploading(false);
      }
    },
    [poll],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setJob(null);
    setError(null);
  }, []);

  return { job, uploading, error, start, clear };
}
