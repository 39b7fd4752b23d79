import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { SettingsValue } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';
import { DataFolder } from './DataFolder';
import { EmbeddingFields } from './EmbeddingFields';
import './settings.css';

/** Optional providers (off by default, and said plainly that they send text away) and the data folder. */
export function SettingsDialog() {
  const s = useApp(
    useShallow((st) => ({ settings: st.settings, error: st.settingsError, load: st.loadSettings, save: st.saveSettings, close: st.closeDialog })),
  );
  const [draft, setDraft] = useState<SettingsValue | null>(s.settings);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => setDraft(s.settings), [s.settings]);
  const llm = draft?.llm;
  const sendsText = !!draft && (draft.llm.enabled || draft.embedding.provider === 'openai');
  return (
    <Modal
      title="Settings"
      onClose={s.close}
      testId="settings-dialog"
      wide
      footer={<SettingsFooter draft={draft} save={s.save} close={s.close} />}
    >
      {!draft && !s.error && <p className="muted">Loading…</p>}
      {draft && llm && (
        <>
          <LlmSection llm={llm} onChange={(next) => setDraft({ ...draft, llm: next })} />
          <EmbeddingFields value={draft.embedding} onChange={(embedding) => setDraft({ ...draft, embedding })} />
          {sendsText && (
            <p className="banner warn" role="note" data-testid="offline-warning">
              With a provider configured, the text of your documents and searches is sent to it. If it is not on this machine, your text leaves the
              machine.
            </p>
          )}
        </>
      )}
      <ErrorText message={s.error} />
      <DataFolder />
    </Modal>
  );
}

function SettingsFooter(
  props: Readonly<{ draft: SettingsValue | null; save: (value: SettingsValue) => Promise<boolean>; close: () => void }>,
) {
  const { draft, save, close } = props;
  return (
    <>
      <button type="button" className="btn" onClick={close}>
        Cancel
      </button>
      <button type="button" className="btn primary" disabled={!draft} onClick={async () => draft && (await save(draft)) && close()}>
        Save
      </button>
    </>
  );
}

type LlmSettings = SettingsValue['llm'];

function LlmSection({ llm, onChange }: Readonly<{ llm: LlmSettings; onChange: (llm: LlmSettings) => void }>) {
  return (
    <section className="settings-section">
      <h3>Language model (optional)</h3>
      <p className="muted small">
        Off by default: Kenning extracts entities and searches with local methods only. A model improves extraction and enables the answer
        search types.
      </p>
      <label className="row">
        <input type="checkbox" checked={llm.enabled} data-testid="llm-enabled" onChange={(e) => onChange({ ...llm, enabled: e.target.checked })} />
        Use an OpenAI-compatible model (for example a local Ollama)
      </label>
      {llm.enabled && (
        <div className="settings-fields">
          <label className="field">
            <span>Base URL</span>
            <input className="input" value={llm.baseUrl} onChange={(e) => onChange({ ...llm, baseUrl: e.target.value })} />
          </label>
          <label className="field">
            <span>Model</span>
            <input className="input" value={llm.model} onChange={(e) => onChange({ ...llm, model: e.target.value })} />
          </label>
          <label className="field">
            <span>API key (if the provider needs one)</span>
            <input className="input" type="password" value={llm.apiKey ?? ''} onChange={(e) => onChange({ ...llm, apiKey: e.target.value || undefined })} />
          </label>
        </div>
      )}
    </section>
  );
}
