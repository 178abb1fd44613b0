export function NotFound({ path }: { path: string }) {
  return (
    <div className="not-found" data-testid="not-found">
      <h1>Page not found</h1>
      {/* The path comes from the URL: rendered as text, never as HTML. */}
      <p>
        There is no page at <code>#/{path.slice(0, 200)}</code>. It may have moved, or the link may be
        incomplete.
      </p>
      <p>
        <a href="#/">Go to the course home</a>
      </p>
    </div>
  );
}
