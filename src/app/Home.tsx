import { CATALOG, getChapter } from '../chapters';
import { ChapterProgressLine } from '../lessons/ChapterProgressLine';
import { ProgressNotice } from '../lessons/ProgressNotice';
import { StartAction } from './StartAction';
import { HomeDemo } from './HomeDemo';

export function Home() {
  return (
    <div className="home">
      <section className="hero">
        <div className="hero-text">
          <h1>Gradient Lab</h1>
          <p className="pitch">
            A course on deep learning where every idea is a live experiment. Start with a single neuron and
            end with a Transformer you train yourself — right here in your browser. Change a setting and watch
            the network learn: loss curves falling, decision boundaries bending, gradients flowing backwards,
            attention forming. Every experiment is seeded, so a link you share reopens the exact same run.
          </p>
          <StartAction />
        </div>
        <HomeDemo />
      </section>
      <ProgressNotice />
      <section aria-labelledby="chapters-heading">
        <h2 id="chapters-heading">Chapters</h2>
        <ol className="chapter-list" data-testid="chapter-list">
          {CATALOG.map((meta) => {
            const chapter = getChapter(meta.id);
            return (
              <li key={meta.id} className="chapter-card" data-testid={`chapter-card-${meta.id}`}>
                <a href={`#/${meta.id}`} className="chapter-link">
                  <span className="chapter-number" aria-hidden="true">
                    {meta.number}
                  </span>
                  <span className="chapter-title">{meta.title}</span>
                </a>
                <p className="chapter-description">{meta.description}</p>
                <p className="chapter-progress" data-testid={`chapter-progress-${meta.id}`}>
                  <ChapterProgressLine id={meta.id} chapter={chapter} />
                </p>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
