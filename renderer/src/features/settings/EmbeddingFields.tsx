import type { SettingsValue } from '../../store/views';

type Embedding = SettingsValue['embedding'];

/** Which embedder builds the search vectors: local word vectors (default), hashing, or a remote API. */
export function EmbeddingFields({ value, onChange }: Readonly<{ value: Embedding; onChange: (e: Embedding) => void }>) {
  return (
    <section className="settings-section">
      <h3>Embeddings</h3>
      <label className="field">
        <span>Provider</span>
        <select
          className="input"
          value={value.provider}
          data-testid="embedding-provider"
          onChange={(e) => {
            const p = e.target.value as Embedding['provider'];
            onChange(p === 'openai' ? { provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: '' } : { provider: p });
          }}
        >
          <option value="local">Local word vectors (offline, default)</option>
          <option value="hashing">Hashing (offline, fastest, no synonyms)</option>
          <option value="openai">OpenAI-compatible API</option>
        </select>
      </label>
      {value.provider === 'openai' && (
        <div className="settings-fields">
          <label className="field">
            <span>Base URL</span>
            <input className="input" value={value.baseUrl} onChange={(e) => onChange({ ...value, baseUrl: e.target.value })} />
          </label>
          <label className="field">
            <span>Model</span>
            <input className="input" value={value.model} onChange={(e) => onChange({ ...value, model: e.target.value })} />
          </label>
          <label className="field">
            <span>API key</span>
            <input className="input" type="password" value={value.apiKey ?? ''} onChange={(e) => onChange({ ...value, apiKey: e.target.value || undefined })} />
          </label>
        </div>
      )}
      <p className="muted small">A dataset keeps the embedder it was indexed with; after changing it here, use “Rebuild index” on a dataset to switch it.</p>
    </section>
  );
}
