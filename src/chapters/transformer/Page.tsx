import { Prose } from '../../components/math';
import { chapter } from './chapter';

/**
 * The Transformer chapter. Interim version: every lesson step as a readable section, until the lesson system
 * (src/app/lessons) and the live figures land.
 */
export default function TransformerPage() {
  return (
    <article className="chapter-page" data-testid="chapter-transformer">
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
