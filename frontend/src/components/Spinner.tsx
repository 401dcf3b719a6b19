/** The sign that a request is with the server, inside the button that sent it (the button says what in words). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" data-testid="spinner" />;
}
