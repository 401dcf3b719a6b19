import { plainMessage } from '../lib/fieldWords';

/**
 * A field's error message, placed next to the field and referenced by its aria-describedby. The server's messages
 * continue the field's name ("must have at least 8 characters"), so they are read after `label`.
 */
export function FieldError({ field, message, label }: { field: string; message: string | undefined; label?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(field)} data-testid={`error-${field}`}>
      {asSentence(message, label)}
    </p>
  );
}

export function asSentence(raw: string, label?: string): string {
  const message = plainMessage(raw);
  const continuesName = /^[a-z]/.test(message);
  if (!continuesName) return message;
  return label ? `${label} ${message}` : message.charAt(0).toUpperCase() + message.slice(1);
}

/** The element id of a field's error; ids may not hold brackets or dots comfortably in selectors. */
export function errorId(field: string): string {
  return `error-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Props that tie an input to its error (aria-invalid, aria-describedby) and to any hint ids given. */
export function describedBy(field: string, message: string | undefined, ...hintIds: string[]) {
  const ids = [...hintIds, ...(message ? [errorId(field)] : [])];
  return {
    ...(message ? { 'aria-invalid': true } : {}),
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}
