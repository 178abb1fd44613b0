import { Prose } from '../../components/math';
import type { Chapter } from '../types';

/**
 * All lesson steps of a chapter as readable sections (prose, "try this", check). Used until the lesson system
 * (src/app/lessons LessonPage) is available; kept as the no-figure fallback.
 */
export function InterimLessons({ chapter }: { chapter: Chapter }) {
  return (
    <article className="chapter-page" data-testid={`chapter-${chapter.id}`}>
      <p className="chapter-kicker">Chapter {chapter.number}</p>
      <h1>{chapter.title}</h1>
      <nav aria-label="Lesson steps">
        <ol>
          {chapter.lessons.map((step) => (
            <li key={step.id}>
              <a href={`#step-${step.id}`}>{step.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {chapter.lessons.map((step, i) => (
        <section key={step.id} id={`step-${step.id}`} aria-labelledby={`h-${step.id}`}>
          <h2 id={`h-${step.id}`}>
            {i + 1}. {step.title}
          </h2>
          <Prose text={step.body} />
          {step.tryThis && (
            <>
              <h3>Try this</h3>
              <ul>
                {step.tryThis.map((t) => (
                  <li key={t}>
                    <Prose text={t} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </article>
  );
}
