import { Prose } from '../../components/math';
import { chapter } from './chapter';

/**
 * The activation-functions chapter. Interim version: all lesson steps as readable sections with their prose,
 * "try this" prompts and check questions, until the lesson system (src/app/lessons) and the live figures land.
 */
export default function ActivationsPage() {
  return (
    <article className="chapter-page" data-testid="chapter-activations">
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
          {step.check && (
            <details>
              <summary>
                <Prose text={`Check: ${step.check.question}`} />
              </summary>
              <Prose text={`${step.check.options[step.check.answer]} — ${step.check.explanation}`} />
            </details>
          )}
        </section>
      ))}
    </article>
  );
}
