import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry, LogLevelName } from '../../../contract';
import { useMaintenance } from './maintenance-session';

const LEVELS: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Live tail of the host log (already redacted at source), filtered by level. */
export function LogsPanel() {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [level, setLevel] = useState<LogLevelName>('info');
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [paused, setPaused] = useState(false);
  const after = useRef(-1);

  useEffect(() => {
    after.current = -1;
    setEntries([]);
  }, [level]);

  useEffect(() => {
    if (paused || !m.token) return;
    const pull = async () => {
      const r = await m.call('maintenance.logs', { level, after: after.current, limit: 200 });
      if (!r.ok || r.value.entries.length === 0) return;
      after.current = r.value.entries[r.value.entries.length - 1]!.seq;
      setEntries((old) => [...old, ...r.value.entries].slice(-300));
    };
    void pull();
    const timer = window.setInterval(() => void pull(), 2000);
    return () => window.clearInterval(timer);
  }, [level, paused, m]);

  return (
    <div className="panel" aria-labelledby="logs-heading">
      <h2 id="logs-heading">{t('maintenance.logs.heading')}</h2>
      <div className="row" role="group" aria-label={t('maintenance.logs.level')}>
        {LEVELS.map((l) => (
          <button type="button" key={l} aria-pressed={level === l} onClick={() => setLevel(l)}>
            {l}
          </button>
        ))}
        <button type="button" onClick={() => setPaused((p) => !p)}>
          {paused ? t('maintenance.logs.resume') : t('maintenance.logs.pause')}
        </button>
      </div>
      <ol className="log-tail" data-testid="log-tail" aria-live="off" tabIndex={0} aria-label={t('maintenance.logs.heading')}>
        {entries.length === 0 && <li>{t('maintenance.logs.empty')}</li>}
        {entries.map((e) => (
          <li key={e.seq} className={`log-${e.level}`}>
            <time>{e.time.slice(11, 19)}</time> <b>{e.level}</b> {e.msg} <code>{e.fields}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
