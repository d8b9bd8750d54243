import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import { useStaff } from '../assisted/staff';
import { OnScreenKeyboard } from '../components/keyboard/OnScreenKeyboard';
import { VoicePrompt } from '../voice/VoicePrompt';

/** 帮代办: the clerk signs in (staff number + PIN); applications then carry the clerk's id. */
export function AssistedScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { client } = useKiosk();
  const staff = useStaff();
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [editing, setEditing] = useState<'id' | 'pin' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A registered staff card placed on the reader signs the clerk in; the kiosk then waits for the resident's card.
  useEffect(() => {
    if (staff) return;
    return client.on('idcard.presented', () => {
      void client.api['staff.signInWithCard']({}).then((r) => (r.ok ? navigate('/') : setProblem(r.message)));
    });
  }, [client, staff, navigate]);

  const signIn = async () => {
    const r = await client.api['staff.signIn']({ staffId, pin });
    setPin('');
    if (!r.ok) return setProblem(r.issues?.[0]?.message ?? r.message);
    setProblem(null);
    navigate('/home');
  };
  return (
    <section className="assisted" aria-labelledby="assisted-heading">
      <h1 id="assisted-heading">{t('journey.assisted.heading')}</h1>
      <VoicePrompt text={t('journey.assisted.lead')} />
      {staff ? (
        <>
          <p className="assisted-note">{t('journey.assisted.signedIn', { name: staff.displayName })}</p>
          <button type="button" onClick={() => void client.api['staff.signOut']({})} data-testid="staff-sign-out">
            {t('journey.assisted.signOut')}
          </button>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="staff-id" className="field-label">
              {t('journey.assisted.staffId')}
            </label>
            <input id="staff-id" className="text-input" value={staffId} inputMode="none" autoComplete="off" onFocus={() => setEditing('id')} onChange={(e) => setStaffId(e.target.value)} data-testid="staff-id" />
            {editing === 'id' && <OnScreenKeyboard layout="letters" value={staffId} onChange={setStaffId} onDone={() => setEditing(null)} />}
          </div>
          <div className="field">
            <label htmlFor="staff-pin" className="field-label">
              {t('journey.assisted.pin')}
            </label>
            <input id="staff-pin" className="text-input" type="password" value={pin} inputMode="none" autoComplete="off" onFocus={() => setEditing('pin')} onChange={(e) => setPin(e.target.value)} data-testid="staff-pin" />
            {editing === 'pin' && <OnScreenKeyboard layout="digits" value={pin} maxLength={6} onChange={setPin} onDone={() => setEditing(null)} />}
          </div>
          <p className="hint">{t('journey.assisted.cardHint')}</p>
          {problem && (
            <p className="field-error" role="alert" data-testid="staff-error">
              {problem}
            </p>
          )}
          <button type="button" className="primary huge" onClick={() => void signIn()} data-testid="staff-sign-in">
            {t('journey.assisted.signIn')}
          </button>
        </>
      )}
    </section>
  );
}
