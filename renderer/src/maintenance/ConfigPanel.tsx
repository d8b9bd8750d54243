import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigField } from '../../../contract';
import { useMaintenance } from './maintenance-session';

/** One row per editable setting; the host validates with the config schema and says what is wrong next to the field. */
export function ConfigPanel() {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [fields, setFields] = useState<ConfigField[]>([]);
  useEffect(() => {
    void m.call('maintenance.config.get', {}).then((r) => r.ok && setFields(r.value.fields));
  }, [m]);
  return (
    <div className="panel" aria-labelledby="config-heading">
      <h2 id="config-heading">{t('maintenance.config.heading')}</h2>
      <ul className="config-fields">
        {fields.map((f) => (
          <ConfigRow key={f.key} field={f} />
        ))}
      </ul>
    </div>
  );
}

function ConfigRow({ field }: { field: ConfigField }) {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [text, setText] = useState(field.value === null ? '' : String(field.value));
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `cfg-${field.key.replace(/\./g, '-')}`;

  const save = async () => {
    const value =
      field.type === 'number' ? Number(text) : field.type === 'boolean' ? text === 'true' : field.type === 'url-or-null' && text.trim() === '' ? null : text;
    const r = await m.call('maintenance.config.set', { key: field.key, value });
    setNote(r.ok ? { ok: true, text: t('maintenance.config.saved', { applies: t(`maintenance.config.${r.value.field.applies}`) }) } : { ok: false, text: r.message });
  };

  return (
    <li className="config-row" data-testid={id}>
      <label htmlFor={id}>
        {field.label} <small>({field.key})</small>
      </label>
      {field.type === 'boolean' ? (
        <select id={id} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="true">{t('maintenance.config.yes')}</option>
          <option value="false">{t('maintenance.config.no')}</option>
        </select>
      ) : (
        <input
          id={id}
          inputMode={field.type === 'number' ? 'numeric' : 'text'}
          value={text}
          placeholder={t('maintenance.config.none')}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={note ? !note.ok : undefined}
          aria-describedby={note ? `${id}-note` : undefined}
        />
      )}
      <button type="button" onClick={() => void save()}>
        {t('maintenance.config.save')}
      </button>
      {note && (
        <p id={`${id}-note`} className={note.ok ? 'note-ok' : 'warning'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </li>
  );
}
