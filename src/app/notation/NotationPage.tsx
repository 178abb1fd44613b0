import { useMemo } from 'react';
import { CATALOG, getChapter } from '../../chapters';
import { Tex } from '../../components/math';
import { lessonText } from '../../lessons/lessonText';
import { NOTATION, RETIRED_NOTATION, type NotationEntry } from '../../lessons/notation';
import './notation.css';

interface Place {
  chapterId: string;
  chapterTitle: string;
  steps: { index: number; title: string }[];
}

/** Where a symbol appears: every step of every chapter whose text matches the entry's pattern, in course order. */
function placesOf(entry: NotationEntry): Place[] {
  const places: Place[] = [];
  for (const meta of CATALOG) {
    const chapter = getChapter(meta.id);
    if (!chapter) continue;
    const steps = chapter.lessons.flatMap((step, index) =>
      entry.find.test(lessonText(step)) ? [{ index, title: step.title }] : [],
    );
    if (steps.length) places.push({ chapterId: meta.id, chapterTitle: meta.title, steps });
  }
  return places;
}

/**
 * #/notation: the course's notation card — each symbol, what it means, how the source notes write it where they
 * differ, and the steps where it appears (found in the lesson text itself, so the list follows the chapters).
 */
export default function NotationPage() {
  const rows = useMemo(() => NOTATION.map((entry) => ({ entry, places: placesOf(entry) })), []);
  return (
    <article className="notation-page" data-testid="notation-page">
      <h1>Notation</h1>
      <p>
        One convention for the whole course. Where the source notes write something differently, the third
        column says how, so you can read them side by side. Layers are numbered from the input: layer 0 is the
        input, and a weight’s superscript names the layer it feeds.
      </p>
      <div className="notation-scroll">
        <table className="notation-table">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Meaning</th>
              <th scope="col">The notes write</th>
              <th scope="col">Where it appears</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ entry, places }) => (
              <tr key={entry.tex} data-testid="notation-row">
                <th scope="row">
                  <Tex tex={entry.tex} />
                </th>
                <td>{entry.meaning}</td>
                <td>{entry.notes ?? '—'}</td>
                <td>
                  {places.length === 0
                    ? '—'
                    : places.map((p) => (
                        <span key={p.chapterId} className="notation-place">
                          {p.chapterTitle}:{' '}
                          {p.steps.map((s, i) => (
                            <span key={s.index}>
                              {i > 0 && ', '}
                              <a href={`#/${p.chapterId}?lesson=${s.index + 1}`} title={s.title}>
                                {s.index + 1}
                              </a>
                            </span>
                          ))}
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Retired</h2>
      <p>
        These ways of writing appear in the notes but not in the course (a unit test checks every lesson):
      </p>
      <ul className="notation-retired">
        {RETIRED_NOTATION.map((r) => (
          <li key={r.pattern.source}>instead, {r.use}</li>
        ))}
      </ul>
      <p>
        <a href="#/">Back to the course home</a>
      </p>
    </article>
  );
}
