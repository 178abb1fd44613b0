import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { EmbeddingScatter } from '../../../components/charts';
import { GloveClient, GloveError, type GloveProgress, type GloveSummary } from '../../../worker/gloveClient';
import { DEFAULT_GLOVE_LIMITS } from '../../../worker/gloveProtocol';
import { GloveQueries } from './GloveQueries';

type LoadState =
  | { kind: 'empty' }
  | { kind: 'loading'; name: string; progress: GloveProgress | null }
  | { kind: 'loaded'; summary: GloveSummary }
  | { kind: 'failed'; message: string; summary?: GloveSummary };

const PROJECTED = 120;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

/** Step 6: a GloVe text file read in a worker (nothing leaves the tab), then questions about its vectors. */
export function GloveFileFigure() {
  const { clientRef, state, projection, load } = useGloveFile();
  return (
    <div className="emb-figure" data-testid="figure-glove-file">
      <DropZone load={load} />
      <LoadStatus state={state} />
      {state.kind === 'loaded' && clientRef.current && (
        <div className="emb-main">
          <FileProjection projection={projection} />
          <GloveQueries client={clientRef.current} first={state.summary.first} />
        </div>
      )}
    </div>
  );
}

type FileProjectionData = { words: string[]; coords: Float32Array };

/**
 * One GloVe worker for the figure's lifetime, and the state of the newest file given to it. Every load takes a
 * ticket: progress, results and errors of a load that a newer one replaced are dropped.
 */
function useGloveFile() {
  const clientRef = useRef<GloveClient | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'empty' });
  const [projection, setProjection] = useState<FileProjectionData | null>(null);
  const loadCount = useRef(0);

  useEffect(() => {
    const client = new GloveClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  const load = (file: File | undefined) => {
    const client = clientRef.current;
    if (!file || !client) return;
    const ticket = ++loadCount.current;
    setProjection(null);
    setState({ kind: 'loading', name: file.name, progress: null });
    client
      .load(file, file.name, (progress) => {
        if (ticket === loadCount.current) setState({ kind: 'loading', name: file.name, progress });
      })
      .then(async (summary) => {
        if (ticket !== loadCount.current) return;
        setState({ kind: 'loaded', summary });
        const p = await client.projection(PROJECTED);
        if (ticket === loadCount.current) setProjection({ words: p.words, coords: p.coords });
      })
      .catch((e: unknown) => {
        if (ticket !== loadCount.current) return;
        const summary = e instanceof GloveError ? e.summary : undefined;
        setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e), summary });
      });
  };
  return { clientRef, state, projection, load };
}

/** The file input, which is also a drop target for a dragged file. */
function DropZone({ load }: { load: (file: File | undefined) => void }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    load(e.dataTransfer.files[0]);
  };
  return (
    <div
      className="emb-drop"
      data-over={over}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="glove-drop"
    >
      <label className="emb-file">
        Choose a GloVe text file (or drop it here)
        <input
          type="file"
          accept=".txt,.vec,text/plain"
          onChange={(e: FormEvent<HTMLInputElement>) => {
            load(e.currentTarget.files?.[0]);
            // Cleared so choosing the same file again loads it again.
            e.currentTarget.value = '';
          }}
          data-testid="glove-input"
        />
      </label>
      <p className="emb-muted">
        Read in a worker inside this tab; nothing is uploaded. At most{' '}
        {DEFAULT_GLOVE_LIMITS.maxWords.toLocaleString('en')} words, {mb(DEFAULT_GLOVE_LIMITS.maxBytes)} or{' '}
        {DEFAULT_GLOVE_LIMITS.maxValues.toLocaleString('en')} numbers are kept: the first lines, which GloVe
        files order by frequency.
      </p>
    </div>
  );
}

function FileProjection({ projection }: { projection: FileProjectionData | null }) {
  if (!projection) return <p className="emb-muted">Projecting…</p>;
  return (
    <EmbeddingScatter
      title={`The ${projection.words.length} most frequent words, 2-D PCA`}
      points={projection.words.map((label, i) => ({
        x: projection.coords[2 * i],
        y: projection.coords[2 * i + 1],
        label,
      }))}
      k={3}
      height={260}
      caption="The file's first words projected on the first two principal components of their vectors."
    />
  );
}

function LoadStatus({ state }: { state: LoadState }) {
  if (state.kind === 'empty')
    return (
      <p className="emb-muted" data-testid="glove-message">
        No file loaded yet.
      </p>
    );
  if (state.kind === 'loading') {
    const p = state.progress;
    return (
      <div role="status" data-testid="glove-progress-box">
        <progress
          className="emb-progress"
          max={p?.totalBytes ?? 1}
          value={p?.bytesRead ?? 0}
          aria-label={`Reading ${state.name}`}
          data-testid="glove-progress"
        />
        <p className="emb-muted">
          Reading “{state.name}”
          {p ? `: ${mb(p.bytesRead)} of ${mb(p.totalBytes)}, ${p.words.toLocaleString('en')} words` : '…'}
        </p>
      </div>
    );
  }
  const s = state.summary;
  return (
    <div
      className={`notice ${state.kind === 'failed' ? 'notice-warn' : ''}`}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      data-testid="glove-message"
    >
      {state.kind === 'failed' ? (
        <p data-testid="glove-error">{state.message}</p>
      ) : (
        <p>
          Loaded <strong data-testid="glove-words">{s!.words}</strong> words ×{' '}
          <strong data-testid="glove-dim">{s!.dim}</strong> numbers from “{s!.name}” in{' '}
          {(s!.milliseconds / 1000).toFixed(2)} s
          {s!.truncated ? ` — the file is bigger than the cap: ${s!.truncated}.` : '.'}
        </p>
      )}
      {s && s.problemCount > 0 && (
        <>
          <p data-testid="glove-problem-count">
            {s.problemCount} line{s.problemCount === 1 ? '' : 's'} skipped
            {s.problems.length < s.problemCount ? ` (the first ${Math.min(8, s.problems.length)} shown)` : ''}
            :
          </p>
          <ul className="emb-problems" data-testid="glove-problems">
            {s.problems.slice(0, 8).map((p) => (
              <li key={p.line}>
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
